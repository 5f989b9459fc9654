package io.tickwire.massive;

import java.nio.charset.StandardCharsets;

/**
 * Massive-like frames of the mix the simulator sends (trades, quotes, index values), for the decoder's benchmark
 * and a node's JIT warm-up: the same frames, so the benchmark measures the code the warm-up compiles.
 */
public final class SampleFrames
{
    private SampleFrames()
    {
    }

    /**
     * A frame of {@code events} (at most 50) events: 40% trades, 45% quotes, 15% index values, varied tickers, the
     * i-th event at {@code firstMillis + i} ms (Massive's SIP time); frames of later {@code firstMillis} carry new
     * trade ids and higher sequence numbers, as a live feed's do.
     */
    public static byte[] frame(final int events, final long firstMillis)
    {
        final String[] stocks = {"SPY", "QQQ", "IWM", "XLF", "XLE", "GLD"};
        final StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < events; i++)
        {
            if (i > 0)
            {
                sb.append(',');
            }
            final String sym = stocks[i % stocks.length];
            final long t = firstMillis + i;
            if (i % 20 < 8)
            {
                sb.append("{\"ev\":\"T\",\"sym\":\"").append(sym).append("\",\"i\":\"").append(firstMillis * 1_000 + i)
                    .append("\",\"x\":").append(i % 3 == 0 ? 4 : 11).append(i % 3 == 0 ? ",\"trfi\":202,\"trft\":" + t : "")
                    .append(",\"p\":").append(600 + i % 50).append('.').append(10 + i % 89)
                    .append(",\"s\":").append(100 * (1 + i % 5)).append(i % 7 == 0 ? ",\"c\":[37]" : "")
                    .append(",\"z\":2,\"pt\":").append(t).append(",\"q\":").append(firstMillis * 100 + i).append(",\"t\":").append(t)
                    .append('}');
            }
            else if (i % 20 < 17)
            {
                sb.append("{\"ev\":\"Q\",\"sym\":\"").append(sym).append("\",\"bx\":11,\"bp\":").append(600 + i % 50)
                    .append(".01,\"bs\":3,\"ax\":12,\"ap\":").append(600 + i % 50).append(".02,\"as\":5,\"z\":2,\"t\":")
                    .append(t).append(",\"q\":").append(firstMillis * 100 + 50 + i).append('}');
            }
            else
            {
                sb.append("{\"ev\":\"V\",\"val\":").append(6000 + i % 100).append(".25,\"T\":\"I:SPX\",\"t\":").append(t)
                    .append('}');
            }
        }
        return sb.append(']').toString().getBytes(StandardCharsets.US_ASCII);
    }
}

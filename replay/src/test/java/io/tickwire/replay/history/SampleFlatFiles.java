package io.tickwire.replay.history;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * Makes the sample flat files shipped in {@code samples/flatfiles} (for the import's tests and the quant
 * walkthrough): ten minutes of SPY, QQQ and IWM trades on 2026-11-24 from 14:30 UTC (the regular session),
 * a random walk from a fixed seed, sorted by ticker then SIP time as Massive's files are, sizes with a
 * fractional one now and then (decimals, as since 2026-02-23); and the minute aggregates of those trades.
 * <pre>java -cp ... io.tickwire.replay.history.SampleFlatFiles samples/flatfiles</pre>
 */
public final class SampleFlatFiles
{
    static final long SEED = 20261124L;
    static final long START = 1_795_530_600_000_000_000L; // 2026-11-24T14:30:00Z
    static final String DAY = "2026-11-24";
    private static final long MINUTE = 60_000_000_000L;

    private SampleFlatFiles()
    {
    }

    public static void main(final String[] args) throws IOException
    {
        write(Path.of(args.length > 0 ? args[0] : "samples/flatfiles"));
    }

    static void write(final Path dir) throws IOException
    {
        Files.createDirectories(dir);
        System.out.println("sample flat files, seed " + SEED);
        final Random random = new Random(SEED);
        final List<String> trades = new ArrayList<>();
        final List<String> minutes = new ArrayList<>();
        int id = 1;
        for (final String[] ticker : new String[][]{{"IWM", "240.00"}, {"QQQ", "520.00"}, {"SPY", "600.00"}})
        {
            long cents = new BigDecimal(ticker[1]).movePointRight(2).longValue();
            long time = START + random.nextInt(500_000_000);
            long sequence = 1000;
            final TreeMap<Long, long[]> bars = new TreeMap<>(); // minute -> o, h, l, c (cents), volume (1e-6), n
            while (time < START + 10 * MINUTE)
            {
                cents += random.nextInt(5) - 2;
                final long micros = (100 + random.nextInt(5) * 100) * 1_000_000L + (random.nextInt(10) == 0 ? 500_000 : 0);
                final int exchange = 1 + random.nextInt(3) * 5; // 1, 6, 11: lit venues, no TRF prints
                trades.add(ticker[0] + ",," + "," + exchange + "," + id++ + "," + (time - 20_000) + "," +
                    BigDecimal.valueOf(cents, 2).toPlainString() + "," + sequence++ + "," + time + "," +
                    BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString() + ",3,,");
                final long price = cents;
                final long[] bar = bars.computeIfAbsent(time / MINUTE * MINUTE,
                    (m) -> new long[]{price, price, price, price, 0, 0});
                bar[1] = Math.max(bar[1], cents);
                bar[2] = Math.min(bar[2], cents);
                bar[3] = cents;
                bar[4] += micros;
                bar[5]++;
                time += 50_000_000L + random.nextInt(600_000_000);
            }
            bars.forEach((minute, b) -> minutes.add(ticker[0] + "," + BigDecimal.valueOf(b[4], 6).stripTrailingZeros()
                .toPlainString() + "," + BigDecimal.valueOf(b[0], 2) + "," + BigDecimal.valueOf(b[3], 2) + "," +
                BigDecimal.valueOf(b[1], 2) + "," + BigDecimal.valueOf(b[2], 2) + "," + minute + "," + b[5]));
        }
        gzip(dir.resolve(DAY + "_trades_v1.csv.gz"), "ticker,conditions,correction,exchange,id,participant_timestamp," +
            "price,sequence_number,sip_timestamp,size,tape,trf_id,trf_timestamp", trades);
        gzip(dir.resolve(DAY + "_minute_aggs_v1.csv.gz"), "ticker,volume,open,close,high,low,window_start,transactions",
            minutes);
    }

    private static void gzip(final Path file, final String header, final List<String> rows) throws IOException
    {
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(file));
            PrintStream out = new PrintStream(gz, false, StandardCharsets.UTF_8))
        {
            out.print(header + "\n");
            rows.forEach((r) -> out.print(r + "\n"));
        }
    }
}

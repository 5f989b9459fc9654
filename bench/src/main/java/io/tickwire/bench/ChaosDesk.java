package io.tickwire.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoopGroup;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A desk on one engine run of the chaos harness: it waits for the gateway's {@code /ready}, subscribes to every
 * trade, and counts what arrives as live (no {@code "snapshot":true}) although the engine received it more than a
 * second before the desk connected ({@code rt}) — history sent as live. Trades journaled from the raw capture
 * after a crash (source {@code recovered}) keep their original receive time and are new to every desk: not counted.
 */
final class ChaosDesk implements AutoCloseable
{
    private static final byte[] RT = "\"rt\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRADE = "\"type\":\"trade\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SNAPSHOT = "\"snapshot\":true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RECOVERED = "\"src\":\"recovered\"".getBytes(StandardCharsets.US_ASCII);
    private static final long MARGIN_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final BenchClient client;
    private final long connectedEpochNanos;
    private final AtomicLong live = new AtomicLong();
    private final AtomicLong snapshots = new AtomicLong();
    private final AtomicLong historyAsLive = new AtomicLong();

    private ChaosDesk(final EventLoopGroup group, final int port, final List<String> tickers) throws Exception
    {
        connectedEpochNanos = System.currentTimeMillis() * 1_000_000L;
        client = new BenchClient(group, "ws://127.0.0.1:" + port + "/ws", this::onFrame);
        client.awaitReady();
        client.send("{\"op\":\"subscribe\",\"id\":1,\"channels\":[\"trades\"],\"symbols\":[\"" +
            String.join("\",\"", tickers) + "\"]}");
    }

    /** Waits up to a minute for the gateway on {@code port} to be ready, then connects. */
    static ChaosDesk connect(final EventLoopGroup group, final int port, final List<String> tickers) throws Exception
    {
        final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        final HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready")).build();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true)
        {
            try
            {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200)
                {
                    return new ChaosDesk(group, port, tickers);
                }
            }
            catch (final java.io.IOException notYet)
            {
                // the engine is still starting: its gateway does not listen yet
            }
            if (System.nanoTime() > deadline)
            {
                throw new IllegalStateException("the gateway on port " + port + " was not ready within 60 s");
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private void onFrame(final ByteBuf frame, final long receivedNanos)
    {
        if (BenchClient.indexOf(frame, TRADE, frame.readerIndex()) < 0)
        {
            return;
        }
        if (BenchClient.indexOf(frame, SNAPSHOT, frame.readerIndex()) >= 0)
        {
            snapshots.incrementAndGet();
            return;
        }
        live.incrementAndGet();
        final long rt = BenchClient.longAfter(frame, RT, frame.readerIndex());
        if (rt < connectedEpochNanos - MARGIN_NANOS && BenchClient.indexOf(frame, RECOVERED, frame.readerIndex()) < 0)
        {
            historyAsLive.incrementAndGet();
        }
    }

    long live()
    {
        return live.get();
    }

    long snapshots()
    {
        return snapshots.get();
    }

    long historyAsLive()
    {
        return historyAsLive.get();
    }

    @Override
    public void close()
    {
        client.close();
    }
}

package io.tickwire.bench;

import io.netty.channel.EventLoopGroup;
import io.tickwire.config.Keys;
import io.tickwire.config.TickwireConfig;
import io.tickwire.model.EpochClock;
import io.tickwire.node.ProcessDefaults;
import io.tickwire.node.TickwireNode;
import io.tickwire.simulator.MassiveSimulator;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * tickwire beside the peer a desk would otherwise run: a plain Python consumer of Massive's WebSocket
 * ({@code bench/peer/massive_peer.py}, websockets and json, per-symbol 1 s bars in dicts) reading the same simulator
 * directly, in the same window. Both measure, for SPY's trades, receipt wall time minus the trade's time {@code t}:
 * the desk behind tickwire with the process's epoch clock ({@link EpochClock}, to the microsecond), the peer with
 * Python's {@code time.time_ns()}. tickwire's path has one more WebSocket hop and also dedupes, builds bars and
 * metrics and journals everything; its own share, {@code gt − rt} (gateway send minus socket receipt, one clock), is
 * reported beside. Needs Debian's python3-websockets.
 *
 * <pre>bin/bench peer [--rates 5000,20000,50000,100000] [--warmup 3] [--duration 6]</pre>
 */
public final class PeerHarness
{
    static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final byte[] TRADE = "\"type\":\"trade\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] T = "\"t\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RT = "\"rt\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GT = "\"gt\":".getBytes(StandardCharsets.US_ASCII);
    private static final long MAX = TimeUnit.SECONDS.toNanos(60);
    private static final Pattern FIGURE = Pattern.compile("\"([a-z0-9.]+)\": (-?\\d+)");

    /** One rate's figures, in nanoseconds; the peer's as it printed them (p50, p99, p99.9, samples, ...). */
    record Result(int rate, Map<String, Long> peer, Histogram desk, Histogram ownShare)
    {
    }

    private PeerHarness()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        ProcessDefaults.apply();
        final LatencyOptions options = LatencyOptions.parse(args);
        if (!Arrays.asList(args).contains("--rates"))
        {
            options.rates = List.of(5_000, 20_000, 50_000, 100_000);
        }
        final Path script = Path.of(System.getProperty("tickwire.home", "."), "bench", "peer", "massive_peer.py");
        if (!Files.isRegularFile(script))
        {
            throw new IOException("no peer script at " + script + " (run from the repository: bin/bench peer)");
        }
        final List<Result> results = new ArrayList<>();
        for (final int rate : options.rates)
        {
            results.add(run(rate, options, script));
        }
        print(results, System.out);
        System.exit(0);
    }

    /** @param script the peer, {@code bench/peer/massive_peer.py} */
    static Result run(final int rate, final LatencyOptions options, final Path script) throws Exception
    {
        final Histogram desk = new Histogram(MAX, 3);
        final Histogram ownShare = new Histogram(MAX, 3);
        final Path data = Files.createTempDirectory("tickwire-peer");
        final EventLoopGroup group = LatencyHarness.clientLoop();
        try (MassiveSimulator simulator = MassiveSimulator.start(LatencyHarness.market(rate, options));
            TickwireNode node = LatencyHarness.launch(simulator, "shared", data, options.engineSettings))
        {
            final List<String> symbols = TickwireConfig.defaults().get(Keys.FEED_STOCKS_SYMBOLS);
            final Process peer = new ProcessBuilder(PYTHON.toString(), script.toString(), simulator.url() + "/stocks",
                "bench", String.join(",", symbols), String.valueOf(options.warmupSeconds),
                String.valueOf(options.durationSeconds)).redirectErrorStream(true).start();
            final long[] measureFrom = {Long.MAX_VALUE};
            final BenchClient client = new BenchClient(group, node.gateway().webSocketUrl(), (content, received) ->
            {
                if (received >= measureFrom[0] && BenchClient.indexOf(content, TRADE, 0) >= 0)
                {
                    final long now = EpochClock.INSTANCE.nanoTime();
                    final long t = BenchClient.longAfter(content, T, 0);
                    final long rt = BenchClient.longAfter(content, RT, 0);
                    final long gt = BenchClient.longAfter(content, GT, 0);
                    desk.recordValue(Math.min(MAX, Math.max(0, now - t)));
                    if (rt > 0 && gt > 0)
                    {
                        ownShare.recordValue(Math.min(MAX, Math.max(0, gt - rt)));
                    }
                }
            });
            client.awaitReady();
            client.send("{\"op\":\"subscribe\",\"channels\":[\"trades\"],\"symbols\":[\"SPY\"]}");
            Thread.sleep(TimeUnit.SECONDS.toMillis(options.warmupSeconds));
            measureFrom[0] = System.nanoTime();
            Thread.sleep(TimeUnit.SECONDS.toMillis(options.durationSeconds));
            measureFrom[0] = Long.MAX_VALUE;
            client.close();
            final String output = new String(peer.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!peer.waitFor(30, TimeUnit.SECONDS) || peer.exitValue() != 0)
            {
                throw new IllegalStateException("the Python peer failed (needs Debian's python3-websockets): " + output);
            }
            return new Result(rate, figures(output.substring(output.lastIndexOf('\n') + 1)), desk, ownShare);
        }
        finally
        {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            LatencyHarness.deleteTree(data);
        }
    }

    /** The peer's JSON line's numbers (a null, for no samples, is left out). */
    static Map<String, Long> figures(final String line)
    {
        final Map<String, Long> figures = new HashMap<>();
        final Matcher m = FIGURE.matcher(line);
        while (m.find())
        {
            figures.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return figures;
    }

    static void print(final List<Result> results, final PrintStream out)
    {
        out.println("receipt minus the trade's time t, SPY trades, milliseconds (t is Massive's ms SIP time: both sides");
        out.println("carry up to 1 ms of its rounding); tickwire's own share is gt - rt on one clock");
        out.printf(Locale.ROOT, "%9s | %-30s | %-30s | %s%n", "rate/s", "Python peer p50 / p99 / p99.9",
            "desk behind tickwire p50/p99/p99.9", "tickwire own share p50 / p99 / p99.9");
        for (final Result r : results)
        {
            out.printf(Locale.ROOT, "%,9d | %8.2f %8.2f %8.2f (%,d) | %8.2f %8.2f %8.2f (%,d) | %8.3f %8.3f %8.3f%n",
                r.rate(), ms(r.peer().get("p50")), ms(r.peer().get("p99")), ms(r.peer().get("p99.9")),
                r.peer().getOrDefault("samples", 0L), r.desk().getValueAtPercentile(50) / 1e6,
                r.desk().getValueAtPercentile(99) / 1e6, r.desk().getValueAtPercentile(99.9) / 1e6,
                r.desk().getTotalCount(), r.ownShare().getValueAtPercentile(50) / 1e6,
                r.ownShare().getValueAtPercentile(99) / 1e6, r.ownShare().getValueAtPercentile(99.9) / 1e6);
        }
    }

    private static double ms(final Long nanos)
    {
        return nanos == null ? Double.NaN : nanos / 1e6;
    }
}

package io.tickwire.bench;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.tickwire.node.NodeContext;
import io.tickwire.node.TickwireNode;
import io.tickwire.node.ProcessDefaults;
import io.tickwire.config.TickwireConfig;
import io.tickwire.simulator.MassiveSimulator;
import io.tickwire.simulator.SimulatorSettings;
import org.HdrHistogram.Histogram;
import io.tickwire.model.EpochClock;

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

/**
 * The gateway fanning out to many desks: N WebSocket clients each on conflated prices of every symbol plus
 * 1 s bars, and one deliberately slow client (it stops reading) on trades as well. Per client, the delivery
 * latency of each price message from the moment the gateway rendered it (`gt`, the same clock) to the
 * client's receipt — so the position in the fan-out loop counts;
 * fairness as the spread of per-client p99s and message counts; and whether the slow client hurt anyone
 * (it should be cut off, the others unaffected). Then the same number of clients on {@link BareBroadcast}, a
 * plain Netty broadcast of the same price messages at tickwire's per-client rate: tickwire's p99 is reported as
 * a ratio to that bare p99, measured in the same run.
 *
 * <pre>bin/bench fanout [--clients 100,1000] [--rate 20000] [--warmup 3] [--duration 10] [--out bench-results]</pre>
 */
public final class FanOutBenchmark
{
    private static final byte[] PRICE = "\"type\":\"price\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GT = "\"gt\":".getBytes(StandardCharsets.US_ASCII);
    private static final long MAX = TimeUnit.SECONDS.toNanos(60);

    /** One run's figures: tickwire's, and the bare Netty broadcast's to as many clients at the same rate. */
    record Result(int clients, Histogram all, long[] perClientP99, long[] perClientMessages, boolean slowClientCut,
        long slowClientsDisconnected, Histogram bare)
    {
    }


    private FanOutBenchmark()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        ProcessDefaults.apply();
        List<Integer> clients = List.of(100, 1000);
        int rate = 20_000;
        long warmup = 3;
        long duration = 10;
        Path out = Path.of("bench-results");
        for (int i = 0; i < args.length; i += 2)
        {
            if (i + 1 == args.length)
            {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            switch (args[i])
            {
                case "--clients":
                    clients = Arrays.stream(args[i + 1].split(",")).map(Integer::parseInt).toList();
                    break;
                case "--rate":
                    rate = Integer.parseInt(args[i + 1]);
                    break;
                case "--warmup":
                    warmup = Long.parseLong(args[i + 1]);
                    break;
                case "--duration":
                    duration = Long.parseLong(args[i + 1]);
                    break;
                case "--out":
                    out = Path.of(args[i + 1]);
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        final List<Result> results = new ArrayList<>();
        for (final int n : clients)
        {
            results.add(run(n, rate, warmup, duration, out));
        }
        print(results, System.out);
        System.exit(0);
    }

    static Result run(final int clients, final int rate, final long warmup, final long duration, final Path out)
        throws Exception
    {
        Files.createDirectories(out);
        final Path data = Files.createTempDirectory("tickwire-fanout");
        final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, new DefaultThreadFactory("bench-clients", true),
            NioIoHandler.newFactory());
        final long epochOffset = EpochClock.INSTANCE.nanoTime() - System.nanoTime(); // the gateway's own clock
        try (MassiveSimulator simulator = MassiveSimulator.start(new SimulatorSettings().rate(rate).apiKey("bench")))
        {
            final Map<String, String> settings = new HashMap<>();
            settings.put("feed.url", simulator.url());
            settings.put("feed.restUrl", simulator.restUrl());
            settings.put("feed.clusters", "stocks,indices");
            settings.put("engine.dataDir", data.toString());
            settings.put("gateway.port", "0");
            settings.put("gateway.slowClientBytes", String.valueOf(1 << 20));
            try (TickwireNode process = TickwireNode.launch(new NodeContext().config(TickwireConfig.load(null, settings, Map.of())).apiKey("bench")))
            {
                final Measuring measuring = new Measuring(clients, epochOffset);
                final List<BenchClient> connected = measuring.connect(group, process.gateway().webSocketUrl(),
                    "{\"op\":\"subscribe\",\"channels\":[\"prices\",\"bars.1s\"]}");
                final BenchClient slow = new BenchClient(group, process.gateway().webSocketUrl(), (content, received) -> { });
                slow.awaitReady();
                slow.send("{\"op\":\"subscribe\",\"channels\":[\"trades\",\"quotes\",\"prices\",\"bars.1s\"]}");
                slow.stopReading();
                measuring.measure(warmup, duration);
                final long cut = process.gateway().counters().snapshot().get("slow_clients_disconnected");
                connected.forEach(BenchClient::close);
                slow.close();
                final long[] sorted = measuring.messages.clone();
                Arrays.sort(sorted);
                final Histogram bare = bare(clients, Math.max(1.0, sorted[sorted.length / 2] / (double)duration),
                    warmup, duration, group, epochOffset);
                final Result r = new Result(clients, measuring.all, measuring.p99(), measuring.messages,
                    slow.isClosed() || cut > 0, cut, bare);
                try (PrintStream hgrm = new PrintStream(Files.newOutputStream(out.resolve("fanout-" + clients + ".hgrm")),
                    true, StandardCharsets.UTF_8))
                {
                    measuring.all.outputPercentileDistribution(hgrm, 1000.0);
                }
                return r;
            }
        }
        finally
        {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            LatencyHarness.deleteTree(data);
        }
    }

    /** The same number of clients on a bare Netty broadcast at tickwire's per-client message rate. */
    private static Histogram bare(final int clients, final double perSecond, final long warmup, final long duration,
        final EventLoopGroup group, final long epochOffset) throws Exception
    {
        try (BareBroadcast server = new BareBroadcast(perSecond))
        {
            final Measuring measuring = new Measuring(clients, epochOffset);
            final List<BenchClient> connected = measuring.connect(group, server.url(), "{}");
            measuring.measure(warmup, duration);
            connected.forEach(BenchClient::close);
            return measuring.all;
        }
    }

    /** N clients measuring each price message from its {@code gt} to their receipt, while {@link #on} is set. */
    private static final class Measuring
    {
        final Histogram all = new Histogram(MAX, 3);
        final Histogram[] perClient;
        final long[] messages;
        final long epochOffset;
        volatile boolean on;

        Measuring(final int clients, final long epochOffset)
        {
            this.perClient = new Histogram[clients];
            this.messages = new long[clients];
            this.epochOffset = epochOffset;
        }

        List<BenchClient> connect(final EventLoopGroup group, final String url, final String subscribe) throws Exception
        {
            final List<BenchClient> connected = new ArrayList<>();
            for (int c = 0; c < perClient.length; c++)
            {
                final int id = c;
                perClient[c] = new Histogram(MAX, 2);
                final BenchClient client = new BenchClient(group, url, (content, received) ->
                {
                    if (on && BenchClient.indexOf(content, PRICE, 0) >= 0)
                    {
                        final long gt = BenchClient.longAfter(content, GT, 0);
                        if (gt > 0)
                        {
                            final long latency = Math.min(MAX, Math.max(0, received + epochOffset - gt));
                            synchronized (all)
                            {
                                all.recordValue(latency);
                            }
                            perClient[id].recordValue(latency);
                            messages[id]++;
                        }
                    }
                });
                client.awaitReady();
                client.send(subscribe);
                connected.add(client);
            }
            return connected;
        }

        void measure(final long warmup, final long duration) throws InterruptedException
        {
            Thread.sleep(TimeUnit.SECONDS.toMillis(warmup));
            on = true;
            Thread.sleep(TimeUnit.SECONDS.toMillis(duration));
            on = false;
        }

        long[] p99()
        {
            final long[] p99 = new long[perClient.length];
            for (int c = 0; c < p99.length; c++)
            {
                p99[c] = perClient[c].getValueAtPercentile(99);
            }
            return p99;
        }
    }

    static void print(final List<Result> results, final PrintStream out)
    {
        out.println("fan-out: price messages, gateway render (gt) to client receipt, milliseconds; one slow client per run");
        out.printf(Locale.ROOT, "%7s %10s %8s %8s %8s %8s %26s %22s %12s %9s %9s %11s%n", "clients", "messages", "p50",
            "p99", "p99.9", "max", "per-client p99 min/med/max", "per-client msgs min/max", "slow cut off",
            "bare p50", "bare p99", "p99 / bare");
        for (final Result r : results)
        {
            final long[] p99 = r.perClientP99().clone();
            final long[] msgs = r.perClientMessages().clone();
            Arrays.sort(p99);
            Arrays.sort(msgs);
            final long bareP99 = Math.max(1, r.bare().getValueAtPercentile(99));
            out.printf(Locale.ROOT, "%7d %,10d %8.2f %8.2f %8.2f %8.2f %8.2f /%8.2f /%8.2f %10d / %-10d %12s %9.2f %9.2f %11.1f%n",
                r.clients(), r.all().getTotalCount(), r.all().getValueAtPercentile(50) / 1e6,
                r.all().getValueAtPercentile(99) / 1e6, r.all().getValueAtPercentile(99.9) / 1e6,
                r.all().getMaxValue() / 1e6, p99[0] / 1e6, p99[p99.length / 2] / 1e6, p99[p99.length - 1] / 1e6,
                msgs[0], msgs[msgs.length - 1], r.slowClientCut() ? "yes" : "NO",
                r.bare().getValueAtPercentile(50) / 1e6, bareP99 / 1e6,
                r.all().getValueAtPercentile(99) / (double)bareP99);
        }
    }
}

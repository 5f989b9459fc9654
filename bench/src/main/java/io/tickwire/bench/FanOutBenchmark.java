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
 * (it should be cut off, the others unaffected).
 *
 * <pre>bin/bench fanout [--clients 100,1000] [--rate 20000] [--warmup 3] [--duration 10] [--out bench-results]</pre>
 */
public final class FanOutBenchmark
{
    private static final byte[] PRICE = "\"type\":\"price\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GT = "\"gt\":".getBytes(StandardCharsets.US_ASCII);
    private static final long MAX = TimeUnit.SECONDS.toNanos(60);

    /** One run's figures. */
    record Result(int clients, Histogram all, long[] perClientP99, long[] perClientMessages, boolean slowClientCut,
        long slowClientsDisconnected)
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
                final Histogram all = new Histogram(MAX, 3);
                final Histogram[] perClient = new Histogram[clients];
                final long[] messages = new long[clients];
                final boolean[] measuring = {false};
                final List<BenchClient> connected = new ArrayList<>();
                for (int c = 0; c < clients; c++)
                {
                    final int id = c;
                    perClient[c] = new Histogram(MAX, 2);
                    final BenchClient client = new BenchClient(group, process.gateway().webSocketUrl(), (content, received) ->
                    {
                        if (measuring[0] && BenchClient.indexOf(content, PRICE, 0) >= 0)
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
                    client.send("{\"op\":\"subscribe\",\"channels\":[\"prices\",\"bars.1s\"]}");
                    connected.add(client);
                }
                final BenchClient slow = new BenchClient(group, process.gateway().webSocketUrl(), (content, received) -> { });
                slow.awaitReady();
                slow.send("{\"op\":\"subscribe\",\"channels\":[\"trades\",\"quotes\",\"prices\",\"bars.1s\"]}");
                slow.stopReading();
                Thread.sleep(TimeUnit.SECONDS.toMillis(warmup));
                measuring[0] = true;
                Thread.sleep(TimeUnit.SECONDS.toMillis(duration));
                measuring[0] = false;
                final long[] p99 = new long[clients];
                for (int c = 0; c < clients; c++)
                {
                    p99[c] = perClient[c].getValueAtPercentile(99);
                }
                final long cut = process.gateway().counters().snapshot().get("slow_clients_disconnected");
                final Result r = new Result(clients, all, p99, messages, slow.isClosed() || cut > 0, cut);
                connected.forEach(BenchClient::close);
                slow.close();
                try (PrintStream hgrm = new PrintStream(Files.newOutputStream(out.resolve("fanout-" + clients + ".hgrm")),
                    true, StandardCharsets.UTF_8))
                {
                    all.outputPercentileDistribution(hgrm, 1000.0);
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

    static void print(final List<Result> results, final PrintStream out)
    {
        out.println("fan-out: price messages, gateway render (gt) to client receipt, milliseconds; one slow client per run");
        out.printf(Locale.ROOT, "%7s %10s %8s %8s %8s %8s %26s %22s %12s%n", "clients", "messages", "p50", "p99",
            "p99.9", "max", "per-client p99 min/med/max", "per-client msgs min/max", "slow cut off");
        for (final Result r : results)
        {
            final long[] p99 = r.perClientP99().clone();
            final long[] msgs = r.perClientMessages().clone();
            Arrays.sort(p99);
            Arrays.sort(msgs);
            out.printf(Locale.ROOT, "%7d %,10d %8.2f %8.2f %8.2f %8.2f %8.2f /%8.2f /%8.2f %10d / %-10d %12s%n",
                r.clients(), r.all().getTotalCount(), r.all().getValueAtPercentile(50) / 1e6,
                r.all().getValueAtPercentile(99) / 1e6, r.all().getValueAtPercentile(99.9) / 1e6,
                r.all().getMaxValue() / 1e6, p99[0] / 1e6, p99[p99.length / 2] / 1e6, p99[p99.length - 1] / 1e6,
                msgs[0], msgs[msgs.length - 1], r.slowClientCut() ? "yes" : "NO");
        }
    }
}

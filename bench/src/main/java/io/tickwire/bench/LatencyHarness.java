package io.tickwire.bench;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.tickwire.node.NodeContext;
import io.tickwire.node.TickwireNode;
import io.tickwire.model.latency.LatencyHistogram;
import io.tickwire.model.latency.LatencyHistograms;
import io.tickwire.node.ProcessDefaults;
import io.tickwire.config.TickwireConfig;
import io.tickwire.model.EngineCounters;
import io.tickwire.model.EpochClock;
import io.tickwire.simulator.MassiveSimulator;
import io.tickwire.simulator.SimulatorSettings;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * End-to-end latency: simulator → WebSocket → engine (decode, ring, journals, handlers) → gateway →
 * WebSocket → desk client, at fixed rates. The simulator stamps each stock trade's id with the time its
 * schedule meant to send it (System.nanoTime), so latency runs from the <em>intended</em> send time to the
 * client's receipt — coordinated omission included: a stalled sender is charged for every event it delayed.
 * Beside it, the same rate through a bare WebSocket hop (a client subscribed straight to the simulator), so
 * tickwire's cost is a ratio to the primitive underneath. All in one JVM (one clock).
 *
 * <pre>bin/bench latency [--rates 10000,100000,500000,1000000] [--warmup 5] [--duration 10]
 *                    [--layouts shared,dedicated] [--out bench-results] [--set engine.key=value]...</pre>
 */
public final class LatencyHarness
{
    private static final byte[] ID = "\"id\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BARE_ID = "\"i\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRADE = "\"type\":\"trade\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RT = "\"rt\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GT = "\"gt\":".getBytes(StandardCharsets.US_ASCII);
    private static final long MAX_LATENCY = TimeUnit.SECONDS.toNanos(60);

    /**
     * One run's figures.
     *
     * @param hops the node's own latency histograms over the same window, by name (none for the bare path)
     * @param cpu where the window's CPU went, by role ({@link CpuByRole})
     */
    record Result(String path, String layout, int rate, double achievedRate, Histogram histogram, long drops,
        double bytesPerEvent, long gcCount, long gcMillis, Map<String, Histogram> hops, Repair repair,
        Map<String, Double> cpu)
    {
    }

    /** Over a whole tickwire run: events the full ring dropped, and events the ring-full repair put back. */
    record Repair(long dropped, long repaired)
    {
        static final Repair NONE = new Repair(0, 0);
    }

    private LatencyHarness()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        ProcessDefaults.apply();
        final LatencyOptions options = LatencyOptions.parse(args);
        final List<Result> results = run(options);
        print(results, System.out);
        System.exit(0);
    }

    static List<Result> run(final LatencyOptions options) throws Exception
    {
        Files.createDirectories(options.out);
        final List<Result> results = new ArrayList<>();
        for (final int rate : options.rates)
        {
            results.add(write(options, bare(rate, options)));
            for (final String layout : options.layouts)
            {
                results.add(write(options, tickwire(layout, rate, options)));
            }
        }
        return results;
    }

    /** The primitive: the simulator's frames straight to a WebSocket client. */
    static Result bare(final int rate, final LatencyOptions options) throws Exception
    {
        final Histogram histogram = new Histogram(MAX_LATENCY, 3);
        final EventLoopGroup group = clientLoop();
        try (MassiveSimulator simulator = MassiveSimulator.start(market(rate, options)))
        {
            final long[] measureFrom = {Long.MAX_VALUE};
            final BenchClient client = new BenchClient(group, simulator.url() + "/stocks", (content, received) ->
            {
                if (received < measureFrom[0])
                {
                    return;
                }
                int from = 0;
                long intended;
                while ((intended = BenchClient.longAfter(content, BARE_ID, from)) >= 0)
                {
                    histogram.recordValue(Math.min(MAX_LATENCY, Math.max(0, received - intended)));
                    from = BenchClient.indexOf(content, BARE_ID, from) + BARE_ID.length;
                }
            });
            client.awaitReady();
            client.send("{\"action\":\"auth\",\"params\":\"bench\"}");
            client.send("{\"action\":\"subscribe\",\"params\":\"T.SPY\"}");
            final Window window = measure(simulator, null, null, options, measureFrom);
            client.close();
            return new Result("bare-websocket", "-", rate, window.rate, histogram, 0, Double.NaN, window.gcCount,
                window.gcMillis, window.hops, Repair.NONE, window.cpu);
        }
        finally
        {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** The product: simulator → engine → gateway → desk, trades of SPY on the desk's WebSocket. */
    static Result tickwire(final String layout, final int rate, final LatencyOptions options) throws Exception
    {
        final Histogram histogram = new Histogram(MAX_LATENCY, 3);
        final Path data = Files.createTempDirectory("tickwire-latency");
        final EventLoopGroup group = clientLoop();
        try (MassiveSimulator simulator = MassiveSimulator.start(market(rate, options)))
        {
            try (TickwireNode process = launch(simulator, layout, data, options.engineSettings))
            {
                final long[] measureFrom = {Long.MAX_VALUE};
                // the hops outside the node, from each message's own times (rt: the frame's read from the socket,
                // gt: the gateway's write; both on the process's epoch clock, nanoTime plus a fixed offset)
                final Histogram toReceipt = new Histogram(MAX_LATENCY, 3);
                final Histogram fromDeskWrite = new Histogram(MAX_LATENCY, 3);
                final long epochOffset = EpochClock.INSTANCE.nanoTime() - System.nanoTime();
                final BenchClient desk = new BenchClient(group, process.gateway().webSocketUrl(), (content, received) ->
                {
                    if (received >= measureFrom[0] && BenchClient.indexOf(content, TRADE, 0) >= 0)
                    {
                        final long intended = BenchClient.longAfter(content, ID, 0);
                        if (intended >= 0)
                        {
                            histogram.recordValue(Math.min(MAX_LATENCY, Math.max(0, received - intended)));
                            final long rt = BenchClient.longAfter(content, RT, 0) - epochOffset;
                            final long gt = BenchClient.longAfter(content, GT, 0) - epochOffset;
                            toReceipt.recordValue(Math.min(MAX_LATENCY, Math.max(0, rt - intended)));
                            fromDeskWrite.recordValue(Math.min(MAX_LATENCY, Math.max(0, received - gt)));
                        }
                    }
                });
                desk.awaitReady();
                desk.send("{\"op\":\"subscribe\",\"channels\":[\"trades\"],\"symbols\":[\"SPY\"]}");
                final Window window = measure(simulator, process.counters(), process.telemetry().latencies(), options,
                    measureFrom);
                desk.close();
                final Map<String, Histogram> hops = new LinkedHashMap<>();
                hops.put("send to receive (socket)", toReceipt);
                hops.putAll(window.hops);
                hops.put("desk write to client", fromDeskWrite);
                window.hops.clear();
                window.hops.putAll(hops);
                return new Result("tickwire", layout, rate, window.rate, histogram, window.drops, window.bytesPerEvent,
                    window.gcCount, window.gcMillis, window.hops, settledRepair(process.counters()), window.cpu);
            }
        }
        finally
        {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            deleteTree(data);
        }
    }

    /** A node on the simulator's stocks cluster (trades and quotes), its gateway on a free port. */
    static TickwireNode launch(final MassiveSimulator simulator, final String layout, final Path data,
        final Map<String, String> engineSettings)
    {
        final Map<String, String> settings = new HashMap<>();
        settings.put("feed.url", simulator.url());
        settings.put("feed.restUrl", simulator.restUrl());
        settings.put("feed.clusters", "stocks");
        settings.put("feed.stocks.channels", "T,Q");
        settings.put("engine.threading", layout);
        settings.put("engine.dataDir", data.toString());
        settings.put("gateway.port", "0");
        settings.put("gateway.slowClientBytes", String.valueOf(256 << 20));
        settings.putAll(engineSettings);
        return TickwireNode.launch(new NodeContext().config(TickwireConfig.load(null, settings, Map.of()))
            .apiKey("bench"));
    }

    static SimulatorSettings market(final int rate, final LatencyOptions options)
    {
        return new SimulatorSettings().rate(rate).apiKey("bench").latencyProbe(true).seed(3)
            .historyPerTicker(options.historyPerTicker).maxEventsPerFrame(Math.max(8, Math.min(256, rate / 4_000)));
    }

    static EventLoopGroup clientLoop()
    {
        return new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("bench-client", true),
            NioIoHandler.newFactory());
    }

    /**
     * The run's ring-full drops and what their repair fetched, once the repair has finished: it starts a second
     * after the drops stop and pages through REST, so this waits until the fetched count holds still for 2.5 s.
     */
    private static Repair settledRepair(final EngineCounters counters) throws InterruptedException
    {
        if (counters.ringFullEvents.get() == 0)
        {
            return Repair.NONE;
        }
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        long fetched = -1;
        while (System.nanoTime() < deadline && fetched != counters.backfillEvents.get())
        {
            fetched = counters.backfillEvents.get(); // every backfill, a reconnect's too: all must have settled
            Thread.sleep(2_500);
        }
        return new Repair(counters.ringFullEvents.get(), counters.ringFullRepaired.get());
    }

    /** A measurement window and what the machine did during it. */
    static final class Window
    {
        double rate;
        long drops;
        double bytesPerEvent = Double.NaN;
        long gcCount;
        long gcMillis;
        /** The node's hop and stage histograms, counting only what was recorded inside the window. */
        final Map<String, Histogram> hops = new LinkedHashMap<>();
        Map<String, Double> cpu = Map.of();
    }

    static Window measure(final MassiveSimulator simulator, final EngineCounters counters,
        final LatencyHistograms latencies, final LatencyOptions options, final long[] measureFrom) throws InterruptedException
    {
        Thread.sleep(TimeUnit.SECONDS.toMillis(options.warmupSeconds));
        final Map<String, Histogram> hops0 = hops(latencies);
        final long events0 = simulator.eventsGenerated();
        final long drops0 = counters == null ? 0 : counters.ringFullEvents.get();
        final long published0 = counters == null ? 0 : counters.eventsPublished.get();
        final long allocated0 = engineAllocatedBytes();
        final long[] gc0 = gc();
        final CpuByRole cpu = CpuByRole.start();
        final long start = System.nanoTime();
        measureFrom[0] = start;
        Thread.sleep(TimeUnit.SECONDS.toMillis(options.durationSeconds));
        measureFrom[0] = Long.MAX_VALUE; // stop recording before the counters are read
        final long elapsed = System.nanoTime() - start;
        final Window w = new Window();
        w.cpu = cpu.percentOfOneCore();
        hops(latencies).forEach((name, after) ->
        {
            after.subtract(hops0.get(name));
            w.hops.put(name, after);
        });
        w.rate = (simulator.eventsGenerated() - events0) * 1e9 / elapsed;
        final long[] gc1 = gc();
        w.gcCount = gc1[0] - gc0[0];
        w.gcMillis = gc1[1] - gc0[1];
        if (counters != null)
        {
            w.drops = counters.ringFullEvents.get() - drops0;
            final long published = counters.eventsPublished.get() - published0;
            w.bytesPerEvent = published == 0 ? Double.NaN : (engineAllocatedBytes() - allocated0) / (double)published;
        }
        return w;
    }

    /** Every hop and stage histogram of the node, cumulative so far: the window is the difference of two. */
    private static Map<String, Histogram> hops(final LatencyHistograms latencies)
    {
        final Map<String, Histogram> hops = new LinkedHashMap<>();
        if (latencies != null)
        {
            for (final LatencyHistogram h : latencies.all())
            {
                final LatencyHistogram.Label label = h.label();
                hops.put(label.stage() == null ? label.name().replace('_', ' ') : "stage " + label.stage(), h.snapshot());
            }
        }
        return hops;
    }

    /** Bytes allocated by the engine's and gateway's threads (named tickwire-*), live threads only. */
    static long engineAllocatedBytes()
    {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        long total = 0;
        for (final Thread t : Thread.getAllStackTraces().keySet())
        {
            if (t.getName().startsWith("tickwire-"))
            {
                total += Math.max(0, threads.getThreadAllocatedBytes(t.getId()));
            }
        }
        return total;
    }

    private static long[] gc()
    {
        long count = 0;
        long millis = 0;
        for (final GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans())
        {
            count += Math.max(0, bean.getCollectionCount());
            millis += Math.max(0, bean.getCollectionTime());
        }
        return new long[]{count, millis};
    }

    private static Result write(final LatencyOptions options, final Result r) throws IOException
    {
        final Path file = options.out.resolve(String.format(Locale.ROOT, "latency-%s-%s-%d.hgrm", r.path(), r.layout(),
            r.rate()));
        try (PrintStream out = new PrintStream(Files.newOutputStream(file), true, StandardCharsets.UTF_8))
        {
            r.histogram().outputPercentileDistribution(out, 1000.0); // microseconds
        }
        return r;
    }

    static void print(final List<Result> results, final PrintStream out)
    {
        out.println("latency from intended send to client receipt, microseconds (HdrHistogram, coordinated omission included)");
        out.printf(Locale.ROOT, "%-15s %-9s %9s %11s %8s %9s %9s %9s %9s %9s %9s %8s %8s %7s%n", "path", "layout",
            "rate/s", "achieved/s", "samples", "p50", "p90", "p99", "p99.9", "p99.99", "max", "drops", "B/event", "GC n/ms");
        for (final Result r : results)
        {
            final Histogram h = r.histogram();
            out.printf(Locale.ROOT, "%-15s %-9s %,9d %,11.0f %,8d %9.1f %9.1f %9.1f %9.1f %9.1f %9.1f %,8d %8.1f %3d/%d%n",
                r.path(), r.layout(), r.rate(), r.achievedRate(), h.getTotalCount(),
                h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(90) / 1e3, h.getValueAtPercentile(99) / 1e3,
                h.getValueAtPercentile(99.9) / 1e3, h.getValueAtPercentile(99.99) / 1e3, h.getMaxValue() / 1e3,
                r.drops(), r.bytesPerEvent(), r.gcCount(), r.gcMillis());
        }
        if (results.stream().anyMatch((r) -> r.repair().dropped() > 0))
        {
            out.println();
            out.println("ring full, over each whole tickwire run: events dropped, and events the repair put back on the ring");
            for (final Result r : results)
            {
                if (r.repair().dropped() > 0)
                {
                    out.printf(Locale.ROOT, "%-9s %,9d  dropped %,d  repaired %,d (%.2f per dropped event)%n",
                        r.layout(), r.rate(), r.repair().dropped(), r.repair().repaired(),
                        r.repair().repaired() / (double)r.repair().dropped());
                }
            }
        }
        out.println();
        out.println("where each window's CPU went, % of one core (all in this one process: simulator, tickwire, desk client)");
        out.printf(Locale.ROOT, "%-15s %-9s %9s", "path", "layout", "rate/s");
        CpuByRole.ROLES.forEach((role) -> out.printf(Locale.ROOT, " %9s", shortRole(role)));
        out.printf(Locale.ROOT, " %9s %6s%n", "total", "cores");
        for (final Result r : results)
        {
            out.printf(Locale.ROOT, "%-15s %-9s %,9d", r.path(), r.layout(), r.rate());
            CpuByRole.ROLES.forEach((role) -> out.printf(Locale.ROOT, " %9.1f", r.cpu().getOrDefault(role, Double.NaN)));
            out.printf(Locale.ROOT, " %9.1f %6.0f%n", r.cpu().getOrDefault("total", Double.NaN),
                r.cpu().getOrDefault("cores", Double.NaN));
        }
        out.println();
        out.println("inside tickwire, per hop, over the same windows: the node's own histograms (receipt = the frame's read");
        out.println("from the socket; stage service times sampled one event in 16), microseconds");
        out.printf(Locale.ROOT, "%-9s %-9s %-28s %9s %9s %9s %9s %9s %9s%n", "layout", "rate/s", "hop", "samples", "p50",
            "p90", "p99", "p99.9", "max");
        for (final Result r : results)
        {
            r.hops().forEach((hop, h) -> out.printf(Locale.ROOT, "%-9s %,9d %-28s %,9d %9.1f %9.1f %9.1f %9.1f %9.1f%n",
                r.layout(), r.rate(), hop, h.getTotalCount(), h.getValueAtPercentile(50) / 1e3,
                h.getValueAtPercentile(90) / 1e3, h.getValueAtPercentile(99) / 1e3, h.getValueAtPercentile(99.9) / 1e3,
                h.getMaxValue() / 1e3));
        }
    }

    /** A role's name in a 9-wide column. */
    private static String shortRole(final String role)
    {
        return switch (role)
        {
            case "simulator" -> "simulator";
            case "desk client" -> "client";
            case "tickwire ingest" -> "ingest";
            case "tickwire stages" -> "stages";
            case "tickwire conductor" -> "conductor";
            case "tickwire gateway io" -> "gw-io";
            case "tickwire other" -> "tw-other";
            case "JVM (JIT, GC)" -> "jvm";
            default -> role;
        };
    }

    static void deleteTree(final Path dir)
    {
        try (var paths = Files.walk(dir))
        {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
        }
        catch (final IOException ex)
        {
            // a leftover temporary directory is not worth failing a benchmark for
        }
    }
}

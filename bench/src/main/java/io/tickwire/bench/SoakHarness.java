package io.tickwire.bench;

import io.tickwire.config.Keys;
import io.tickwire.config.TickwireConfig;
import io.tickwire.node.NodeContext;
import io.tickwire.node.ProcessDefaults;
import io.tickwire.node.TickwireNode;
import io.tickwire.simulator.MassiveSimulator;
import io.tickwire.simulator.SimulatorSettings;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * The soak: the demo (simulator, engine, gateway and one desk subscribed to every channel) at the default rate
 * and at 10× that, each for {@code --duration} seconds, sampling every {@code --every} seconds the heap after a
 * full GC, the process's resident memory (all of it, and the anonymous part: heap, native buffers, stacks), its
 * threads and its open file descriptors. It fails (exit 1) when a
 * run's last third of samples is above its middle third by more than a tolerance ({@link #grew}): a leak shows
 * as growth, a bounded node as a plateau.
 *
 * <pre>TICKWIRE_BENCH_OPTS=-Xmx512m bin/bench soak [--duration 900] [--every 10] [--rates 2000,20000]</pre>
 */
public final class SoakHarness
{
    /** One sample. */
    record Sample(long second, long heapAfterGcMb, long rssMb, long anonMb, int threads, long fds,
        long eventsPublished, long messagesToDesk)
    {
    }

    private static final long MIB = 1 << 20;
    /** Heap or RSS may grow this much over a run before it counts as a leak (caches filling, JIT, buffers). */
    private static final long HEAP_TOLERANCE_MB = 32;
    private static final long RSS_TOLERANCE_MB = 128;

    private SoakHarness()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        ProcessDefaults.apply();
        final HarnessOptions options = new HarnessOptions(args, Set.of("--duration", "--every", "--rates"));
        final long duration = options.integer("--duration", 900);
        final long every = options.integer("--every", 10);
        final List<Integer> rates = Stream.of(options.text("--rates", "2000,20000").split(","))
            .map(Integer::parseInt).toList();
        final PrintStream out = System.out;
        out.printf("soak: heap limit %d MiB, %d s per rate, a sample every %d s%n",
            Runtime.getRuntime().maxMemory() / MIB, duration, every);
        boolean failed = false;
        for (final int rate : rates)
        {
            final List<Sample> samples = run(rate, duration, every, out);
            final List<String> growth = grew(samples);
            out.printf("rate %d: %s%n", rate, growth.isEmpty() ? "no growth" : "GREW: " + String.join("; ", growth));
            failed |= !growth.isEmpty();
        }
        System.exit(failed ? 1 : 0);
    }

    static List<Sample> run(final int rate, final long seconds, final long every, final PrintStream out)
        throws Exception
    {
        final Path dir = Files.createTempDirectory("tickwire-soak");
        final List<Sample> samples = new ArrayList<>();
        final TickwireConfig demo = TickwireConfig.defaults().with(Map.of("simulator.rate", Integer.toString(rate),
            "engine.dataDir", dir.resolve("data").toString(), "gateway.port", "0"));
        try (MassiveSimulator simulator = MassiveSimulator.start(SimulatorSettings.from(demo));
            TickwireNode node = TickwireNode.launch(new NodeContext().config(demo.with(Map.of("feed.url",
                simulator.url(), "feed.restUrl", simulator.restUrl()))).apiKey(demo.get(Keys.SIMULATOR_API_KEY))))
        {
            final AtomicLong deskMessages = new AtomicLong();
            final WebSocket desk = desk(node.gateway().webSocketUrl(), deskMessages);
            out.printf("%nrate %d ev/s%n%8s %10s %9s %10s %8s %6s %14s %14s%n", rate, "second", "heap(MiB)",
                "rss(MiB)", "anon(MiB)", "threads", "fds", "events", "desk msgs");
            final long start = System.nanoTime();
            for (long t = every; t <= seconds; t += every)
            {
                final long due = start + TimeUnit.SECONDS.toNanos(t);
                while (System.nanoTime() < due)
                {
                    TimeUnit.MILLISECONDS.sleep(Math.max(1, TimeUnit.NANOSECONDS.toMillis(due - System.nanoTime())));
                }
                System.gc();
                final Sample s = new Sample(t, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / MIB,
                    statusMb("VmRSS:"), statusMb("RssAnon:"), ManagementFactory.getThreadMXBean().getThreadCount(),
                    fds(), node.counters().eventsPublished.get(), deskMessages.get());
                samples.add(s);
                out.printf("%8d %10d %9d %10d %8d %6d %,14d %,14d%n", s.second(), s.heapAfterGcMb(), s.rssMb(),
                    s.anonMb(), s.threads(), s.fds(), s.eventsPublished(), s.messagesToDesk());
            }
            desk.abort();
        }
        finally
        {
            try (Stream<Path> files = Files.walk(dir))
            {
                files.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
            }
        }
        return samples;
    }

    /**
     * Growth between the second and the last third of the samples (the first third is warm-up: the JIT, the
     * simulator's history and the gateway's caches filling): the median heap and RSS must not rise by more
     * than their tolerance, threads and file descriptors not at all beyond a few.
     */
    static List<String> grew(final List<Sample> samples)
    {
        final List<String> growth = new ArrayList<>();
        final int third = samples.size() / 3;
        if (third == 0)
        {
            return List.of("too few samples to judge (run longer or sample more often)");
        }
        final List<Sample> middle = samples.subList(third, 2 * third);
        final List<Sample> last = samples.subList(samples.size() - third, samples.size());
        check(growth, "heap after GC", median(middle, Sample::heapAfterGcMb), median(last, Sample::heapAfterGcMb),
            HEAP_TOLERANCE_MB, "MiB");
        // anonymous memory: heap, native buffers, thread stacks; RSS also counts the journals' mapped pages, which
        // grow with the day's journal and are the page cache's to reclaim
        check(growth, "anonymous RSS", median(middle, Sample::anonMb), median(last, Sample::anonMb),
            RSS_TOLERANCE_MB, "MiB");
        check(growth, "threads", median(middle, (s) -> s.threads()), median(last, (s) -> s.threads()), 2, "");
        check(growth, "file descriptors", median(middle, Sample::fds), median(last, Sample::fds), 8, "");
        return growth;
    }

    private static void check(final List<String> growth, final String what, final long before, final long after,
        final long tolerance, final String unit)
    {
        if (after - before > tolerance)
        {
            growth.add(what + " " + before + unit + " -> " + after + unit);
        }
    }

    private static long median(final List<Sample> samples, final ToLongFunction<Sample> value)
    {
        final long[] v = samples.stream().mapToLong(value).sorted().toArray();
        return v[v.length / 2];
    }

    private static WebSocket desk(final String url, final AtomicLong messages)
    {
        return HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), new WebSocket.Listener()
        {
            @Override
            public void onOpen(final WebSocket ws)
            {
                ws.sendText("{\"op\":\"subscribe\",\"channels\":[\"trades\",\"quotes\",\"prices\",\"status\"," +
                    "\"bars.1s\",\"bars.5s\",\"bars.1m\",\"metrics.1s\",\"metrics.5s\",\"metrics.1m\",\"regime\"," +
                    "\"setups\",\"alerts\"]}", true);
                ws.request(1);
            }

            @Override
            public CompletionStage<?> onText(final WebSocket ws, final CharSequence data, final boolean last)
            {
                if (last)
                {
                    messages.incrementAndGet();
                }
                ws.request(1);
                return null;
            }
        }).join();
    }

    /** A line of /proc/self/status in kB, as MiB. */
    private static long statusMb(final String field) throws IOException
    {
        for (final String line : Files.readAllLines(Path.of("/proc/self/status")))
        {
            if (line.startsWith(field))
            {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    private static long fds() throws IOException
    {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd")))
        {
            return fds.count();
        }
    }
}

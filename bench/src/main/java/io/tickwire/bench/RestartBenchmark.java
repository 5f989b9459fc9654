package io.tickwire.bench;

import io.tickwire.config.TickwireConfig;
import io.tickwire.model.journal.Journal;
import io.tickwire.node.NodeContext;
import io.tickwire.node.ProcessDefaults;
import io.tickwire.node.TickwireNode;
import io.tickwire.replay.JournalReplayer;
import io.tickwire.simulator.MassiveSimulator;
import io.tickwire.simulator.SimulatorSettings;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Start-up time after a trading day: the journals a node leaves after N input events (the replay benchmark's mix,
 * its output journal written by a replay), then a node launched on them and timed — the rebuild of its stages'
 * state from the input journal (counter {@code rebuild_ms}) and the whole launch — beside the rate of the replay
 * that wrote the output journal, in the same run. The default is a 6.5 h trading day at the demo's 2,000 events/s.
 *
 * <pre>bin/bench restart [--events 46800000]</pre>
 */
public final class RestartBenchmark
{
    /** The figures. */
    record Result(long events, double replayPerSecond, long rebuiltInputs, long rebuildMillis, long launchMillis)
    {
    }

    private RestartBenchmark()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        ProcessDefaults.apply();
        final HarnessOptions options = new HarnessOptions(args, Set.of("--events"));
        print(run(options.number("--events", 46_800_000L)), System.out);
        System.exit(0);
    }

    static Result run(final long events) throws Exception
    {
        final Path dir = Files.createTempDirectory("tickwire-restart-bench");
        final Path data = dir.resolve("data");
        try (MassiveSimulator simulator = MassiveSimulator.start(new SimulatorSettings().rate(1).apiKey("k")))
        {
            final Map<String, String> settings = simulator.nodeSettings(data, "SPY", "T");
            settings.put("engine.threading", "shared");
            final TickwireConfig config = TickwireConfig.load(null, settings, Map.of());
            final NodeContext ctx = new NodeContext().config(config).apiKey("k");
            final Path input = data.resolve("journals").resolve(Journal.INPUT);
            ReplayBenchmark.write(input, events);
            final JournalReplayer.Result replay = new JournalReplayer(config).replay(input,
                data.resolve("journals").resolve(Journal.OUTPUT));
            final long start = System.nanoTime();
            try (TickwireNode node = TickwireNode.launch(ctx))
            {
                final long launchMillis = (System.nanoTime() - start) / 1_000_000;
                return new Result(events, replay.eventsPerSecond(), node.counters().rebuiltInputs.get(),
                    node.counters().rebuildMillis.get(), launchMillis);
            }
        }
        finally
        {
            LatencyHarness.deleteTree(dir);
        }
    }

    static void print(final Result r, final PrintStream out)
    {
        out.printf(Locale.ROOT, "restart after %,d input events: stage state rebuilt from %,d records in %,d ms " +
            "(%,.0f events/s, output journal checked as it went); launch %,d ms in all; the replay that wrote the " +
            "output journal: %,.0f events/s%n", r.events(), r.rebuiltInputs(), r.rebuildMillis(),
            r.rebuiltInputs() * 1000.0 / Math.max(1, r.rebuildMillis()), r.launchMillis(), r.replayPerSecond());
    }
}

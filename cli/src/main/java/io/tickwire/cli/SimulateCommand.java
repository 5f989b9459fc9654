package io.tickwire.cli;

import io.tickwire.config.Keys;
import io.tickwire.config.TickwireConfig;
import io.tickwire.simulator.MassiveSimulator;
import io.tickwire.simulator.SimulatorSettings;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** {@code tickwire simulate}: the Massive simulator on its own, for another process's engine to connect to. */
final class SimulateCommand
{
    static final String HELP = String.join("\n",
        "usage: tickwire simulate [--port PORT] [--rate EVENTS_PER_SECOND] [--recording FILE [--fast true]]",
        "                         [--config FILE] [--set key=value]...",
        "",
        "With --recording, serves a recorded session (from `tickwire export-raw`) at its original pacing, or",
        "back to back with --fast true, instead of the simulated market.",
        "Serves the simulated Massive feed at ws://simulator.host:PORT/{stocks,indices,options} until Ctrl-C.",
        "Clients authenticate with simulator.apiKey (default demo-key). Point an engine at it with",
        "  MASSIVE_API_KEY=demo-key tickwire run --set feed.url=ws://127.0.0.1:PORT --set feed.restUrl=http://127.0.0.1:PORT");

    private SimulateCommand()
    {
    }

    static int run(final CommandLine cl, final PrintStream out) throws InterruptedException
    {
        final Map<String, String> changes = new HashMap<>();
        if (cl.options.containsKey("rate"))
        {
            changes.put("simulator.rate", cl.options.get("rate"));
        }
        if (cl.options.containsKey("port"))
        {
            changes.put("simulator.port", cl.options.get("port"));
        }
        final TickwireConfig config = cl.config().with(changes);
        final SimulatorSettings settings = SimulatorSettings.from(config);
        if (cl.options.containsKey("recording"))
        {
            final Path recording = Path.of(cl.options.get("recording"));
            if (!Files.isRegularFile(recording))
            {
                throw new IllegalArgumentException("no recording at " + recording);
            }
            settings.recording(recording, Boolean.parseBoolean(cl.option("fast", "false")));
        }
        final MassiveSimulator simulator = MassiveSimulator.start(settings);
        final CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            simulator.close();
            stop.countDown();
        }, "simulator-shutdown"));
        out.printf("Massive simulator at %s/{stocks,indices,options}, key '%s', %d ev/s, seed %d%n",
            simulator.url(), config.get(Keys.SIMULATOR_API_KEY), config.get(Keys.SIMULATOR_RATE),
            config.get(Keys.SIMULATOR_SEED));
        out.printf("REST at %s; faults: curl -X POST '%s/_simulator/faults/NAME?cluster=stocks' with NAME one of%n" +
            "  drop (&closeFrame=true), stall (&ms=), ignore-pings (&on=), duplicate-frames (&n=), duplicate-sequence,%n" +
            "  reorder, late-print (&ticker=&ms=), evict, refuse (&ms=), fail-auth, malformed, unknown-ev%n",
            simulator.restUrl(), simulator.restUrl());
        stop.await();
        return 0;
    }
}

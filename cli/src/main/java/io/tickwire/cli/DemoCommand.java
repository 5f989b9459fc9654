package io.tickwire.cli;

import io.tickwire.node.NodeContext;
import io.tickwire.node.TickwireNode;
import io.tickwire.config.Keys;
import io.tickwire.config.TickwireConfig;
import io.tickwire.simulator.MassiveSimulator;
import io.tickwire.simulator.SimulatorSettings;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code tickwire demo}: the simulator, the engine fed by it, and the gateway, in one process. */
final class DemoCommand
{
    static final String HELP = String.join("\n",
        "usage: tickwire demo [--duration SECONDS] [--rate EVENTS_PER_SECOND] [--config FILE] [--set key=value]...",
        "",
        "Starts the built-in Massive simulator, the engine (ingest, ring, journals) fed by it and the gateway,",
        "then prints a one-line summary every second until Ctrl-C (or for --duration seconds).",
        "Journals go to engine.dataDir (default ./data).");

    private DemoCommand()
    {
    }

    static int run(final CommandLine cl, final PrintStream out) throws InterruptedException
    {
        final long duration = cl.longOption("duration", 0);
        TickwireConfig config = cl.config();
        if (cl.options.containsKey("rate"))
        {
            config = config.with(Map.of("simulator.rate", cl.options.get("rate")));
        }
        final MassiveSimulator simulator = MassiveSimulator.start(SimulatorSettings.from(config));
        final TickwireConfig engineConfig = config.with(Map.of("feed.url", simulator.url(), "feed.restUrl",
            simulator.restUrl()));
        final TickwireNode process = TickwireNode.launch(new NodeContext().config(engineConfig).apiKey(config.get(Keys.SIMULATOR_API_KEY)).anyGatewayPortIfTaken(true));
        final LiveSummary summary = new LiveSummary(process, "SPY", config.get(Keys.DEMO_SUMMARY_INTERVAL_MS), out);
        final CountDownLatch stopped = new CountDownLatch(1);
        final Thread hook = new Thread(() ->
        {
            summary.close();
            process.close();
            simulator.close();
            stopped.countDown();
        }, "tickwire-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        out.println("tickwire demo");
        out.printf("  simulator  %s/{stocks,indices,options}  rate %d ev/s, seed %d%n", simulator.url(),
            config.get(Keys.SIMULATOR_RATE), config.get(Keys.SIMULATOR_SEED));
        out.printf("             REST %s; inject faults with e.g. curl -X POST %s/_simulator/faults/drop?cluster=stocks%n",
            simulator.restUrl(), simulator.restUrl());
        out.printf("  engine     layout %s, journals in %s%n", process.layout(),
            process.dataDir().resolve("journals").toAbsolutePath());
        final String http = "http://" + config.get(Keys.GATEWAY_HOST) + ":" + process.gateway().port();
        out.printf("  desk page  %s/   (live candles, setups, alerts, the feed's state: open it in a browser)%n", http);
        out.printf("  gateway    %s   (HTTP: %s/health, /stats, /metrics)%n", process.gateway().webSocketUrl(), http);
        out.println("  try it     connect a WebSocket client to the gateway URL and send:");
        out.println("             {\"op\":\"subscribe\",\"id\":1,\"channels\":[\"prices\",\"bars.1s\"],\"symbols\":[\"SPY\",\"I:SPX\"]}");
        out.println("  Ctrl-C stops; the journals stay on disk for `tickwire replay`.");

        summary.start();
        final String fatal;
        try
        {
            fatal = duration > 0 ?
                process.fatal().completeOnTimeout("", duration, TimeUnit.SECONDS).join() :
                process.fatal().join();
        }
        finally
        {
            if (Runtime.getRuntime().removeShutdownHook(hook))
            {
                hook.run();
            }
            stopped.await(30, TimeUnit.SECONDS);
        }
        if (!fatal.isEmpty())
        {
            out.println("stopped: " + fatal);
            return 1;
        }
        return 0;
    }
}

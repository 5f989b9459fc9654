package io.tickwire.cli;

import io.tickwire.node.NodeContext;
import io.tickwire.node.TickwireNode;
import io.tickwire.config.Keys;
import io.tickwire.config.TickwireConfig;

import java.io.PrintStream;

/** {@code tickwire run}: the engine and gateway against the configured feed (real Massive by default). */
final class RunCommand
{
    static final String HELP = String.join("\n",
        "usage: tickwire run [--config FILE] [--set key=value]...",
        "",
        "Connects to feed.url (default wss://socket.massive.com) with the API key from the environment",
        "variable named by feed.apiKeyEnv (default MASSIVE_API_KEY), journals everything under",
        "engine.dataDir and serves desks on gateway.host:gateway.port. Stops on Ctrl-C, or with exit code 1",
        "when the feed refuses the key. Desks need keys from gateway.keysFile (`tickwire new-key`); to serve",
        "without keys, say so: --set gateway.open=true.");

    static final String KEYLESS = "no gateway.keysFile: desks would need no key to subscribe or to command " +
        "setups. Create keys with `tickwire new-key`, or --set gateway.open=true to serve open on purpose";

    /** A gateway about to serve without keys, not told to. */
    static boolean keyless(final TickwireConfig config)
    {
        return config.get(Keys.GATEWAY_KEYS_FILE).isEmpty() && !config.get(Keys.GATEWAY_OPEN);
    }

    private RunCommand()
    {
    }

    static int run(final CommandLine cl, final PrintStream out, final PrintStream err)
    {
        final TickwireConfig config = cl.config();
        final String apiKey = config.apiKey();
        if (apiKey == null)
        {
            err.println("run: no API key: set $" + config.get(Keys.FEED_API_KEY_ENV) +
                " (or try `tickwire demo`, which needs none)");
            return 2;
        }
        if (keyless(config))
        {
            err.println("run: " + KEYLESS);
            return 2;
        }
        final TickwireNode process = TickwireNode.launch(new NodeContext().config(config).apiKey(apiKey));
        final Thread hook = new Thread(process::close, "tickwire-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.printf("tickwire run: feed %s, clusters %s; gateway %s%n", config.get(Keys.FEED_URL),
            config.get(Keys.FEED_CLUSTERS), process.gateway().webSocketUrl());
        final String fatal = process.fatal().join();
        if (Runtime.getRuntime().removeShutdownHook(hook))
        {
            hook.run();
        }
        err.println("stopped: " + fatal);
        return 1;
    }
}

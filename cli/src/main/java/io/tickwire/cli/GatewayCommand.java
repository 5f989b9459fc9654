package io.tickwire.cli;

import io.tickwire.config.Keys;
import io.tickwire.config.TickwireConfig;
import io.tickwire.node.NodeContext;
import io.tickwire.node.TickwireNode;

import java.io.PrintStream;

/**
 * {@code tickwire gateway}: a gateway alone, in its own process, tailing the output journal of an engine on
 * the same host, so fan-out scales across processes and cores; several may share one journal.
 */
final class GatewayCommand
{
    static final String HELP = String.join("\n",
        "usage: tickwire gateway [--config FILE] [--set key=value]...",
        "",
        "Serves desks on gateway.host:gateway.port from the output journal under engine.dataDir, which an engine",
        "(`tickwire run`) writes on this host. Several gateways may tail one journal (give each its own",
        "gateway.port). Setup commands need the engine's process: here they answer 503. Keys as",
        "for run (gateway.keysFile, or --set gateway.open=true). Stops on Ctrl-C.");

    private GatewayCommand()
    {
    }

    static int run(final CommandLine cl, final PrintStream out, final PrintStream err)
    {
        final TickwireConfig config = cl.config();
        if (RunCommand.keyless(config))
        {
            err.println("gateway: " + RunCommand.KEYLESS);
            return 2;
        }
        final TickwireNode process = TickwireNode.launch(new NodeContext().config(config)
            .parts(NodeContext.Parts.GATEWAY));
        final Thread hook = new Thread(process::close, "tickwire-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.printf("tickwire gateway: journal %s; desks at %s%n", config.get(Keys.ENGINE_DATA_DIR),
            process.gateway().webSocketUrl());
        final String fatal = process.fatal().join();
        if (Runtime.getRuntime().removeShutdownHook(hook))
        {
            hook.run();
        }
        err.println("stopped: " + fatal);
        return 1;
    }
}

package io.tickwire.cli;

import io.tickwire.node.ProcessDefaults;
import io.tickwire.config.ConfigException;

import java.io.PrintStream;
import java.net.BindException;
import java.util.List;

/**
 * tickwire's command line: {@code tickwire <demo|run|simulate|replay> [options]}. Each sub-command has
 * --help. Exit codes: 0 done, 1 failure while running, 2 bad usage or configuration.
 */
public final class Tickwire
{
    static final String USAGE = String.join("\n",
        "usage: tickwire <command> [options]",
        "",
        "commands:",
        "  demo       simulator + engine + gateway in one process, with a live summary",
        "  run        engine + gateway against the configured Massive feed (needs $MASSIVE_API_KEY)",
        "  simulate   the Massive simulator alone",
        "  replay     replay an input journal through the handlers into a new output journal",
        "  export-raw write the raw capture journal as a recorded session for `simulate --recording`",
        "  compare-bars  tickwire's 1s/1m bars against Massive's A/AM bars in an output journal",
        "",
        "common options:",
        "  --config FILE       configuration file (keys: docs/operations.md); defaults are built in",
        "  --set key=value     override one key (repeatable)",
        "  --help              help for a command");

    private Tickwire()
    {
    }

    public static void main(final String[] args)
    {
        ProcessDefaults.apply(); // before any Chronicle or Netty class loads
        System.exit(run(args, System.out, System.err));
    }

    static int run(final String[] args, final PrintStream out, final PrintStream err)
    {
        final String command = args.length == 0 ? "help" : args[0];
        try
        {
            switch (command)
            {
                case "demo":
                    return DemoCommand.run(CommandLine.parse(args, List.of("duration", "rate")), out);
                case "run":
                    return RunCommand.run(CommandLine.parse(args, List.of()), out, err);
                case "simulate":
                    return SimulateCommand.run(CommandLine.parse(args, List.of("rate", "port", "recording", "fast")), out);
                case "compare-bars":
                    return CompareBarsCommand.run(CommandLine.parse(args, List.of("output")), out);
                case "export-raw":
                    return ExportRawCommand.run(CommandLine.parse(args, List.of("input", "output")), out);
                case "replay":
                    return ReplayCommand.run(CommandLine.parse(args, List.of("input", "output", "compare")), out);
                case "help":
                case "--help":
                case "-h":
                    out.println(USAGE);
                    return 0;
                default:
                    err.println("unknown command '" + command + "'\n\n" + USAGE);
                    return 2;
            }
        }
        catch (final ConfigException ex)
        {
            err.println("configuration error: " + ex.getMessage());
            return 2;
        }
        catch (final IllegalArgumentException ex)
        {
            err.println(command + ": " + ex.getMessage() + "\n(try: tickwire " + command + " --help)");
            return 2;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return 1;
        }
        catch (final IllegalStateException ex) // a node that cannot start: the data directory, the disk
        {
            err.println(command + ": cannot start: " + ex.getMessage());
            return 1;
        }
        catch (final Exception ex) // Netty rethrows a BindException undeclared
        {
            if (ex instanceof BindException)
            {
                err.println(command + ": cannot start: " + ex.getMessage() +
                    " (a port is in use: set gateway.port or simulator.port, or 0 for any free port)");
                return 1;
            }
            throw ex instanceof RuntimeException ? (RuntimeException)ex : new IllegalStateException(ex);
        }
    }
}

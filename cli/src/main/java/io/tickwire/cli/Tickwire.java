package io.tickwire.cli;

import io.tickwire.node.ProcessDefaults;
import io.tickwire.config.ConfigException;

import java.io.PrintStream;
import java.net.BindException;
import java.util.List;
import java.util.Map;

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
        "  gateway    a gateway alone, tailing the output journal of an engine on this host",
        "  journal dump|stats|verify|tail  look inside a journal (records decoded from the schema)",
        "  import     Massive flat files (trades, quotes, minute aggregates) into an input journal",
        "  baselines build  percentile baselines of the metrics by time of day, for live percentile ranks",
        "  stat       every counter of the running nodes on a data directory, live, from another process",
        "  errors     each distinct error the nodes on a data directory recorded (running or gone), with counts",
        "  backtest   setups through a recorded or imported day: their paths, hit rates, Brier score, HTML report",
        "  export     trades, quotes, bars, metrics, setups or alerts to Parquet or CSV with typed columns",
        "  new-key    a desk's API key for the gateway's keys file (the secret is printed once)",
        "",
        "common options:",
        "  --config FILE       configuration file (keys: docs/operations.md); defaults are built in",
        "  --set key=value     override one key (repeatable)",
        "  --help              help for a command");

    private Tickwire()
    {
    }

    /** What a command does with its parsed command line. */
    private interface Body
    {
        int run(CommandLine cl, PrintStream out, PrintStream err) throws Exception;
    }

    /** A command: the options it takes (beyond --config, --set and --help), its help, what it does. */
    private record Command(List<String> options, String help, Body body)
    {
    }

    /** Commands of two words. */
    private static final List<String> GROUPS = List.of("journal", "baselines");
    private static final List<String> JOURNAL_OPTIONS = List.of("journal", "type", "symbols", "from", "to", "format");

    private static final Map<String, Command> COMMANDS = Map.ofEntries(
        Map.entry("demo", new Command(List.of("duration", "rate"), DemoCommand.HELP,
            (cl, out, err) -> DemoCommand.run(cl, out))),
        Map.entry("run", new Command(List.of(), RunCommand.HELP, RunCommand::run)),
        Map.entry("simulate", new Command(List.of("rate", "port", "recording", "fast"), SimulateCommand.HELP,
            (cl, out, err) -> SimulateCommand.run(cl, out))),
        Map.entry("compare-bars", new Command(List.of("output"), CompareBarsCommand.HELP,
            (cl, out, err) -> CompareBarsCommand.run(cl, out))),
        Map.entry("export-raw", new Command(List.of("input", "output"), ExportRawCommand.HELP,
            (cl, out, err) -> ExportRawCommand.run(cl, out))),
        Map.entry("replay", new Command(List.of("input", "output", "compare", "from", "to", "symbols", "speed",
            "serve"), ReplayCommand.HELP,
            ReplayCommand::run)),
        Map.entry("gateway", new Command(List.of(), GatewayCommand.HELP, GatewayCommand::run)),
        Map.entry("new-key", new Command(List.of("file", "id", "name", "tier", "rights"), NewKeyCommand.HELP,
            (cl, out, err) -> NewKeyCommand.run(cl, out))),
        Map.entry("import", new Command(List.of("files", "dir", "output", "rejects", "run-rows"), ImportCommand.HELP,
            ImportCommand::run)),
        Map.entry("stat", new Command(List.of("format", "interval", "count"), StatCommand.HELP, (cl, out, err) ->
            StatCommand.run(cl, out))),
        Map.entry("errors", new Command(List.of("format"), ErrorsCommand.HELP, (cl, out, err) ->
            ErrorsCommand.run(cl, out))),
        Map.entry("backtest", new Command(List.of("setups", "report", "input"), BacktestCommand.HELP,
            BacktestCommand::run)),
        Map.entry("export", new Command(List.of("type", "out", "format", "symbols", "from", "to", "revisions",
            "journal"), ExportCommand.HELP, ExportCommand::run)),
        Map.entry("baselines build", new Command(List.of("days", "journal", "input", "out"), BaselinesCommand.HELP,
            BaselinesCommand::run)),
        Map.entry("journal dump", new Command(JOURNAL_OPTIONS, JournalCommand.HELP,
            (cl, out, err) -> JournalCommand.run("dump", cl, out))),
        Map.entry("journal stats", new Command(JOURNAL_OPTIONS, JournalCommand.HELP,
            (cl, out, err) -> JournalCommand.run("stats", cl, out))),
        Map.entry("journal verify", new Command(JOURNAL_OPTIONS, JournalCommand.HELP,
            (cl, out, err) -> JournalCommand.run("verify", cl, out))),
        Map.entry("journal tail", new Command(JOURNAL_OPTIONS, JournalCommand.HELP,
            (cl, out, err) -> JournalCommand.run("tail", cl, out))));

    public static void main(final String[] args)
    {
        ProcessDefaults.apply(); // before any Chronicle or Netty class loads
        System.exit(run(args, System.out, System.err));
    }

    static int run(final String[] args, final PrintStream out, final PrintStream err)
    {
        final String[] shifted = args.length > 1 && GROUPS.contains(args[0]) && !args[1].startsWith("-") ?
            groupArgs(args) : args;
        return dispatch(shifted, out, err);
    }

    /** {@code GROUP ACTION ...} ({@code journal dump}): one command word, "GROUP ACTION", for the table. */
    private static String[] groupArgs(final String[] args)
    {
        final String[] shifted = new String[args.length - 1];
        shifted[0] = args[0] + " " + args[1];
        System.arraycopy(args, 2, shifted, 1, args.length - 2);
        return shifted;
    }

    private static int dispatch(final String[] args, final PrintStream out, final PrintStream err)
    {
        final String command = args.length == 0 ? "help" : args[0];
        try
        {
            if (command.equals("help") || command.equals("--help") || command.equals("-h"))
            {
                out.println(USAGE);
                return 0;
            }
            final Command c = COMMANDS.get(command);
            if (c == null)
            {
                err.println("unknown command '" + command + "'\n\n" + USAGE);
                return 2;
            }
            final CommandLine cl = CommandLine.parse(args, c.options());
            if (cl.help)
            {
                out.println(c.help());
                return 0;
            }
            return c.body().run(cl, out, err);
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

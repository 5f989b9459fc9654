package io.tickwire.cli;

import java.nio.file.Files;
import io.tickwire.config.Keys;
import io.tickwire.config.TickwireConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parsed options of one sub-command: --config FILE, repeatable --set key=value, and named options. */
final class CommandLine
{
    final String command;
    Path configFile;
    final Map<String, String> overrides = new LinkedHashMap<>();
    final Map<String, String> options = new LinkedHashMap<>();
    boolean help;

    private CommandLine(final String command)
    {
        this.command = command;
    }

    /** @throws IllegalArgumentException with a message for the user. */
    static CommandLine parse(final String[] args, final List<String> valueOptions)
    {
        final CommandLine cl = new CommandLine(args.length == 0 ? "help" : args[0]);
        final List<String> rest = new ArrayList<>(List.of(args).subList(Math.min(1, args.length), args.length));
        for (int i = 0; i < rest.size(); i++)
        {
            final String arg = rest.get(i);
            if (arg.equals("--help") || arg.equals("-h"))
            {
                cl.help = true;
            }
            else if (arg.equals("--config"))
            {
                cl.configFile = Path.of(value(rest, ++i, arg));
            }
            else if (arg.equals("--set"))
            {
                final String pair = value(rest, ++i, arg);
                final int eq = pair.indexOf('=');
                if (eq <= 0)
                {
                    throw new IllegalArgumentException("--set takes key=value, got '" + pair + "'");
                }
                cl.overrides.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
            else if (arg.startsWith("--") && valueOptions.contains(arg.substring(2)))
            {
                cl.options.put(arg.substring(2), value(rest, ++i, arg));
            }
            else
            {
                throw new IllegalArgumentException("unknown argument '" + arg + "' for '" + cl.command + "'");
            }
        }
        return cl;
    }

    TickwireConfig config()
    {
        return TickwireConfig.load(configFile, overrides, System.getenv());
    }

    /**
     * The journal an option names, or else journal {@code journal} under the configured data directory; it must
     * exist (a tool reads it).
     */
    Path existingJournal(final String option, final String journal)
    {
        final Path path = Path.of(option(option, dataDirJournal(journal).toString()));
        if (!Files.isDirectory(path))
        {
            throw new IllegalArgumentException("no " + journal + " journal at " + path);
        }
        return path;
    }

    /** Where journal {@code journal} lives under the configured data directory. */
    Path dataDirJournal(final String journal)
    {
        return Path.of(config().get(Keys.ENGINE_DATA_DIR)).resolve("journals").resolve(journal);
    }

    /** A required option's value. */
    String required(final String name, final String what)
    {
        final String value = options.get(name);
        if (value == null)
        {
            throw new IllegalArgumentException("--" + name + " " + what + " is required");
        }
        return value;
    }

    String option(final String name, final String fallback)
    {
        return options.getOrDefault(name, fallback);
    }

    long longOption(final String name, final long fallback)
    {
        final String v = options.get(name);
        if (v == null)
        {
            return fallback;
        }
        try
        {
            return Long.parseLong(v);
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("--" + name + " expects a whole number, got '" + v + "'");
        }
    }

    private static String value(final List<String> args, final int i, final String option)
    {
        if (i >= args.size())
        {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }
}

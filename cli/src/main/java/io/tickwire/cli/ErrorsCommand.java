package io.tickwire.cli;

import io.tickwire.config.Keys;
import io.tickwire.gateway.JsonText;
import io.tickwire.model.CountersFile;
import org.agrona.concurrent.errors.ErrorLogReader;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code tickwire errors}: the distinct-error logs in the counters files on a data directory — of running nodes,
 * and of nodes that are gone (kept when they recorded errors, for the post-mortem) — Aeron's {@code ErrorStat}:
 * each distinct error once, with how often, first and last seen.
 */
final class ErrorsCommand
{
    static final String HELP = String.join("\n",
        "usage: tickwire errors [--format text|json] [--config FILE] [--set key=value]...",
        "",
        "Reads the distinct-error log of every counters file in engine.dataDir, running or not: a node's file is",
        "deleted at a clean stop only when it recorded no error, so a crashed or stopped node's errors stay",
        "readable (the newest " + CountersFile.KEPT_WITH_ERRORS + " such files). Each error: how many times, first and",
        "last seen (UTC), where it happened and its stack trace. Exit status 0 when no error is recorded, 2 when",
        "some are.");

    private ErrorsCommand()
    {
    }

    /** One distinct error as the log holds it: how often, first and last seen (epoch ms), its text. */
    private record Observed(int count, long first, long last, String error)
    {
    }

    /** A counters file's process and what its error log holds. */
    private record ProcessErrors(CountersFile.Attached process, List<Observed> errors)
    {
    }

    static int run(final CommandLine cl, final PrintStream out)
    {
        final Path dataDir = Path.of(cl.config().get(Keys.ENGINE_DATA_DIR));
        final List<CountersFile.Attached> processes = CountersFile.attachAllWithGone(dataDir);
        final List<ProcessErrors> errors = new ArrayList<>();
        int total = 0;
        for (final CountersFile.Attached p : processes)
        {
            final List<Observed> observed = new ArrayList<>();
            ErrorLogReader.read(p.errors(), (count, first, last, error) ->
                observed.add(new Observed(count, first, last, error)));
            errors.add(new ProcessErrors(p, observed));
            total += observed.size();
        }
        if (cl.option("format", "text").equals("json"))
        {
            out.println(json(errors));
        }
        else if (processes.isEmpty())
        {
            out.println("no tickwire counters files in " + dataDir.toAbsolutePath());
        }
        else
        {
            errors.forEach((e) -> out.print(text(e.process(), e.errors())));
        }
        return total == 0 ? 0 : 2;
    }

    private static String text(final CountersFile.Attached p, final List<Observed> observed)
    {
        final StringBuilder text = new StringBuilder(String.format("pid %d, started %s, %s: %d distinct error%s%n",
            p.pid(), Instant.ofEpochMilli(p.startMillis()), p.alive() ? "running" : "gone", observed.size(),
            observed.size() == 1 ? "" : "s"));
        for (final Observed o : observed)
        {
            text.append(String.format("%n%d time%s, first %s, last %s%n%s%n", o.count(), o.count() == 1 ? "" : "s",
                Instant.ofEpochMilli(o.first()), Instant.ofEpochMilli(o.last()), o.error().strip()));
        }
        return text.append(System.lineSeparator()).toString();
    }

    private static String json(final List<ProcessErrors> errors)
    {
        return JsonText.object((g) ->
        {
            g.writeArrayFieldStart("processes");
            for (final ProcessErrors e : errors)
            {
                g.writeStartObject();
                g.writeNumberField("pid", e.process().pid());
                g.writeNumberField("startMillis", e.process().startMillis());
                g.writeBooleanField("running", e.process().alive());
                g.writeArrayFieldStart("errors");
                for (final Observed o : e.errors())
                {
                    g.writeStartObject();
                    g.writeNumberField("count", o.count());
                    g.writeStringField("first", Instant.ofEpochMilli(o.first()).toString());
                    g.writeStringField("last", Instant.ofEpochMilli(o.last()).toString());
                    g.writeStringField("error", o.error());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }
}

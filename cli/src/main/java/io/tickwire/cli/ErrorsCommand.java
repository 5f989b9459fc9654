package io.tickwire.cli;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.tickwire.config.Keys;
import io.tickwire.model.CountersFile;
import org.agrona.concurrent.errors.ErrorLogReader;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
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

    static int run(final CommandLine cl, final PrintStream out)
    {
        final Path dataDir = Path.of(cl.config().get(Keys.ENGINE_DATA_DIR));
        final List<CountersFile.Attached> processes = CountersFile.attachAllWithGone(dataDir);
        final boolean json = cl.option("format", "text").equals("json");
        final StringBuilder text = new StringBuilder(json ? "{\"processes\":[" : "");
        int total = 0;
        for (int i = 0; i < processes.size(); i++)
        {
            final CountersFile.Attached p = processes.get(i);
            final StringBuilder errors = new StringBuilder();
            final int n = ErrorLogReader.read(p.errors(), (count, first, last, error) ->
            {
                if (json)
                {
                    errors.append(errors.length() == 0 ? "" : ",").append("{\"count\":").append(count)
                        .append(",\"first\":\"").append(Instant.ofEpochMilli(first)).append("\",\"last\":\"")
                        .append(Instant.ofEpochMilli(last)).append("\",\"error\":\"")
                        .append(JsonStringEncoder.getInstance().quoteAsString(error)).append("\"}");
                }
                else
                {
                    errors.append(String.format("%n%d time%s, first %s, last %s%n%s", count, count == 1 ? "" : "s",
                        Instant.ofEpochMilli(first), Instant.ofEpochMilli(last), error.strip()));
                }
            });
            total += n;
            if (json)
            {
                text.append(i == 0 ? "" : ",").append("{\"pid\":").append(p.pid()).append(",\"startMillis\":")
                    .append(p.startMillis()).append(",\"running\":").append(p.alive()).append(",\"errors\":[")
                    .append(errors).append("]}");
            }
            else
            {
                text.append(String.format("pid %d, started %s, %s: %d distinct error%s%n%s%n", p.pid(),
                    Instant.ofEpochMilli(p.startMillis()), p.alive() ? "running" : "gone", n, n == 1 ? "" : "s",
                    errors));
            }
        }
        if (json)
        {
            out.println(text.append("]}"));
        }
        else
        {
            out.print(processes.isEmpty() ? "no tickwire counters files in " + dataDir.toAbsolutePath() + "\n" : text);
        }
        return total == 0 ? 0 : 2;
    }
}

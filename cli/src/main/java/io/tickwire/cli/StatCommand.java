package io.tickwire.cli;

import io.tickwire.config.Keys;
import io.tickwire.gateway.JsonText;
import io.tickwire.model.CountersFile;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code tickwire stat}: every counter of every tickwire process on a data directory, read from their counters
 * files while they run — {@code AeronStat} for tickwire: refreshed in place with rates, or once as JSON.
 */
final class StatCommand
{
    static final String HELP = String.join("\n",
        "usage: tickwire stat [--format table|json] [--interval MS] [--count N] [--config FILE] [--set key=value]...",
        "",
        "Attaches, read-only, to the counters files (counters-<pid>-<n>.dat) that running nodes keep in",
        "engine.dataDir, from this separate process. table (default): every counter with its rate a second,",
        "refreshed every --interval ms (default 1000) in place, --count times (default: until Ctrl-C). json: once,",
        "{\"processes\":[{\"pid\":N,\"startMillis\":T,\"counters\":{\"label\":value,...}},...]}.");

    private StatCommand()
    {
    }

    static int run(final CommandLine cl, final PrintStream out) throws InterruptedException
    {
        final Path dataDir = Path.of(cl.config().get(Keys.ENGINE_DATA_DIR));
        final List<CountersFile.Attached> processes = CountersFile.attachAll(dataDir);
        if (processes.isEmpty())
        {
            out.println("no running tickwire process keeps counters in " + dataDir.toAbsolutePath());
            return 1;
        }
        if (cl.option("format", "table").equals("json"))
        {
            out.println(json(processes));
            return 0;
        }
        final long interval = cl.longOption("interval", 1_000);
        final long count = cl.longOption("count", Long.MAX_VALUE);
        final Map<String, Long> previous = new HashMap<>();
        for (long n = 0; n < count; n++)
        {
            final StringBuilder screen = new StringBuilder("\u001b[H\u001b[2J");
            final Map<String, Long> now = new HashMap<>();
            for (final CountersFile.Attached p : processes)
            {
                screen.append(String.format(Locale.ROOT, "pid %d, up %d s%n", p.pid(),
                    (System.currentTimeMillis() - p.startMillis()) / 1000));
                p.reader().forEach((id, label) ->
                {
                    final long value = p.reader().getCounterValue(id);
                    final String key = p.pid() + "/" + label;
                    now.put(key, value);
                    final Long before = previous.get(key);
                    screen.append(String.format(Locale.ROOT, "  %-32s %,18d %s%n", label, value, before == null ? "" :
                        String.format(Locale.ROOT, "%,14.0f/s", (value - before) * 1000.0 / interval)));
                });
            }
            out.print(screen);
            out.flush();
            previous.clear();
            previous.putAll(now);
            if (n + 1 < count)
            {
                Thread.sleep(interval);
            }
        }
        return 0;
    }

    private static String json(final List<CountersFile.Attached> processes)
    {
        return JsonText.object((g) ->
        {
            g.writeArrayFieldStart("processes");
            for (final CountersFile.Attached p : processes)
            {
                g.writeStartObject();
                g.writeNumberField("pid", p.pid());
                g.writeNumberField("startMillis", p.startMillis());
                g.writeObjectFieldStart("counters");
                for (final Map.Entry<String, Long> counter : counters(p).entrySet())
                {
                    g.writeNumberField(counter.getKey(), counter.getValue());
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    private static Map<String, Long> counters(final CountersFile.Attached p)
    {
        final Map<String, Long> values = new LinkedHashMap<>();
        p.reader().forEach((value, id, label) -> values.put(label, value));
        return values;
    }
}

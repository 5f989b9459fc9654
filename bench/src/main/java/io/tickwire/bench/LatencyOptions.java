package io.tickwire.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the latency harnesses run, from their command line (bin/bench latency, bin/bench peer). */
final class LatencyOptions
{
    List<Integer> rates = List.of(10_000, 100_000, 500_000, 1_000_000);
    List<String> layouts = List.of("shared", "dedicated");
    long warmupSeconds = 5;
    long durationSeconds = 10;
    Path out = Path.of("bench-results");
    /**
     * The simulator's REST history per ticker: short by default (the harness measures the stream, and a long
     * history is garbage); long enough to cover a ring-full repair's windows when that is what is measured.
     */
    int historyPerTicker = 2_000;
    final Map<String, String> engineSettings = new HashMap<>();

    static LatencyOptions parse(final String[] args)
    {
        final LatencyOptions o = new LatencyOptions();
        for (int i = 0; i < args.length; i += 2)
        {
            if (i + 1 == args.length)
            {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            final String v = args[i + 1];
            switch (args[i])
            {
                case "--rates":
                    o.rates = new ArrayList<>();
                    for (final String r : v.split(","))
                    {
                        o.rates.add(Integer.parseInt(r.trim()));
                    }
                    break;
                case "--layouts":
                    o.layouts = List.of(v.split(","));
                    break;
                case "--warmup":
                    o.warmupSeconds = Long.parseLong(v);
                    break;
                case "--duration":
                    o.durationSeconds = Long.parseLong(v);
                    break;
                case "--out":
                    o.out = Path.of(v);
                    break;
                case "--history":
                    o.historyPerTicker = Integer.parseInt(v);
                    break;
                case "--set":
                    final int eq = v.indexOf('=');
                    if (eq <= 0)
                    {
                        throw new IllegalArgumentException("--set takes key=value, got '" + v + "'");
                    }
                    o.engineSettings.put(v.substring(0, eq), v.substring(eq + 1));
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return o;
    }
}

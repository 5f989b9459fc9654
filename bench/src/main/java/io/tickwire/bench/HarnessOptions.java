package io.tickwire.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** A harness's command line: {@code --name value} pairs, each name one the harness knows. */
final class HarnessOptions
{
    private final Map<String, String> values = new HashMap<>();

    HarnessOptions(final String[] args, final Set<String> known)
    {
        for (int i = 0; i < args.length; i += 2)
        {
            if (!known.contains(args[i]))
            {
                throw new IllegalArgumentException("unknown option " + args[i] + "; options: " + known);
            }
            if (i + 1 == args.length)
            {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            values.put(args[i], args[i + 1]);
        }
    }

    String text(final String name, final String absent)
    {
        return values.getOrDefault(name, absent);
    }

    long number(final String name, final long absent)
    {
        return values.containsKey(name) ? Long.parseLong(values.get(name)) : absent;
    }

    int integer(final String name, final int absent)
    {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : absent;
    }
}

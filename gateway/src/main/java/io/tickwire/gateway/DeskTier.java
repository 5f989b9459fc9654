package io.tickwire.gateway;

import java.util.List;

/**
 * What a key may receive and how much it may ask: channel and symbol patterns ({@code *} for all, a trailing
 * {@code *} for a prefix: {@code bars.*}, {@code O:SPY*}), a delay (served from the journal), and its limits.
 */
record DeskTier(String name, List<String> channels, List<String> symbols, int delayMinutes, int maxConnections,
    int maxSubscriptions, int requestsPerSecond)
{
    boolean channelAllowed(final String channel)
    {
        return matchesAny(channels, channel);
    }

    boolean symbolAllowed(final String ticker)
    {
        return matchesAny(symbols, ticker);
    }

    boolean everySymbol()
    {
        return symbols.contains("*");
    }

    long delayNanos()
    {
        return delayMinutes * 60_000_000_000L;
    }

    private static boolean matchesAny(final List<String> patterns, final String value)
    {
        for (final String pattern : patterns)
        {
            if (pattern.equals("*") || pattern.equals(value) ||
                pattern.endsWith("*") && value.startsWith(pattern.substring(0, pattern.length() - 1)))
            {
                return true;
            }
        }
        return false;
    }
}

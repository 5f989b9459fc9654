package io.tickwire.replay.journal;

import java.util.Set;

/**
 * Which records a journal tool shows: message types (schema names, e.g. {@code Trade}), tickers, and an
 * event-time window [from, to). Empty sets mean all; a symbol filter passes only records about those symbols.
 */
public record RecordFilter(Set<String> types, Set<String> symbols, long fromNanos, long toNanos)
{
    public static final RecordFilter ALL = new RecordFilter(Set.of(), Set.of(), Long.MIN_VALUE, Long.MAX_VALUE);

    boolean passes(final RecordDecoder.Decoded record, final String ticker, final String otherTicker)
    {
        if (!types.isEmpty() && !types.contains(record.type()))
        {
            return false;
        }
        if (!symbols.isEmpty() && !(ticker != null && symbols.contains(ticker)) &&
            !(otherTicker != null && symbols.contains(otherTicker)))
        {
            return false;
        }
        final long eventTime = record.number("eventTime", Long.MIN_VALUE);
        return eventTime == Long.MIN_VALUE || eventTime >= fromNanos && eventTime < toNanos;
    }
}

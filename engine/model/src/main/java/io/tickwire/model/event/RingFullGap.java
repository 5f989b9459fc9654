package io.tickwire.model.event;

import java.util.List;

/**
 * What the ring dropped from one cluster between two batches that fitted: the whole window (event time, ns) the
 * journal declares, and per symbol the trades and quotes lost with their own event-time windows, so a repair asks
 * for those alone rather than for every symbol over the whole window (docs/operations.md, "Ring full").
 *
 * @param events the events dropped, all kinds
 */
public record RingFullGap(int cluster, long start, long end, long events, List<Dropped> symbols)
{
    /**
     * One symbol's losses; a window is meaningful only when its count is above 0; times inclusive.
     *
     * @param ticker null when the publisher has no symbol table (a test, a replay)
     */
    public record Dropped(String ticker, long trades, long tradesFirst, long tradesLast, long quotes, long quotesFirst,
        long quotesLast)
    {
    }
}

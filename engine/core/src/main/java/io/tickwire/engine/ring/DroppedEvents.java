package io.tickwire.engine.ring;

import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import io.tickwire.model.event.RingFullGap;
import io.tickwire.model.event.StagedBatch;
import io.tickwire.model.symbols.SymbolTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One cluster's events dropped on a full ring since its last declared gap: the whole window, and per symbol the
 * trades and quotes lost with their own windows. Kept in arrays indexed by symbol id, so dropping — which happens
 * frame after frame while the ring is full — allocates nothing once the arrays have grown to the symbols seen.
 */
final class DroppedEvents
{
    private long start;
    private long end;
    private long events;
    private int[] touched = new int[64];
    private int touchedCount;
    private long[] trades = new long[256];
    private long[] tradesFirst = new long[256];
    private long[] tradesLast = new long[256];
    private long[] quotes = new long[256];
    private long[] quotesFirst = new long[256];
    private long[] quotesLast = new long[256];

    long events()
    {
        return events;
    }

    long start()
    {
        return start;
    }

    long end()
    {
        return end;
    }

    /** A batch held only symbol definitions loses nothing: they are staged again with their next use. */
    void add(final StagedBatch batch)
    {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < batch.size(); i++)
        {
            final MarketEvent e = batch.get(i);
            if (e.type == EventType.SYMBOL)
            {
                continue;
            }
            min = Math.min(min, e.eventTime);
            max = Math.max(max, e.eventTime);
            if ((e.type == EventType.TRADE || e.type == EventType.QUOTE) && e.symbolId >= 0)
            {
                bySymbol(e);
            }
        }
        if (min == Long.MAX_VALUE)
        {
            return;
        }
        start = events == 0 ? min : Math.min(start, min);
        end = events == 0 ? max : Math.max(end, max);
        events += batch.size();
    }

    /** The gap as its listener gets it; starts afresh. */
    RingFullGap drain(final int cluster, final SymbolTable symbols)
    {
        final List<RingFullGap.Dropped> dropped = new ArrayList<>(touchedCount);
        for (int i = 0; i < touchedCount; i++)
        {
            final int s = touched[i];
            dropped.add(new RingFullGap.Dropped(symbols == null ? null : symbols.ticker(s), trades[s], tradesFirst[s],
                tradesLast[s], quotes[s], quotesFirst[s], quotesLast[s]));
            trades[s] = 0;
            tradesFirst[s] = 0;
            tradesLast[s] = 0;
            quotes[s] = 0;
            quotesFirst[s] = 0;
            quotesLast[s] = 0;
        }
        final RingFullGap gap = new RingFullGap(cluster, start, end, events, dropped);
        touchedCount = 0;
        events = 0;
        return gap;
    }

    private void bySymbol(final MarketEvent e)
    {
        final int s = e.symbolId;
        if (s >= trades.length)
        {
            grow(s + 1);
        }
        if (trades[s] == 0 && quotes[s] == 0)
        {
            if (touchedCount == touched.length)
            {
                touched = Arrays.copyOf(touched, touchedCount * 2);
            }
            touched[touchedCount++] = s;
        }
        if (e.type == EventType.TRADE)
        {
            tradesFirst[s] = trades[s] == 0 ? e.eventTime : Math.min(tradesFirst[s], e.eventTime);
            tradesLast[s] = trades[s] == 0 ? e.eventTime : Math.max(tradesLast[s], e.eventTime);
            trades[s]++;
        }
        else
        {
            quotesFirst[s] = quotes[s] == 0 ? e.eventTime : Math.min(quotesFirst[s], e.eventTime);
            quotesLast[s] = quotes[s] == 0 ? e.eventTime : Math.max(quotesLast[s], e.eventTime);
            quotes[s]++;
        }
    }

    private void grow(final int needed)
    {
        final int size = Math.max(needed, trades.length * 2);
        trades = Arrays.copyOf(trades, size);
        tradesFirst = Arrays.copyOf(tradesFirst, size);
        tradesLast = Arrays.copyOf(tradesLast, size);
        quotes = Arrays.copyOf(quotes, size);
        quotesFirst = Arrays.copyOf(quotesFirst, size);
        quotesLast = Arrays.copyOf(quotesLast, size);
    }
}

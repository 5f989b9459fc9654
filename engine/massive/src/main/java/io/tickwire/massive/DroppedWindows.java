package io.tickwire.massive;

import io.tickwire.model.event.RingFullGap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ring-full losses of one cluster awaiting their repair, merged per ticker and kind over the gaps of one settle
 * period: each becomes one REST history request over exactly the event times that were lost, not every symbol over
 * the whole window. Used on the REST thread only.
 */
final class DroppedWindows
{
    /** A ticker's events of one kind to fetch again; {@code to} exclusive. */
    record Window(String kind, String ticker, long from, long to, long lost)
    {
    }

    /** Massive's stream stamps trades and quotes to the millisecond; REST's SIP times are nanoseconds within it. */
    private static final long STREAM_TICK_NANOS = 1_000_000L;
    /** Per ticker: first and last event time lost, and how many. */
    private final Map<String, long[]> trades = new TreeMap<>();
    private final Map<String, long[]> quotes = new TreeMap<>();
    private long start;
    private long end;
    private long events;

    void add(final RingFullGap gap)
    {
        start = events == 0 ? gap.start() : Math.min(start, gap.start());
        end = events == 0 ? gap.end() : Math.max(end, gap.end());
        events += gap.events();
        for (final RingFullGap.Dropped d : gap.symbols())
        {
            if (d.ticker() != null)
            {
                merge(trades, d.ticker(), d.trades(), d.tradesFirst(), d.tradesLast());
                merge(quotes, d.ticker(), d.quotes(), d.quotesFirst(), d.quotesLast());
            }
        }
    }

    long start()
    {
        return start;
    }

    /** Exclusive. */
    long end()
    {
        return end + 1;
    }

    long events()
    {
        return events;
    }

    /** The windows to fetch, trades then quotes, by ticker; starts afresh. */
    List<Window> drain()
    {
        final List<Window> windows = new ArrayList<>();
        trades.forEach((ticker, w) -> windows.add(new Window("trades", ticker, w[0], w[1] + STREAM_TICK_NANOS, w[2])));
        quotes.forEach((ticker, w) -> windows.add(new Window("quotes", ticker, w[0], w[1] + STREAM_TICK_NANOS, w[2])));
        trades.clear();
        quotes.clear();
        events = 0;
        return windows;
    }

    private static void merge(final Map<String, long[]> kind, final String ticker, final long count, final long first,
        final long last)
    {
        if (count == 0)
        {
            return;
        }
        final long[] w = kind.get(ticker);
        if (w == null)
        {
            kind.put(ticker, new long[]{first, last, count});
        }
        else
        {
            w[0] = Math.min(w[0], first);
            w[1] = Math.max(w[1], last);
            w[2] += count;
        }
    }
}

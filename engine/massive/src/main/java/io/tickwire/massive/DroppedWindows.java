package io.tickwire.massive;

import io.tickwire.model.event.RingFullGap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ring-full losses of one cluster awaiting their repair, per ticker and kind, as the event-time windows of the
 * runs of frames that were dropped. Under a long overload the ring drops a run, takes a batch, drops another: the
 * repair asks REST for few windows ({@link #MAX_WINDOWS} at most per ticker and kind, the closest runs sharing a
 * request), and publishes of what comes back only the events inside a dropped run ({@link Window#keeps}): the ring
 * takes back about what it lost, not what arrived between the runs. Used on the REST thread only.
 */
final class DroppedWindows
{
    /**
     * One request: a ticker's events of one kind from {@code from} to {@code to} (exclusive), of which only those in
     * the dropped runs {@code runs} (pairs of from, to-exclusive) are published again.
     */
    record Window(String kind, String ticker, long from, long to, long lost, long[] runs)
    {
        boolean keeps(final long eventTime)
        {
            for (int i = 0; i < runs.length; i += 2)
            {
                if (eventTime >= runs[i] && eventTime < runs[i + 1])
                {
                    return true;
                }
            }
            return false;
        }
    }

    /** Massive's stream stamps trades and quotes to the millisecond; REST's SIP times are nanoseconds within it. */
    private static final long STREAM_TICK_NANOS = 1_000_000L;
    static final long MERGE_GAP_NANOS = 2_000_000L;
    static final int MAX_WINDOWS = 32;
    /** Per ticker, its dropped runs in time order: from, to (exclusive), and how many events. */
    private final Map<String, List<long[]>> trades = new TreeMap<>();
    private final Map<String, List<long[]>> quotes = new TreeMap<>();
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
                run(trades, d.ticker(), d.trades(), d.tradesFirst(), d.tradesLast());
                run(quotes, d.ticker(), d.quotes(), d.quotesFirst(), d.quotesLast());
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

    /** The requests to make, trades then quotes, by ticker and time; starts afresh. */
    List<Window> drain()
    {
        final List<Window> windows = new ArrayList<>();
        trades.forEach((ticker, runs) -> windows.addAll(requests("trades", ticker, runs)));
        quotes.forEach((ticker, runs) -> windows.addAll(requests("quotes", ticker, runs)));
        trades.clear();
        quotes.clear();
        events = 0;
        return windows;
    }

    private static void run(final Map<String, List<long[]>> kind, final String ticker, final long count,
        final long first, final long last)
    {
        if (count > 0)
        {
            kind.computeIfAbsent(ticker, (t) -> new ArrayList<>()).add(new long[]{first, last + STREAM_TICK_NANOS, count});
        }
    }

    /** A ticker's runs of one kind as requests: overlapping runs one run, close ones one request, at most the cap. */
    private static List<Window> requests(final String kind, final String ticker, final List<long[]> runs)
    {
        runs.sort(Comparator.comparingLong((long[] r) -> r[0]));
        final List<long[]> merged = new ArrayList<>();
        for (final long[] r : runs)
        {
            final long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && r[0] <= last[1])
            {
                last[1] = Math.max(last[1], r[1]);
                last[2] += r[2];
            }
            else
            {
                merged.add(r.clone());
            }
        }
        final List<List<long[]>> groups = new ArrayList<>();
        for (final long[] r : merged)
        {
            final List<long[]> previous = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            if (previous != null && r[0] - previous.get(previous.size() - 1)[1] <= MERGE_GAP_NANOS)
            {
                previous.add(r);
            }
            else
            {
                groups.add(new ArrayList<>(List.of(r)));
            }
        }
        while (groups.size() > MAX_WINDOWS) // too many requests: the two closest become one
        {
            int closest = 0;
            for (int i = 1; i < groups.size() - 1; i++)
            {
                if (gap(groups, i) < gap(groups, closest))
                {
                    closest = i;
                }
            }
            groups.get(closest).addAll(groups.remove(closest + 1));
        }
        final List<Window> windows = new ArrayList<>(groups.size());
        for (final List<long[]> g : groups)
        {
            final long[] keep = new long[g.size() * 2];
            long lost = 0;
            for (int i = 0; i < g.size(); i++)
            {
                keep[2 * i] = g.get(i)[0];
                keep[2 * i + 1] = g.get(i)[1];
                lost += g.get(i)[2];
            }
            windows.add(new Window(kind, ticker, keep[0], keep[keep.length - 1], lost, keep));
        }
        return windows;
    }

    private static long gap(final List<List<long[]>> groups, final int i)
    {
        final List<long[]> a = groups.get(i);
        return groups.get(i + 1).get(0)[0] - a.get(a.size() - 1)[1];
    }
}

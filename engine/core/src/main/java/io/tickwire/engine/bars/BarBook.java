package io.tickwire.engine.bars;

import io.tickwire.engine.time.ClusterClocks;

import io.tickwire.model.FixedPoint;
import io.tickwire.model.event.MarketEvent;

import java.util.Arrays;

/**
 * The bars of one timeframe for every symbol: the open ones, and the closed ones still within the lateness
 * window (so a late trade can revise them). Windows are aligned to the epoch, so all symbols share window
 * boundaries; with the close delay shorter than the timeframe at most two windows per symbol are open at
 * once (the one waiting to close and the next), held in two slots chosen by window parity.
 *
 * <p>A bar's state is a run of longs ({@link #L}) and doubles ({@link #D}) in flat arrays, the same layout
 * for open slots and for retained closed bars, so closing is an array copy and one emitter serves both.
 */
final class BarBook
{
    static final long NO_WINDOW = Long.MIN_VALUE;

    // long fields
    static final int WINDOW = 0;
    static final int OPEN = 1;
    static final int HIGH = 2;
    static final int LOW = 3;
    static final int CLOSE = 4;
    static final int VOLUME = 5;
    static final int COUNT = 6;
    static final int FIRST = 7;
    static final int LAST = 8;
    static final int PRICE_COUNT = 9;
    static final int PATH = 10;
    static final int PATH_LAST = 11;
    static final int BUY = 12;
    static final int SELL = 13;
    static final int QUOTES = 14;
    static final int SPREAD_SUM = 15;
    static final int KIND = 16;
    static final int REVISION = 17;
    /** A closed bar: its feed's clock when it was last emitted. */
    static final int EMITTED = 18;
    /** A closed bar: 1 while it has changed since it was last emitted (a revision waits). */
    static final int PENDING = 19;
    static final int L = 20;
    /** The schema's revision is a uint16: a bar revised more often keeps this number, it never wraps. */
    static final long MAX_REVISION = 65_535;
    // double fields
    static final int NOTIONAL = 0;
    static final int SPREAD_BPS_SUM = 1;
    static final int OFI = 2;
    static final int RV = 3;
    static final int D = 4;

    final long timeframeNanos;
    final int timeframeMillis;
    /** Closed windows kept per symbol for revisions. */
    final int retained;
    /** Per cluster (each feed's clock closes its own symbols' bars): windows up to and including this are closed. */
    final long[] lastClosedWindow = new long[ClusterClocks.CLUSTERS];

    long[] slots = new long[0];
    double[] slotDoubles = new double[0];
    /** Per symbol, lazily: closed bars by window modulo {@link #retained}. */
    long[][] closed = new long[0][];
    double[][] closedDoubles = new double[0][];
    /** Close of the symbol's last closed bar, carried into quiet bars; valid where hasClose. */
    long[] carriedClose = new long[0];
    boolean[] hasClose = new boolean[0];
    /** First window in which the symbol traded or quoted: it gets a bar every window from then on. */
    long[] firstWindow = new long[0];

    BarBook(final int timeframeMillis, final long latenessNanos)
    {
        this.timeframeMillis = timeframeMillis;
        this.timeframeNanos = timeframeMillis * 1_000_000L;
        this.retained = (int)Math.max(1, latenessNanos / timeframeNanos + 2);
        Arrays.fill(lastClosedWindow, NO_WINDOW);
    }

    long windowOf(final long time)
    {
        return Math.floorDiv(time, timeframeNanos);
    }

    /** When a cluster's pending window closes: its end plus the delay. */
    long nextCloseTime(final int cluster, final long closeDelayNanos)
    {
        return (lastClosedWindow[cluster] + 2) * timeframeNanos + closeDelayNanos;
    }

    /** The open slot of (symbol, window), started fresh if it held another window. @return its long offset. */
    int slot(final int symbolId, final long w)
    {
        ensureCapacity(symbolId);
        if (w < firstWindow[symbolId])
        {
            firstWindow[symbolId] = w;
        }
        final int s = symbolId * 2 + (int)(w & 1);
        final int lo = s * L;
        if (slots[lo + WINDOW] != w)
        {
            Arrays.fill(slots, lo, lo + L, 0);
            Arrays.fill(slotDoubles, s * D, s * D + D, 0);
            slots[lo + WINDOW] = w;
        }
        return lo;
    }

    /** @return the long offset of the open slot holding window w, or -1. */
    int openSlot(final int symbolId, final long w)
    {
        if (symbolId >= hasClose.length)
        {
            return -1;
        }
        final int lo = (symbolId * 2 + (int)(w & 1)) * L;
        return slots[lo + WINDOW] == w ? lo : -1;
    }

    /** The retained closed bar of (symbol, window), or -1 when it was never kept or has been overwritten. */
    int closedBar(final int symbolId, final long w)
    {
        if (symbolId >= closed.length || closed[symbolId] == null)
        {
            return -1;
        }
        final int lo = (int)Math.floorMod(w, (long)retained) * L;
        return closed[symbolId][lo + WINDOW] == w ? lo : -1;
    }

    /** Makes room for the closed bar (symbol, window). @return its long offset in closed[symbolId]. */
    int retain(final int symbolId, final long w)
    {
        if (closed[symbolId] == null)
        {
            closed[symbolId] = new long[retained * L];
            closedDoubles[symbolId] = new double[retained * D];
            for (int i = 0; i < retained; i++)
            {
                closed[symbolId][i * L + WINDOW] = NO_WINDOW;
            }
        }
        final int lo = (int)Math.floorMod(w, (long)retained) * L;
        Arrays.fill(closed[symbolId], lo, lo + L, 0);
        Arrays.fill(closedDoubles[symbolId], lo / L * D, lo / L * D + D, 0);
        closed[symbolId][lo + WINDOW] = w;
        return lo;
    }

    int symbolCapacity()
    {
        return hasClose.length;
    }

    void ensureCapacity(final int symbolId)
    {
        if (symbolId >= hasClose.length)
        {
            final int symbols = Math.max(64, Integer.highestOneBit(symbolId) << 1);
            final int oldSlots = slots.length / L;
            slots = Arrays.copyOf(slots, symbols * 2 * L);
            slotDoubles = Arrays.copyOf(slotDoubles, symbols * 2 * D);
            for (int s = oldSlots; s < symbols * 2; s++)
            {
                slots[s * L + WINDOW] = NO_WINDOW;
            }
            closed = Arrays.copyOf(closed, symbols);
            closedDoubles = Arrays.copyOf(closedDoubles, symbols);
            carriedClose = Arrays.copyOf(carriedClose, symbols);
            hasClose = Arrays.copyOf(hasClose, symbols);
            final int old = firstWindow.length;
            firstWindow = Arrays.copyOf(firstWindow, symbols);
            Arrays.fill(firstWindow, old, symbols, Long.MAX_VALUE);
        }
    }

    /** A bar without a price-setting trade: the price stays where it was (none for a symbol never traded). */
    void carry(final int s, final long[] bar, final int lo)
    {
        final long c = hasClose[s] ? carriedClose[s] : 0; // never traded (quoted only): no price
        bar[lo + BarBook.OPEN] = c;
        bar[lo + BarBook.HIGH] = c;
        bar[lo + BarBook.LOW] = c;
        bar[lo + BarBook.CLOSE] = c;
    }

    /** Adds a trade (or index value) to a bar: prices by event time, volume and flow by the trade's rules. */
    static void apply(final long[] bar, final int lo, final double[] doubles, final int dlo,
        final MarketEvent e, final long size, final boolean price, final boolean volume, final int side)
    {
        final long p = e.price;
        final long t = e.eventTime;
        if (price)
        {
            if (bar[lo + PRICE_COUNT] == 0)
            {
                bar[lo + OPEN] = p;
                bar[lo + HIGH] = p;
                bar[lo + LOW] = p;
                bar[lo + CLOSE] = p;
                bar[lo + FIRST] = t;
                bar[lo + LAST] = t;
            }
            else
            {
                bar[lo + HIGH] = Math.max(bar[lo + HIGH], p);
                bar[lo + LOW] = Math.min(bar[lo + LOW], p);
                if (t >= bar[lo + LAST])
                {
                    bar[lo + CLOSE] = p; // the last by event time sets the close, whatever the arrival order
                    bar[lo + LAST] = t;
                }
                if (t < bar[lo + FIRST])
                {
                    bar[lo + OPEN] = p;
                    bar[lo + FIRST] = t;
                }
            }
            bar[lo + PRICE_COUNT]++;
            final long previous = bar[lo + PATH_LAST];
            if (previous > 0 && p > 0)
            {
                bar[lo + PATH] += Math.abs(p - previous);
                final double r = Math.log((double)p / previous);
                doubles[dlo + RV] += r * r;
            }
            bar[lo + PATH_LAST] = p;
        }
        if (volume)
        {
            bar[lo + VOLUME] += size;
            bar[lo + COUNT]++;
            doubles[dlo + NOTIONAL] += FixedPoint.toDouble(p) * FixedPoint.toDouble(size);
            if (side == TopOfBook.BUY)
            {
                bar[lo + BUY] += size;
            }
            else if (side == TopOfBook.SELL)
            {
                bar[lo + SELL] += size;
            }
        }
    }
}

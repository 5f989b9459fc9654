package io.tickwire.engine.bars;

import io.tickwire.engine.ingest.FixedPoint;

import java.util.Arrays;

/**
 * The open bars of one timeframe, for every symbol. Windows are aligned to the epoch, so all symbols share
 * window boundaries; with the close delay shorter than the timeframe at most two windows per symbol are
 * open at once (the one waiting to close and the next), held in two slots chosen by window parity.
 */
final class BarBook
{
    static final long NO_WINDOW = Long.MIN_VALUE;

    final long timeframeNanos;
    final int timeframeMillis;
    /** Windows up to and including this one are closed. */
    long lastClosedWindow = NO_WINDOW;

    long[] window = new long[0];
    long[] open = new long[0];
    long[] high = new long[0];
    long[] low = new long[0];
    long[] close = new long[0];
    long[] volume = new long[0];
    double[] notional = new double[0];
    int[] count = new int[0];
    long[] firstTime = new long[0];
    long[] lastTime = new long[0];
    /** Close of the symbol's last closed bar, carried into quiet bars; valid where hasClose. */
    long[] carriedClose = new long[0];
    boolean[] hasClose = new boolean[0];

    BarBook(final int timeframeMillis)
    {
        this.timeframeMillis = timeframeMillis;
        this.timeframeNanos = timeframeMillis * 1_000_000L;
    }

    long windowOf(final long time)
    {
        return Math.floorDiv(time, timeframeNanos);
    }

    /** When the pending window closes: its end plus the delay. */
    long nextCloseTime(final long closeDelayNanos)
    {
        return (lastClosedWindow + 2) * timeframeNanos + closeDelayNanos;
    }

    void add(final int symbolId, final long w, final long time, final long price, final long size)
    {
        ensureCapacity(symbolId);
        final int slot = symbolId * 2 + (int)(w & 1);
        if (window[slot] != w)
        {
            window[slot] = w;
            open[slot] = price;
            high[slot] = price;
            low[slot] = price;
            volume[slot] = 0;
            notional[slot] = 0;
            count[slot] = 0;
            firstTime[slot] = time;
            lastTime[slot] = time;
        }
        high[slot] = Math.max(high[slot], price);
        low[slot] = Math.min(low[slot], price);
        if (time >= lastTime[slot])
        {
            close[slot] = price; // the last trade by event time sets the close, whatever the arrival order
            lastTime[slot] = time;
        }
        if (time < firstTime[slot])
        {
            open[slot] = price;
            firstTime[slot] = time;
        }
        volume[slot] += size;
        notional[slot] += FixedPoint.toDouble(price) * FixedPoint.toDouble(size);
        count[slot]++;
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
            final int slots = symbols * 2;
            final int oldSlots = window.length;
            window = Arrays.copyOf(window, slots);
            Arrays.fill(window, oldSlots, slots, NO_WINDOW);
            open = Arrays.copyOf(open, slots);
            high = Arrays.copyOf(high, slots);
            low = Arrays.copyOf(low, slots);
            close = Arrays.copyOf(close, slots);
            volume = Arrays.copyOf(volume, slots);
            notional = Arrays.copyOf(notional, slots);
            count = Arrays.copyOf(count, slots);
            firstTime = Arrays.copyOf(firstTime, slots);
            lastTime = Arrays.copyOf(lastTime, slots);
            carriedClose = Arrays.copyOf(carriedClose, symbols);
            hasClose = Arrays.copyOf(hasClose, symbols);
        }
    }
}

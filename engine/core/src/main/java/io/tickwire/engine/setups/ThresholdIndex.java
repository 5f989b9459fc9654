package io.tickwire.engine.setups;

import java.util.Arrays;

/**
 * One symbol's live setups ordered by the bounds of their quiet intervals ({@link QuietRange}), so a tick finds
 * the setups it may change with two binary searches: those whose lower bound is at or above the price and those
 * whose upper bound is at or below it. O(log n + k) a tick, k the setups found; a setup whose interval changes
 * is moved in both orders (a binary search and an array shift). After anything but a tick touches the symbol
 * (a command, a bar, an ATR, the timer) it is marked stale, and the evaluator rescans and rebuilds it.
 * Allocation only when it grows.
 */
final class ThresholdIndex
{
    private Setup[] byLow = new Setup[4];
    private Setup[] byHigh = new Setup[4];
    private int size;
    /** Something other than a tick changed the symbol's setups: rescan them all before trusting the index. */
    boolean stale = true;
    /** The earliest expiry of a setup before its trigger; a tick at or after it rescans (expiry is time, not price). */
    long nextExpiry = Long.MAX_VALUE;

    void add(final Setup s)
    {
        if (size == byLow.length)
        {
            byLow = Arrays.copyOf(byLow, size * 2);
            byHigh = Arrays.copyOf(byHigh, size * 2);
        }
        byLow[size] = s;
        byHigh[size] = s;
        size++;
        stale = true;
    }

    void remove(final Setup s)
    {
        removeFrom(byLow, indexOf(byLow, s, s.quietLow, true));
        removeFrom(byHigh, indexOf(byHigh, s, s.quietHigh, false));
        size--;
    }

    /** Puts back a setup taken out with {@link #remove} after its bounds changed, each order kept sorted. */
    void reinsert(final Setup s)
    {
        size++;
        insert(byLow, s, true);
        insert(byHigh, s, false);
    }

    /** After a rescan set every bound: sorts both orders afresh. */
    void rebuild()
    {
        sort(byLow, size, true);
        sort(byHigh, size, false);
        stale = false;
    }

    /** The setups a tick at {@code price} may change, into {@code out} (at least {@link #size} long). @return how many. */
    int due(final long price, final Setup[] out)
    {
        int k = 0;
        for (int i = first(byLow, size, price, true, true); i < size; i++) // quietLow >= price
        {
            out[k++] = byLow[i];
        }
        final int end = first(byHigh, size, price, false, false); // quietHigh <= price
        for (int i = 0; i < end; i++)
        {
            out[k++] = byHigh[i];
        }
        return k;
    }

    int size()
    {
        return size;
    }

    private static long key(final Setup s, final boolean low)
    {
        return low ? s.quietLow : s.quietHigh;
    }

    /** First of the first {@code n} entries whose key is above {@code value} (or at or above it: {@code orEqual}). */
    private static int first(final Setup[] a, final int n, final long value, final boolean low, final boolean orEqual)
    {
        int lo = 0;
        int hi = n;
        while (lo < hi)
        {
            final int mid = (lo + hi) >>> 1;
            final long k = key(a[mid], low);
            if (k < value || k == value && !orEqual)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Where {@code s} sits, found by the key it is sorted under, then by identity among equal keys; while stale
     * (the order not yet rebuilt), by identity alone.
     */
    private int indexOf(final Setup[] a, final Setup s, final long keyValue, final boolean low)
    {
        for (int i = stale ? 0 : first(a, size, keyValue, low, true); i < size; i++)
        {
            if (a[i] == s)
            {
                return i;
            }
        }
        throw new IllegalStateException("setup " + s.id + " is not in its symbol's index");
    }

    private void removeFrom(final Setup[] a, final int i)
    {
        System.arraycopy(a, i + 1, a, i, size - i - 1);
        a[size - 1] = null;
    }

    /** Inserts into the size-1 sorted entries, after any equal keys. */
    private void insert(final Setup[] a, final Setup s, final boolean low)
    {
        final int n = size - 1;
        final int at = first(a, n, key(s, low), low, false);
        System.arraycopy(a, at, a, at + 1, n - at);
        a[at] = s;
    }

    /** Heapsort: O(n log n) and no allocation, whatever order a rescan left. */
    private static void sort(final Setup[] a, final int n, final boolean low)
    {
        for (int i = n / 2 - 1; i >= 0; i--)
        {
            siftDown(a, i, n, low);
        }
        for (int end = n - 1; end > 0; end--)
        {
            final Setup top = a[0];
            a[0] = a[end];
            a[end] = top;
            siftDown(a, 0, end, low);
        }
    }

    private static void siftDown(final Setup[] a, final int from, final int n, final boolean low)
    {
        int i = from;
        while (true)
        {
            int child = 2 * i + 1;
            if (child >= n)
            {
                return;
            }
            if (child + 1 < n && key(a[child + 1], low) > key(a[child], low))
            {
                child++;
            }
            if (key(a[child], low) <= key(a[i], low))
            {
                return;
            }
            final Setup t = a[i];
            a[i] = a[child];
            a[child] = t;
            i = child;
        }
    }
}

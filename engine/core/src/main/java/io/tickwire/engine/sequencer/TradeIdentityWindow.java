package io.tickwire.engine.sequencer;

/**
 * The last {@code window} trade identities, for dedupe: an open-addressing set of 128-bit keys with
 * backward-shift deletion, plus a FIFO that evicts the oldest identity once the window is full. Bounded
 * memory, O(1) per trade, no allocation after construction. A key's two halves sit side by side in one array,
 * in the table and in the FIFO: at the default window the table is 32 MiB, so each probe is a cache miss, and
 * one miss per key rather than one per half halves the sequencer's cost per trade (docs/benchmarks.md, "Replay").
 */
final class TradeIdentityWindow
{
    /** Slot i's key: hi at 2i, lo at 2i + 1; hi 0 marks an empty slot. */
    private final long[] table;
    private final int mask;
    /** Identities in arrival order, as pairs like the table's. */
    private final long[] fifo;
    private final int window;
    private int head;
    private int size;

    /** @param window a power of two: how many identities are remembered. */
    TradeIdentityWindow(final int window)
    {
        this.window = window;
        final int capacity = window * 2;
        table = new long[capacity * 2];
        mask = capacity - 1;
        fifo = new long[window * 2];
    }

    /** @param hi never 0 (0 marks an empty slot). @return true if the identity was new. */
    boolean addIfAbsent(final long hi, final long lo)
    {
        int index = home(hi, lo);
        while (table[2 * index] != 0)
        {
            if (table[2 * index] == hi && table[2 * index + 1] == lo)
            {
                return false;
            }
            index = (index + 1) & mask;
        }
        if (size == window)
        {
            remove(fifo[2 * head], fifo[2 * head + 1]);
            head = (head + 1) & (window - 1);
            size--;
            index = home(hi, lo);
            while (table[2 * index] != 0)
            {
                index = (index + 1) & mask;
            }
        }
        table[2 * index] = hi;
        table[2 * index + 1] = lo;
        final int tail = (head + size) & (window - 1);
        fifo[2 * tail] = hi;
        fifo[2 * tail + 1] = lo;
        size++;
        return true;
    }

    int size()
    {
        return size;
    }

    private void remove(final long hi, final long lo)
    {
        int index = home(hi, lo);
        while (table[2 * index] != hi || table[2 * index + 1] != lo)
        {
            if (table[2 * index] == 0)
            {
                return;
            }
            index = (index + 1) & mask;
        }
        int hole = index;
        int next = (hole + 1) & mask;
        while (table[2 * next] != 0)
        {
            final int home = home(table[2 * next], table[2 * next + 1]);
            // move the entry back if the hole lies on its probe path (between home and next, cyclically)
            if (((next - home) & mask) >= ((next - hole) & mask))
            {
                table[2 * hole] = table[2 * next];
                table[2 * hole + 1] = table[2 * next + 1];
                hole = next;
            }
            next = (next + 1) & mask;
        }
        table[2 * hole] = 0;
        table[2 * hole + 1] = 0;
    }

    private int home(final long hi, final long lo)
    {
        long h = hi * 0x9E3779B97F4A7C15L ^ lo;
        h ^= h >>> 32;
        h *= 0xD6E8FEB86659FD93L;
        h ^= h >>> 29;
        return (int)h & mask;
    }
}

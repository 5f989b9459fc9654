package io.tickwire.engine.sequencer;

/**
 * The last {@code window} trade identities, for dedupe: an open-addressing set of 128-bit keys with
 * backward-shift deletion, plus a FIFO that evicts the oldest identity once the window is full. Bounded
 * memory, O(1) per trade, no allocation after construction.
 */
final class TradeIdentityWindow
{
    private final long[] his;
    private final long[] los;
    private final int mask;
    private final long[] fifoHi;
    private final long[] fifoLo;
    private final int window;
    private int head;
    private int size;

    /** @param window a power of two: how many identities are remembered. */
    TradeIdentityWindow(final int window)
    {
        this.window = window;
        final int capacity = window * 2;
        his = new long[capacity];
        los = new long[capacity];
        mask = capacity - 1;
        fifoHi = new long[window];
        fifoLo = new long[window];
    }

    /** @param hi never 0 (0 marks an empty slot). @return true if the identity was new. */
    boolean addIfAbsent(final long hi, final long lo)
    {
        int index = home(hi, lo);
        while (his[index] != 0)
        {
            if (his[index] == hi && los[index] == lo)
            {
                return false;
            }
            index = (index + 1) & mask;
        }
        if (size == window)
        {
            remove(fifoHi[head], fifoLo[head]);
            head = (head + 1) & (window - 1);
            size--;
            index = home(hi, lo);
            while (his[index] != 0)
            {
                index = (index + 1) & mask;
            }
        }
        his[index] = hi;
        los[index] = lo;
        final int tail = (head + size) & (window - 1);
        fifoHi[tail] = hi;
        fifoLo[tail] = lo;
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
        while (his[index] != hi || los[index] != lo)
        {
            if (his[index] == 0)
            {
                return;
            }
            index = (index + 1) & mask;
        }
        int hole = index;
        int next = (hole + 1) & mask;
        while (his[next] != 0)
        {
            final int home = home(his[next], los[next]);
            // move the entry back if the hole lies on its probe path (between home and next, cyclically)
            if (((next - home) & mask) >= ((next - hole) & mask))
            {
                his[hole] = his[next];
                los[hole] = los[next];
                hole = next;
            }
            next = (next + 1) & mask;
        }
        his[hole] = 0;
        los[hole] = 0;
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

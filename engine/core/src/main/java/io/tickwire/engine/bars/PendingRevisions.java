package io.tickwire.engine.bars;

import java.util.Arrays;

/**
 * Bars changed by late trades and not re-emitted yet — each waiting for its revision interval to pass on its
 * feed's clock, or for its feed's next status — in the order they became pending, so they go out in that order.
 * Parallel arrays that grow and are never shrunk: no allocation in steady state.
 */
final class PendingRevisions
{
    private int[] books = new int[64];
    private int[] symbols = new int[64];
    private long[] windows = new long[64];
    private int count;

    /** What to do with a pending bar. */
    interface Visitor
    {
        /** @return true when the bar was re-emitted (or is gone): it leaves the queue */
        boolean visit(int book, int symbol, long window);
    }

    void add(final int book, final int symbol, final long window)
    {
        if (count == books.length)
        {
            books = Arrays.copyOf(books, count * 2);
            symbols = Arrays.copyOf(symbols, count * 2);
            windows = Arrays.copyOf(windows, count * 2);
        }
        books[count] = book;
        symbols[count] = symbol;
        windows[count] = window;
        count++;
    }

    boolean isEmpty()
    {
        return count == 0;
    }

    /** Visits every pending bar in order, keeping those the visitor leaves pending (in order). */
    void drain(final Visitor visitor)
    {
        int kept = 0;
        for (int i = 0; i < count; i++)
        {
            if (!visitor.visit(books[i], symbols[i], windows[i]))
            {
                books[kept] = books[i];
                symbols[kept] = symbols[i];
                windows[kept] = windows[i];
                kept++;
            }
        }
        count = kept;
    }
}

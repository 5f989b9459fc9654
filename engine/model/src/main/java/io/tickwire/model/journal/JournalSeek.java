package io.tickwire.model.journal;

import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.RollingChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds where a time falls in a journal by binary search over its index, reading one record's event time
 * per probe (every record starts eventTime after its 8-byte SBE header, a schema rule): first among the daily
 * cycles by their first records, then within the cycle. Event times rise along a journal within the skew
 * between feeds, so the answer is the first record at or after the time in that order. Thread-bound like
 * the tailer it uses.
 */
public final class JournalSeek
{
    private static final int EVENT_TIME_OFFSET = 8;

    private JournalSeek()
    {
    }

    /**
     * @return the index of the first record whose event time is at or after {@code epochNanos} (by binary
     * search), or -1 when every record is older
     */
    public static long firstAtOrAfter(final ChronicleQueue queue, final long epochNanos)
    {
        final RollingChronicleQueue rolling = (RollingChronicleQueue)queue;
        final RollCycle rollCycle = rolling.rollCycle();
        final List<Integer> cycles = cycles(rolling);
        try (ExcerptTailer probe = queue.createTailer())
        {
            for (int k = 0; k < cycles.size(); k++)
            {
                final long first = rollCycle.toIndex(cycles.get(k), 0);
                final long end = k + 1 < cycles.size() ? rollCycle.toIndex(cycles.get(k + 1), 0) : queue.lastIndex() + 1;
                final long count = rolling.countExcerpts(first, end);
                if (count > 0 && eventTimeAt(probe, first + count - 1) >= epochNanos)
                {
                    long lo = 0;
                    long hi = count - 1; // the answer is in [lo, hi]: the cycle's last record is at or after
                    while (lo < hi)
                    {
                        final long mid = (lo + hi) >>> 1;
                        if (eventTimeAt(probe, first + mid) >= epochNanos)
                        {
                            hi = mid;
                        }
                        else
                        {
                            lo = mid + 1;
                        }
                    }
                    return first + lo;
                }
            }
            return -1;
        }
    }

    /** The journal's first record index, or -1 for an empty journal. */
    public static long firstIndex(final ChronicleQueue queue)
    {
        try (ExcerptTailer tailer = queue.createTailer().toStart();
            DocumentContext dc = tailer.readingDocument())
        {
            return dc.isPresent() ? dc.index() : -1;
        }
    }

    private static long eventTimeAt(final ExcerptTailer probe, final long index)
    {
        if (!probe.moveToIndex(index))
        {
            return Long.MIN_VALUE;
        }
        try (DocumentContext dc = probe.readingDocument())
        {
            return dc.isPresent() && dc.isData() ?
                dc.wire().bytes().readLong(dc.wire().bytes().readPosition() + EVENT_TIME_OFFSET) : Long.MIN_VALUE;
        }
    }

    private static List<Integer> cycles(final RollingChronicleQueue queue)
    {
        final List<Integer> cycles = new ArrayList<>();
        int cycle = queue.firstCycle();
        try
        {
            while (cycle != Integer.MAX_VALUE && cycle >= 0 && cycle <= queue.lastCycle())
            {
                cycles.add(cycle);
                final int next = queue.nextCycle(cycle, TailerDirection.FORWARD);
                if (next <= cycle)
                {
                    break;
                }
                cycle = next;
            }
        }
        catch (final ParseException ex)
        {
            throw new IllegalStateException("the journal's cycle files cannot be listed: " + ex.getMessage(), ex);
        }
        return cycles;
    }
}

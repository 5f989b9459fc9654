package io.tickwire.engine.bars;

import io.tickwire.codecs.sbe.FeedState;
import io.tickwire.codecs.sbe.StatusCode;
import io.tickwire.model.event.MarketEvent;

/**
 * The event-time windows in which each cluster's data may be missing, learned from journaled feed statuses:
 * a DOWN opens a window at the last event seen, the RECOVERED of the reconnect closes it, and a ring-full
 * DEGRADED adds the window of the events it dropped. A bar that overlaps a window is a GAP bar. Keeps the
 * newest {@link #CAPACITY} windows per cluster: older ones lie far behind the bars still open.
 */
final class FeedGaps
{
    static final int CLUSTERS = 3;
    static final int CAPACITY = 32;

    private final long[][] starts = new long[CLUSTERS][CAPACITY];
    private final long[][] ends = new long[CLUSTERS][CAPACITY];
    private final int[] counts = new int[CLUSTERS];
    private final int[] next = new int[CLUSTERS];
    /** Index of the window a DOWN left open, or -1. */
    private final int[] open = {-1, -1, -1};

    void onFeedStatus(final MarketEvent e)
    {
        final int c = e.cluster;
        if (c < 0 || c >= CLUSTERS || e.gapStart <= 0)
        {
            return;
        }
        if (e.feedState == FeedState.DOWN.value())
        {
            if (open[c] < 0)
            {
                open[c] = add(c, e.gapStart, Long.MAX_VALUE);
            }
        }
        else if (e.feedState == FeedState.RECOVERED.value() && e.statusCode != StatusCode.NONE.value())
        {
            if (open[c] >= 0)
            {
                ends[c][open[c]] = e.gapEnd;
                open[c] = -1;
            }
            else
            {
                add(c, e.gapStart, e.gapEnd);
            }
        }
        else if (e.feedState == FeedState.DEGRADED.value() && e.statusCode == StatusCode.RING_FULL.value())
        {
            add(c, e.gapStart, e.gapEnd);
        }
    }

    /** Whether [start, end) overlaps a window of the cluster. */
    boolean overlaps(final int cluster, final long start, final long end)
    {
        if (cluster < 0 || cluster >= CLUSTERS)
        {
            return false;
        }
        for (int i = 0; i < counts[cluster]; i++)
        {
            if (starts[cluster][i] < end && ends[cluster][i] > start)
            {
                return true;
            }
        }
        return false;
    }

    private int add(final int c, final long start, final long end)
    {
        final int i = next[c];
        if (open[c] == i)
        {
            open[c] = -1; // overwritten: a window so old no open bar can overlap it
        }
        starts[c][i] = start;
        ends[c][i] = end;
        next[c] = (i + 1) % CAPACITY;
        counts[c] = Math.min(CAPACITY, counts[c] + 1);
        return i;
    }
}

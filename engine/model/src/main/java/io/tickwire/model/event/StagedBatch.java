package io.tickwire.model.event;


import java.util.Arrays;

/**
 * The events decoded from one frame, held until the whole frame is known to be good, then copied into the
 * ring together: a malformed frame publishes nothing, and goes whole to the dead-letter journal.
 */
public final class StagedBatch
{
    private MarketEvent[] events = new MarketEvent[64];
    private int size;

    public StagedBatch()
    {
        for (int i = 0; i < events.length; i++)
        {
            events[i] = new MarketEvent();
        }
    }

    /** The next free slot, reset to the given type. */
    public MarketEvent add(final int type)
    {
        if (size == events.length)
        {
            final int old = events.length;
            events = Arrays.copyOf(events, old * 2);
            for (int i = old; i < events.length; i++)
            {
                events[i] = new MarketEvent();
            }
        }
        final MarketEvent e = events[size++];
        e.reset(type);
        return e;
    }

    public MarketEvent get(final int index)
    {
        return events[index];
    }

    public int size()
    {
        return size;
    }

    public void clear()
    {
        size = 0;
    }
}

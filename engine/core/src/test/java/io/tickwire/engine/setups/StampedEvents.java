package io.tickwire.engine.setups;

import io.tickwire.model.event.MarketEvent;

/** Accepted ring events for the setup tests, indexed one after another as the input journal stage would. */
final class StampedEvents
{
    static final long MS = 1_000_000L;
    private long index;

    /** An accepted event of {@code type} at {@code time}, received a millisecond later, with the next index. */
    MarketEvent next(final int type, final long time)
    {
        final MarketEvent e = new MarketEvent();
        e.reset(type);
        e.eventTime = time;
        e.receiveTime = time + MS;
        e.accepted = true;
        e.inputIndex = nextIndex();
        return e;
    }

    long nextIndex()
    {
        return ++index;
    }
}

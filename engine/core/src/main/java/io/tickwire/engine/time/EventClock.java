package io.tickwire.engine.time;

import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;

/**
 * Event time as the core sees it: the newest event time of an accepted trade, quote or index value
 * (ignoring any that claims to be more than a minute ahead of its own receipt: a bad timestamp). Journaled
 * timer ticks move it on in a quiet market: a tick at wall time W stands for event time W - lag, lag being
 * the receive-minus-event delay of the newest data event, so a feed running behind (or a simulator on a
 * shifted clock) is not outrun. Reads no clock itself: a pure function of the inputs.
 */
public final class EventClock
{
    public static final long UNSET = Long.MIN_VALUE;
    static final long MAX_FUTURE_SKEW_NANOS = 60_000_000_000L;

    private long now = UNSET;
    private long lag;

    /** @return true when this event started the clock (its first reading). */
    public boolean advance(final MarketEvent e)
    {
        switch (e.type)
        {
            case EventType.TRADE:
            case EventType.QUOTE:
            case EventType.INDEX_VALUE:
                if (e.accepted && e.eventTime > now && e.eventTime <= e.receiveTime + MAX_FUTURE_SKEW_NANOS)
                {
                    final boolean first = now == UNSET;
                    now = e.eventTime;
                    lag = Math.max(0, e.receiveTime - e.eventTime);
                    return first;
                }
                return false;
            case EventType.TIMER:
                if (now != UNSET)
                {
                    now = Math.max(now, e.eventTime - lag);
                }
                return false;
            default:
                return false;
        }
    }

    public long now()
    {
        return now;
    }

    public boolean isSet()
    {
        return now != UNSET;
    }
}

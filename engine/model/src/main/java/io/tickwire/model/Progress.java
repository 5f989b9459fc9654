package io.tickwire.model;

/**
 * A heartbeat read from outside: a counter that should keep moving (events through the ring, timer ticks, duty
 * cycles), sampled by a health check, which asks how long it has stood still. The caller's clock, so it is
 * tested without waiting; one caller thread at a time.
 */
public final class Progress
{
    private long last = Long.MIN_VALUE;
    private long lastMoveNanos;

    /** @return how long {@code value} has not moved as of {@code nowNanos}; 0 when it moved since the last sample */
    public long stillFor(final long value, final long nowNanos)
    {
        if (value != last)
        {
            last = value;
            lastMoveNanos = nowNanos;
        }
        return nowNanos - lastMoveNanos;
    }
}

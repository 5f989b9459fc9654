package io.tickwire.model;

import org.agrona.concurrent.EpochNanoClock;

import java.time.Instant;

/**
 * Nanoseconds since the epoch: {@code System.nanoTime()} plus an offset to the wall clock, the offset taken to the
 * microsecond (the JDK's {@link Instant}, from {@code clock_gettime} on Linux) and taken again every second, so it
 * follows the wall clock as NTP slews it. Agrona's {@code OffsetEpochNanoClock} takes it from
 * {@code currentTimeMillis()} once: two such clocks, or one and another process's wall clock, could differ by up to a
 * millisecond — more than the latencies measured between them — and a receipt could read earlier than the trade's
 * own time. Each offset is the best of a few samples: the one whose two monotonic reads around the wall-clock read
 * lie closest. A new offset may step the clock by that sample's error (microseconds at most). Reading it allocates
 * nothing but, once a second, the samples' {@code Instant}s.
 */
public final class PreciseEpochClock implements EpochNanoClock
{
    /** Where the two clocks are read: the system's, or a test's. */
    interface Source
    {
        long monotonicNanos();

        long wallNanos();
    }

    private static final Source SYSTEM = new Source()
    {
        @Override
        public long monotonicNanos()
        {
            return System.nanoTime();
        }

        @Override
        public long wallNanos()
        {
            final Instant now = Instant.now();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }
    };
    static final long RESAMPLE_NANOS = 1_000_000_000L;
    private static final int SAMPLES = 5;

    private final Source source;
    private volatile long offset;
    private volatile long sampledAt;

    public PreciseEpochClock()
    {
        this(SYSTEM);
    }

    PreciseEpochClock(final Source source)
    {
        this.source = source;
        sample();
    }

    @Override
    public long nanoTime()
    {
        final long now = source.monotonicNanos();
        if (now - sampledAt >= RESAMPLE_NANOS) // two threads may both take it: the same offset, give or take a µs
        {
            sample();
        }
        return now + offset;
    }

    private void sample()
    {
        long best = Long.MAX_VALUE;
        long bestOffset = 0;
        long at = 0;
        for (int i = 0; i < SAMPLES; i++)
        {
            final long before = source.monotonicNanos();
            final long wall = source.wallNanos();
            final long after = source.monotonicNanos();
            if (after - before < best)
            {
                best = after - before;
                bestOffset = wall - (before + (after - before) / 2);
                at = after;
            }
        }
        offset = bestOffset;
        sampledAt = at;
    }
}

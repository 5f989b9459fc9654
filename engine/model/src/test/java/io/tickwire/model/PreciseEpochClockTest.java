package io.tickwire.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The offset to the wall clock, from the best sample, and followed as the wall clock slews: on a scripted clock. */
class PreciseEpochClockTest
{
    /** A monotonic clock that moves 100 ns a read, but 10 µs on one read (a preemption); a wall clock at an offset. */
    private static final class ScriptedSource implements PreciseEpochClock.Source
    {
        long monotonic = 5_000_000_000L;
        long wallOffset = 1_795_186_800_000_000_000L;
        int reads;
        int slowRead = 2;

        @Override
        public long monotonicNanos()
        {
            monotonic += ++reads == slowRead ? 10_000 : 100;
            return monotonic;
        }

        @Override
        public long wallNanos()
        {
            return monotonic + wallOffset;
        }
    }

    @Test
    void shouldTakeTheOffsetFromTheTightestSampleAndFollowTheWallClockEachSecond()
    {
        final ScriptedSource source = new ScriptedSource();
        final PreciseEpochClock clock = new PreciseEpochClock(source);
        final long monotonic = source.monotonic;
        final long read = clock.nanoTime();
        // the tight samples put the wall read 50 ns before their midpoint: an error of 50 ns, not the slow one's 5 µs
        assertEquals(source.monotonic + source.wallOffset - 50, read);
        assertTrue(read - (monotonic + source.wallOffset) < 1_000);

        source.wallOffset += 7_000; // NTP slews the wall clock 7 µs ahead
        assertEquals(source.monotonic + 100 + source.wallOffset - 7_000 - 50, clock.nanoTime(), "not before a second");
        source.monotonic += PreciseEpochClock.RESAMPLE_NANOS;
        final long later = clock.nanoTime(); // read at its first monotonic read; ten more to sample the offset again
        assertEquals(source.monotonic - 1_000 + source.wallOffset - 50, later, "a second on: the slew followed");
    }
}

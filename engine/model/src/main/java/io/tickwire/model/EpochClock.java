package io.tickwire.model;

import org.agrona.concurrent.EpochNanoClock;

/**
 * The process's one epoch clock (ns since the epoch, {@link PreciseEpochClock}: System.nanoTime plus an offset to
 * the wall clock taken to the microsecond, every second). One instance for the ingest's receive times, the gateway's
 * send times and the benchmarks, so the latencies between them are differences of one monotonic clock. Never read
 * by a core handler.
 */
public final class EpochClock
{
    public static final EpochNanoClock INSTANCE = new PreciseEpochClock();

    private EpochClock()
    {
    }
}

package io.tickwire.model;

import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.OffsetEpochNanoClock;

/**
 * The process's one epoch clock (ns since the epoch, from System.nanoTime plus a fixed offset). One instance
 * for the ingest's receive times, the gateway's send times and the benchmarks: two instances can disagree by
 * up to a millisecond (each samples currentTimeMillis for its offset), which would swamp the latencies
 * measured between them. Never read by a core handler.
 */
public final class EpochClock
{
    public static final EpochNanoClock INSTANCE = new OffsetEpochNanoClock();

    private EpochClock()
    {
    }
}

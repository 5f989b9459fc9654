package io.tickwire.model;

import io.tickwire.model.errors.DistinctErrors;
import io.tickwire.model.latency.LatencyHistograms;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

import java.nio.ByteBuffer;

/**
 * What a node observes of itself, in one place: its counters (labelled, typed {@link #COUNTER} or
 * {@link #GAUGE}), its distinct errors and its latency histograms. A node's come from its {@link CountersFile},
 * so {@code tickwire stat} and {@code tickwire errors} read them from another process; the gateway exposes all
 * three on {@code /metrics}.
 */
public record Telemetry(CountersManager counters, DistinctErrors errors, LatencyHistograms latencies)
{
    /** A counter's type id: only ever increases (a Prometheus counter). */
    public static final int COUNTER = 0;
    /** A counter's type id: a level that goes up and down (a Prometheus gauge). */
    public static final int GAUGE = 1;

    /** A node's: counters and errors in its counters file, live latencies. */
    public static Telemetry of(final CountersFile file)
    {
        return new Telemetry(file.manager(), new DistinctErrors(file.errorLog()), LatencyHistograms.live());
    }

    /** This process's memory only (tests, a part without a node): nothing another process can read. */
    public static Telemetry inMemory()
    {
        return new Telemetry(inMemoryCounters(), new DistinctErrors(), LatencyHistograms.live());
    }

    /** Counters as a counters file holds them, in this process's memory only. */
    public static CountersManager inMemoryCounters()
    {
        return new CountersManager(
            new UnsafeBuffer(ByteBuffer.allocateDirect(CountersReader.METADATA_LENGTH * CountersFile.CAPACITY)),
            new UnsafeBuffer(ByteBuffer.allocateDirect(CountersReader.COUNTER_LENGTH * CountersFile.CAPACITY)));
    }
}

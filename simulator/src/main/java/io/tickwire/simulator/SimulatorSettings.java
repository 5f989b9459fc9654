package io.tickwire.simulator;

import io.tickwire.config.Keys;
import io.tickwire.config.TickwireConfig;

import java.nio.file.Path;

/** How a simulator is started. Fluent, with defaults that suit tests. */
public final class SimulatorSettings
{
    String host = "127.0.0.1";
    int port;
    String apiKey = "demo-key";
    long seed = 42;
    int rate = 1000;
    int maxEventsPerFrame = 64;
    long maxEvents;
    boolean recordGroundTruth;
    int historyPerTicker = 100_000;
    int startAfterSubscribers = 1;
    boolean latencyProbe;
    Path recording;
    boolean asFastAsPossible;

    public static SimulatorSettings from(final TickwireConfig config)
    {
        return new SimulatorSettings()
            .host(config.get(Keys.SIMULATOR_HOST))
            .port(config.get(Keys.SIMULATOR_PORT))
            .apiKey(config.get(Keys.SIMULATOR_API_KEY))
            .seed(config.get(Keys.SIMULATOR_SEED))
            .rate(config.get(Keys.SIMULATOR_RATE))
            .maxEventsPerFrame(config.get(Keys.SIMULATOR_MAX_EVENTS_PER_FRAME))
            .historyPerTicker(config.get(Keys.SIMULATOR_HISTORY_PER_TICKER));
    }

    public SimulatorSettings host(final String value)
    {
        host = value;
        return this;
    }

    public SimulatorSettings port(final int value)
    {
        port = value;
        return this;
    }

    public SimulatorSettings apiKey(final String value)
    {
        apiKey = value;
        return this;
    }

    public SimulatorSettings seed(final long value)
    {
        seed = value;
        return this;
    }

    /** Market events per second, 1 to 2,000,000. */
    public SimulatorSettings rate(final int value)
    {
        if (value < 1 || value > 2_000_000)
        {
            throw new IllegalArgumentException("rate must be 1..2000000, was " + value);
        }
        rate = value;
        return this;
    }

    public SimulatorSettings maxEventsPerFrame(final int value)
    {
        maxEventsPerFrame = value;
        return this;
    }

    /** Stop generating after this many market events (0 = never): gives tests a finite, known stream. */
    public SimulatorSettings maxEvents(final long value)
    {
        maxEvents = value;
        return this;
    }

    /**
     * Serve a recorded session (one frame per line, see {@link RecordedSession}) instead of the simulated
     * market, at the original pacing or as fast as possible.
     */
    public SimulatorSettings recording(final Path file, final boolean fast)
    {
        recording = file;
        asFastAsPossible = fast;
        return this;
    }

    /**
     * Latency probe (the benchmark harness): every stock trade's id is the System.nanoTime at which the
     * schedule meant to send it, so a client in the same JVM measures latency from the intended send time,
     * coordinated omission included.
     */
    public SimulatorSettings latencyProbe(final boolean value)
    {
        latencyProbe = value;
        return this;
    }

    /** The market starts once this many connections have subscribed (default 1). */
    public SimulatorSettings startAfterSubscribers(final int value)
    {
        startAfterSubscribers = value;
        return this;
    }

    /** How many trades and quotes per ticker the REST API can serve. */
    public SimulatorSettings historyPerTicker(final int value)
    {
        historyPerTicker = value;
        return this;
    }

    /** Keep every event sent in memory, for tests to compare against. */
    public SimulatorSettings recordGroundTruth(final boolean value)
    {
        recordGroundTruth = value;
        return this;
    }
}

package io.tickwire.simulator;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The faults a test (or an operator, through {@code /_simulator/faults/...}) can inject, each reproducing
 * something the real feed does (../shared/massive-protocol.md). Counters are consumed by the market driver
 * and the sessions; everything here is thread-safe.
 */
public final class SimulatorFaults
{
    final AtomicInteger duplicateFrames = new AtomicInteger();
    final AtomicInteger duplicateSequences = new AtomicInteger();
    final AtomicInteger reorderedFrames = new AtomicInteger();
    final AtomicInteger failedAuths = new AtomicInteger();
    volatile boolean ignorePings;
    volatile long refuseUntilNanos;
    volatile String latePrintTicker;
    volatile long latePrintMillis;
    private volatile long stocksSkewMillis;
    private volatile long optionsSkewMillis;
    private volatile long indicesSkewMillis;

    private final MassiveSimulator simulator;

    SimulatorFaults(final MassiveSimulator simulator)
    {
        this.simulator = simulator;
    }

    /** Closes every connection of a cluster, with a close frame (1001) or by dropping the socket. */
    public void dropConnections(final String cluster, final boolean withCloseFrame)
    {
        simulator.forEachSession(cluster, (s) -> s.drop(withCloseFrame));
    }

    /** Holds every frame for a cluster's connections for {@code millis}, then sends them late (a stall). */
    public void stall(final String cluster, final long millis)
    {
        final long until = System.nanoTime() + millis * 1_000_000L;
        simulator.forEachSession(cluster, (s) -> s.stallUntil(until));
    }

    /** Stop (or resume) answering WebSocket pings. */
    public void ignorePings(final boolean ignore)
    {
        ignorePings = ignore;
    }

    /** The next {@code frames} frames to each connection are sent twice. */
    public void duplicateFrames(final int frames)
    {
        duplicateFrames.addAndGet(frames);
    }

    /** The next {@code trades} trades repeat their ticker's previous {@code q} (distinct trades, same q). */
    public void duplicateSequences(final int trades)
    {
        duplicateSequences.addAndGet(trades);
    }

    /** Each of the next {@code frames} frames is sent after the frame that follows it (older events late). */
    public void reorderFrames(final int frames)
    {
        reorderedFrames.addAndGet(frames);
    }

    /** The next trade of {@code ticker} is a TRF print stamped {@code lateMillis} in the past. */
    public void latePrint(final String ticker, final long lateMillis)
    {
        latePrintMillis = lateMillis;
        latePrintTicker = ticker;
    }

    /**
     * From now on the cluster's events are stamped {@code millis} off the others' (ahead when positive): Massive's
     * clusters run on clocks hundreds of milliseconds apart.
     */
    public void skewClock(final String cluster, final long millis)
    {
        switch (cluster)
        {
            case "stocks" -> stocksSkewMillis = millis;
            case "options" -> optionsSkewMillis = millis;
            case "indices" -> indicesSkewMillis = millis;
            default -> throw new IllegalArgumentException("no cluster " + cluster);
        }
    }

    long skewMillis(final String cluster)
    {
        return switch (cluster)
        {
            case "stocks" -> stocksSkewMillis;
            case "options" -> optionsSkewMillis;
            default -> indicesSkewMillis;
        };
    }

    /** Evicts a cluster's connections the way a second login does: max_connections, then a dropped socket. */
    public void evict(final String cluster)
    {
        simulator.forEachSession(cluster, SimulatorSession::evict);
    }

    /** For {@code millis}, WebSocket upgrades are refused (HTTP 503): the feed is unreachable. REST stays up. */
    public void refuseConnections(final long millis)
    {
        refuseUntilNanos = System.nanoTime() + millis * 1_000_000L;
    }

    boolean refusing()
    {
        return System.nanoTime() < refuseUntilNanos;
    }

    /** The next {@code attempts} authentications fail (auth_failed, dropped socket). */
    public void failAuth(final int attempts)
    {
        failedAuths.addAndGet(attempts);
    }

    static boolean take(final AtomicInteger counter)
    {
        while (true)
        {
            final int n = counter.get();
            if (n <= 0)
            {
                return false;
            }
            if (counter.compareAndSet(n, n - 1))
            {
                return true;
            }
        }
    }
}

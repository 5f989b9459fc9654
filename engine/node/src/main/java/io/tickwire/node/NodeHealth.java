package io.tickwire.node;

import io.tickwire.codecs.sbe.Cluster;
import io.tickwire.codecs.sbe.FeedState;
import io.tickwire.model.Progress;
import org.agrona.concurrent.NanoClock;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Whether the engine side of a node is well, as a list of reasons it is not (empty when it is): a fatal error;
 * a stage thread that has ended; the ring's slowest stage too far behind, or not moving while events wait
 * (its progress is its heartbeat); the ring's producer thread (feed, REST, timer) not ticking (the journaled
 * timer is its heartbeat: a thread stuck in a frame stops it); a feed cluster neither up nor knowingly recovering (REST polling or a
 * backfill); low disk. The gateway adds its own and answers /health with 200 or 503 and every reason.
 * Progress is judged between two calls, on an injected clock.
 */
final class NodeHealth
{
    /** What the engine exposes to health, read from the caller's thread. */
    interface Sources
    {
        String fatalReason();

        List<String> deadStageThreads();

        long ringLag();

        long processed();

        /** Timer ticks published so far: the ring's producer thread's heartbeat. */
        long timerTicks();

        Map<Cluster, FeedState> feedStates();

        String diskWarning();
    }

    private final Sources sources;
    private final long maxRingLag;
    private final long stallNanos;
    private final NanoClock clock;
    private final Progress stages = new Progress();
    private final Progress timer = new Progress();

    NodeHealth(final Sources sources, final long maxRingLag, final long stallMillis, final NanoClock clock)
    {
        this.sources = sources;
        this.maxRingLag = maxRingLag;
        this.stallNanos = TimeUnit.MILLISECONDS.toNanos(stallMillis);
        this.clock = clock;
    }

    /** Every reason the engine is not well; empty when it is. Callers serialize calls (the gateway's I/O thread). */
    synchronized List<String> problems()
    {
        final List<String> problems = new ArrayList<>();
        final String fatal = sources.fatalReason();
        if (fatal != null)
        {
            problems.add("fatal: " + fatal);
        }
        for (final String thread : sources.deadStageThreads())
        {
            problems.add("stage thread " + thread + " has ended");
        }
        final long lag = sources.ringLag();
        final long now = clock.nanoTime();
        final long stagesStill = stages.stillFor(sources.processed(), now);
        if (lag > maxRingLag)
        {
            problems.add("ring lag " + lag + " events, above health.maxRingLag " + maxRingLag);
        }
        if (lag > 0 && stagesStill >= stallNanos)
        {
            problems.add("ring stalled: " + lag + " events waiting and no stage progress for " +
                TimeUnit.NANOSECONDS.toMillis(stagesStill) + " ms");
        }
        final long timerStill = timer.stillFor(sources.timerTicks(), now);
        if (timerStill >= stallNanos)
        {
            problems.add("ingest thread stalled: no timer tick for " + TimeUnit.NANOSECONDS.toMillis(timerStill) + " ms");
        }
        for (final Map.Entry<Cluster, FeedState> feed : sources.feedStates().entrySet())
        {
            final FeedState state = feed.getValue();
            final String cluster = feed.getKey().name().toLowerCase();
            if (state == null)
            {
                problems.add("feed " + cluster + " has not connected yet");
            }
            else if (state != FeedState.UP && state != FeedState.RECOVERED && state != FeedState.POLLING &&
                state != FeedState.BACKFILLING)
            {
                problems.add("feed " + cluster + " is " + state);
            }
        }
        final String disk = sources.diskWarning();
        if (disk != null)
        {
            problems.add(disk);
        }
        return problems;
    }

    /** Sources from lambdas: the composition root's wiring. */
    static Sources sources(final Supplier<String> fatalReason, final Supplier<List<String>> deadStageThreads,
        final LongSupplier ringLag, final LongSupplier processed, final LongSupplier timerTicks,
        final Supplier<Map<Cluster, FeedState>> feedStates, final Supplier<String> diskWarning)
    {
        return new Sources()
        {
            @Override
            public String fatalReason()
            {
                return fatalReason.get();
            }

            @Override
            public List<String> deadStageThreads()
            {
                return deadStageThreads.get();
            }

            @Override
            public long ringLag()
            {
                return ringLag.getAsLong();
            }

            @Override
            public long processed()
            {
                return processed.getAsLong();
            }

            @Override
            public long timerTicks()
            {
                return timerTicks.getAsLong();
            }

            @Override
            public Map<Cluster, FeedState> feedStates()
            {
                return feedStates.get();
            }

            @Override
            public String diskWarning()
            {
                return diskWarning.get();
            }
        };
    }
}

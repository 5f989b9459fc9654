package io.tickwire.engine.ring;

import com.lmax.disruptor.RingBuffer;
import io.tickwire.codecs.sbe.FeedState;
import io.tickwire.codecs.sbe.StatusCode;
import io.tickwire.model.EngineCounters;
import io.tickwire.model.EpochClock;
import io.tickwire.model.latency.LatencyHistogram;
import io.tickwire.model.event.EventPublisher;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import io.tickwire.model.event.StagedBatch;
import io.tickwire.model.symbols.SymbolTable;

/**
 * The ring's single producer. Everything that enters the core — decoded frames, timer ticks, feed states,
 * polled and backfilled events — goes through here, on one thread. It never blocks: when the ring lacks
 * room for a whole batch the batch is dropped and counted, the caller carries on reading its socket, and
 * the loss is remembered per cluster as a gap. The next batch of that cluster that fits is preceded, in
 * the same claim, by a DEGRADED feed status carrying the gap's event-time window, so the journal and the
 * bars say the data is missing there, and the gap listener can backfill it.
 */
public final class RingPublisher implements EventPublisher
{
    private static final int CLUSTERS = 3;

    private final RingBuffer<MarketEvent> ring;
    private final SymbolTable symbols;
    private final EngineCounters counters;
    private final long[] droppedEvents = new long[CLUSTERS];
    private final long[] gapStart = new long[CLUSTERS];
    private final long[] gapEnd = new long[CLUSTERS];
    private final MarketEvent gapStatus = new MarketEvent();
    private GapListener gapListener = (cluster, start, end) -> { };
    /** A live frame's receipt to its events on the ring (the live node's; replays do not time). */
    private final LatencyHistogram latency;

    public RingPublisher(final RingBuffer<MarketEvent> ring, final SymbolTable symbols, final EngineCounters counters)
    {
        this(ring, symbols, counters, LatencyHistogram.NONE);
    }

    public RingPublisher(final RingBuffer<MarketEvent> ring, final SymbolTable symbols, final EngineCounters counters,
        final LatencyHistogram latency)
    {
        this.ring = ring;
        this.symbols = symbols;
        this.counters = counters;
        this.latency = latency;
    }

    @Override
    public void gapListener(final GapListener listener)
    {
        this.gapListener = listener;
    }

    @Override
    public boolean publish(final StagedBatch batch, final int cluster)
    {
        final int n = batch.size();
        if (n == 0)
        {
            return true;
        }
        final boolean gapPending = cluster != NO_CLUSTER && droppedEvents[cluster] > 0;
        final int needed = gapPending ? n + 1 : n;
        if (needed > ring.getBufferSize() || !ring.hasAvailableCapacity(needed))
        {
            counters.ringFullFrames.incrementRelease();
            counters.ringFullEvents.getAndAddRelease(n);
            if (cluster != NO_CLUSTER)
            {
                remember(batch, cluster);
            }
            return false;
        }
        final long now = latency.live() ? EpochClock.INSTANCE.nanoTime() : 0;
        final long hi = ring.next(needed);
        long next = hi - needed + 1;
        final long lo = next;
        if (gapPending)
        {
            fillGapStatus(cluster, batch.get(0).receiveTime);
            final MarketEvent slot = ring.get(next++);
            slot.copyInputFrom(gapStatus);
            slot.publishNanos = now;
        }
        for (int i = 0; i < n; i++)
        {
            final MarketEvent source = batch.get(i);
            final MarketEvent slot = ring.get(next++);
            slot.copyInputFrom(source);
            slot.publishNanos = now;
            if (source.type == EventType.SYMBOL && symbols != null)
            {
                symbols.markAnnounced(source.symbolId);
            }
        }
        ring.publish(lo, hi);
        counters.eventsPublished.getAndAddRelease(needed);
        if (latency.live())
        {
            latency.record(now - batch.get(0).receiveTime); // a frame's events share it; now: as it is claimed
        }
        if (gapPending)
        {
            final long start = gapStart[cluster];
            final long end = gapEnd[cluster];
            droppedEvents[cluster] = 0;
            counters.ringFullGaps.incrementRelease();
            gapListener.onRingFullGap(cluster, start, end);
        }
        return true;
    }

    @Override
    public boolean tryPublish(final StagedBatch batch)
    {
        final int n = batch.size();
        if (n > ring.getBufferSize() || !ring.hasAvailableCapacity(Math.max(1, n)))
        {
            return false;
        }
        return publish(batch, NO_CLUSTER);
    }

    @Override
    public boolean tryPublishInBackground(final StagedBatch batch)
    {
        if (ring.remainingCapacity() - batch.size() < ring.getBufferSize() / 2)
        {
            return false;
        }
        return tryPublish(batch);
    }

    /** Blocks for room: only for replay, where the source is a file and waiting is right. */
    public void publishBlocking(final MarketEvent source)
    {
        final long sequence = ring.next();
        ring.get(sequence).copyInputFrom(source);
        ring.publish(sequence);
    }

    private void remember(final StagedBatch batch, final int cluster)
    {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < batch.size(); i++)
        {
            final MarketEvent e = batch.get(i);
            if (e.type != EventType.SYMBOL)
            {
                min = Math.min(min, e.eventTime);
                max = Math.max(max, e.eventTime);
            }
        }
        if (min == Long.MAX_VALUE)
        {
            return; // only symbol definitions: nothing missing, they are staged again with their next use
        }
        if (droppedEvents[cluster] == 0)
        {
            gapStart[cluster] = min;
            gapEnd[cluster] = max;
        }
        else
        {
            gapStart[cluster] = Math.min(gapStart[cluster], min);
            gapEnd[cluster] = Math.max(gapEnd[cluster], max);
        }
        droppedEvents[cluster] += batch.size();
    }

    private void fillGapStatus(final int cluster, final long receiveTime)
    {
        gapStatus.reset(EventType.FEED_STATUS);
        gapStatus.eventTime = receiveTime;
        gapStatus.receiveTime = receiveTime;
        gapStatus.cluster = cluster;
        gapStatus.feedState = FeedState.DEGRADED.value();
        gapStatus.statusCode = StatusCode.RING_FULL.value();
        gapStatus.gapStart = gapStart[cluster];
        gapStatus.gapEnd = gapEnd[cluster] + 1;
        gapStatus.text("ring full: " + droppedEvents[cluster] + " events dropped");
    }
}

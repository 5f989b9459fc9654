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
 * the loss is remembered per cluster as a gap, and per symbol as the trades and quotes lost. The next batch of
 * that cluster that fits is preceded, in the same claim, by a DEGRADED feed status carrying the gap's event-time
 * window, so the journal and the bars say the data is missing there, and the gap listener can backfill what was
 * lost, symbol by symbol.
 */
public final class RingPublisher implements EventPublisher
{
    private static final int CLUSTERS = 3;

    private final RingBuffer<MarketEvent> ring;
    private final SymbolTable symbols;
    private final EngineCounters counters;
    /** Per cluster, what its feed lost on a full ring since the last gap it declared. */
    private final DroppedEvents[] dropped = new DroppedEvents[CLUSTERS];
    private final MarketEvent gapStatus = new MarketEvent();
    private GapListener gapListener = (gap) -> { };
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
        for (int c = 0; c < CLUSTERS; c++)
        {
            dropped[c] = new DroppedEvents();
        }
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
        final boolean gapPending = cluster != NO_CLUSTER && dropped[cluster].events() > 0;
        final int needed = gapPending ? n + 1 : n;
        if (needed > ring.getBufferSize() || !ring.hasAvailableCapacity(needed))
        {
            counters.ringFullFrames.incrementRelease();
            counters.ringFullEvents.getAndAddRelease(n);
            if (cluster != NO_CLUSTER)
            {
                dropped[cluster].add(batch);
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
            counters.ringFullGaps.incrementRelease();
            gapListener.onRingFullGap(dropped[cluster].drain(cluster, symbols));
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

    private void fillGapStatus(final int cluster, final long receiveTime)
    {
        gapStatus.reset(EventType.FEED_STATUS);
        gapStatus.eventTime = receiveTime;
        gapStatus.receiveTime = receiveTime;
        gapStatus.cluster = cluster;
        gapStatus.feedState = FeedState.DEGRADED.value();
        gapStatus.statusCode = StatusCode.RING_FULL.value();
        gapStatus.gapStart = dropped[cluster].start();
        gapStatus.gapEnd = dropped[cluster].end() + 1;
        gapStatus.text("ring full: " + dropped[cluster].events() + " events dropped");
    }
}

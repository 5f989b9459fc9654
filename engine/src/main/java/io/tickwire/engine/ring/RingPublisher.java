package io.tickwire.engine.ring;

import com.lmax.disruptor.RingBuffer;
import io.tickwire.engine.EngineCounters;
import io.tickwire.engine.event.EventType;
import io.tickwire.engine.event.MarketEvent;
import io.tickwire.engine.ingest.StagedBatch;
import io.tickwire.engine.symbols.SymbolTable;

/**
 * The ring's single producer. Everything that enters the core — decoded frames, timer ticks, feed states —
 * goes through here, on one thread. It never blocks: when the ring lacks room for a whole batch the batch
 * is counted as dropped and the caller carries on reading its socket.
 */
public final class RingPublisher
{
    private final RingBuffer<MarketEvent> ring;
    private final SymbolTable symbols;
    private final EngineCounters counters;

    public RingPublisher(final RingBuffer<MarketEvent> ring, final SymbolTable symbols, final EngineCounters counters)
    {
        this.ring = ring;
        this.symbols = symbols;
        this.counters = counters;
    }

    /** @return false when the ring was full and the batch was dropped (counted). */
    public boolean publish(final StagedBatch batch)
    {
        final int n = batch.size();
        if (n == 0)
        {
            return true;
        }
        if (n > ring.getBufferSize() || !ring.hasAvailableCapacity(n))
        {
            counters.ringFullFrames.incrementRelease();
            counters.ringFullEvents.getAndAddRelease(n);
            return false;
        }
        final long hi = ring.next(n);
        final long lo = hi - n + 1;
        for (int i = 0; i < n; i++)
        {
            final MarketEvent source = batch.get(i);
            ring.get(lo + i).copyInputFrom(source);
            if (source.type == EventType.SYMBOL && symbols != null)
            {
                symbols.markAnnounced(source.symbolId);
            }
        }
        ring.publish(lo, hi);
        counters.eventsPublished.getAndAddRelease(n);
        return true;
    }

    /** Blocks for room: only for replay, where the source is a file and waiting is right. */
    public void publishBlocking(final MarketEvent source)
    {
        final long sequence = ring.next();
        ring.get(sequence).copyInputFrom(source);
        ring.publish(sequence);
    }
}

package io.tickwire.engine.ring;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import io.tickwire.codecs.sbe.FeedState;
import io.tickwire.codecs.sbe.StatusCode;
import io.tickwire.model.EngineCounters;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import io.tickwire.model.event.RingFullGap;
import io.tickwire.model.event.StagedBatch;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RingPublisherTest
{
    private final RingBuffer<MarketEvent> ring = RingBuffer.createSingleProducer(MarketEvent::new, 8);
    private final Sequence consumer = new Sequence(-1);
    private final EngineCounters counters = new EngineCounters();
    private final RingPublisher publisher = new RingPublisher(ring, null, counters);
    private final List<RingFullGap> gaps = new ArrayList<>();

    RingPublisherTest()
    {
        ring.addGatingSequences(consumer);
        publisher.gapListener(gaps::add);
    }

    private static StagedBatch trades(final long... times)
    {
        final StagedBatch batch = new StagedBatch();
        for (final long t : times)
        {
            final MarketEvent e = batch.add(EventType.TRADE);
            e.eventTime = t;
            e.receiveTime = t + 1;
        }
        return batch;
    }

    @Test
    void shouldDropWithoutBlockingAndJournalTheGapBeforeTheNextBatch()
    {
        assertTrue(publisher.publish(trades(1, 2, 3, 4, 5, 6), 0));
        assertFalse(publisher.publish(trades(10, 11, 12), 0), "3 more do not fit in 8");
        assertFalse(publisher.publish(trades(9, 12), 0));
        assertEquals(2, counters.ringFullFrames.get(), "counted, not waited for");
        assertEquals(5, counters.ringFullEvents.get());
        consumer.set(5); // the consumer catches up
        assertTrue(publisher.publish(trades(20), 0));
        final MarketEvent status = ring.get(6);
        assertEquals(EventType.FEED_STATUS, status.type);
        assertEquals(FeedState.DEGRADED.value(), status.feedState);
        assertEquals(StatusCode.RING_FULL.value(), status.statusCode);
        assertEquals(9, status.gapStart);
        assertEquals(13, status.gapEnd, "end is exclusive: the newest dropped event + 1");
        assertEquals(20, ring.get(7).eventTime, "the batch follows its gap status");
        assertEquals(1, gaps.size());
        assertEquals(1, counters.ringFullGaps.get());
    }

    @Test
    void shouldTellTheRepairWhichSymbolsLostWhatWhen()
    {
        assertTrue(publisher.publish(trades(1, 2, 3, 4, 5, 6, 7, 8), 0));
        final StagedBatch mixed = new StagedBatch();
        add(mixed, EventType.TRADE, 3, 100);
        add(mixed, EventType.QUOTE, 3, 101);
        add(mixed, EventType.QUOTE, 5, 102);
        add(mixed, EventType.INDEX_VALUE, 7, 103);
        assertFalse(publisher.publish(mixed, 1));
        final StagedBatch later = new StagedBatch();
        add(later, EventType.TRADE, 3, 90);
        add(later, EventType.TRADE, 3, 140);
        assertFalse(publisher.publish(later, 1));
        consumer.set(7);
        assertTrue(publisher.publish(trades(200), 1));
        assertEquals(1, gaps.size());
        final RingFullGap gap = gaps.get(0);
        assertEquals(1, gap.cluster());
        assertEquals(90, gap.start());
        assertEquals(140, gap.end());
        assertEquals(6, gap.events());
        assertEquals(List.of(new RingFullGap.Dropped(null, 3, 90, 140, 1, 101, 101),
            new RingFullGap.Dropped(null, 0, 0, 0, 1, 102, 102)), gap.symbols(),
            "symbol 3's three trades and a quote, symbol 5's quote; the index value only in the window");
        consumer.set(8);
        final StagedBatch again = new StagedBatch();
        add(again, EventType.QUOTE, 5, 300);
        for (int i = 0; i < 8; i++)
        {
            add(again, EventType.QUOTE, 5, 300);
        }
        assertFalse(publisher.publish(again, 1), "9 do not fit in 8");
        assertTrue(publisher.publish(trades(400), 1));
        assertEquals(new RingFullGap.Dropped(null, 0, 0, 0, 9, 300, 300), gaps.get(1).symbols().get(0),
            "the next gap starts afresh");
        assertEquals(1, gaps.get(1).symbols().size());
    }

    private static void add(final StagedBatch batch, final int type, final int symbolId, final long time)
    {
        final MarketEvent e = batch.add(type);
        e.symbolId = symbolId;
        e.eventTime = time;
        e.receiveTime = time;
    }

    @Test
    void shouldNotCountARetryableBatchAsLost()
    {
        assertTrue(publisher.publish(trades(1, 2, 3, 4, 5, 6, 7, 8), 0));
        assertFalse(publisher.tryPublish(trades(9)));
        assertEquals(0, counters.ringFullFrames.get());
        consumer.set(7);
        assertTrue(publisher.tryPublish(trades(9)));
        assertEquals(0, gaps.size());
    }
}

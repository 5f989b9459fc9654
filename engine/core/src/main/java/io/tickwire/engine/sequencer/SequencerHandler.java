package io.tickwire.engine.sequencer;

import com.lmax.disruptor.EventHandler;
import io.tickwire.model.EngineCounters;
import io.tickwire.codecs.sbe.Source;
import io.tickwire.engine.time.ClusterClocks;
import io.tickwire.engine.time.EventClock;
import io.tickwire.engine.time.UsEquityCalendar;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import org.agrona.BitUtil;
import org.agrona.collections.Long2LongHashMap;

import java.util.Arrays;

/**
 * First stage: decides which inputs are accepted, by the feed's real identity rules (docs/architecture.md,
 * "Dedupe"). A trade is a duplicate when its identity (symbol, exchange, TRF id, trade id) was seen within
 * the last {@code dedupeWindow} trades; Massive's {@code q} is only a secondary signal, counted and flagged
 * when it repeats or goes backwards but never used to drop. A quote older than the symbol's newest quote is
 * stale and not accepted. A trade older than the newest event of its own feed (cluster) by more than the bars'
 * close delay is accepted and flagged late. Massive's {@code q} restarts each trading day, so it is compared only
 * within one (US/Eastern) day. A backfilled trade ({@code src=backfill}) fills a gap after the fact: it is neither
 * judged late nor compared with the live {@code q}. Everything else is accepted.
 */
public final class SequencerHandler implements EventHandler<MarketEvent>
{
    private final TradeIdentityWindow identities;
    private final EngineCounters counters;
    private final long lateAfterNanos;
    private final ClusterClocks clocks = new ClusterClocks();
    private final UsEquityCalendar calendar = new UsEquityCalendar();
    private static final long MISSING = -1;
    private static final long CHECKSUM_MASK = 0xFFFF_FFFF_FFFFL;
    private static final long AGGREGATE_GENERATION_NANOS = 20 * 60 * 1_000_000_000L;
    private Long2LongHashMap currentAggregates = new Long2LongHashMap(MISSING);
    private Long2LongHashMap previousAggregates = new Long2LongHashMap(MISSING);
    private long aggregateGenerationStart = Long.MIN_VALUE / 2;
    private long[] lastSequence = new long[1024];
    /** The trading day (yyyymmdd) of each symbol's last sequence: q restarts each day. */
    private int[] lastSequenceDay = new int[1024];
    private long[] lastQuoteTime = new long[1024];

    /** @param lateAfterMillis a trade older than the newest event by more than this is flagged late. */
    public SequencerHandler(final int dedupeWindow, final long lateAfterMillis, final EngineCounters counters)
    {
        this.identities = new TradeIdentityWindow(dedupeWindow);
        this.lateAfterNanos = lateAfterMillis * 1_000_000L;
        this.counters = counters;
    }

    @Override
    public void onEvent(final MarketEvent event, final long sequence, final boolean endOfBatch)
    {
        switch (event.type)
        {
            case EventType.TRADE:
                onTrade(event);
                break;
            case EventType.QUOTE:
                onQuote(event);
                break;
            case EventType.AGGREGATE:
                onAggregate(event);
                break;
            case EventType.INDEX_VALUE:
                event.accepted = true;
                clocks.advance(event);
                break;
            default:
                event.accepted = event.type != EventType.NONE;
                clocks.advance(event); // symbol definitions name a symbol's feed; timer ticks move the clocks on
        }
    }

    private void onTrade(final MarketEvent e)
    {
        final long hi = (long)e.symbolId << 32 | (e.exchange & 0xFFFFL) << 16 | e.trfId & 0xFFFFL;
        if (!identities.addIfAbsent(hi, e.tradeIdKey))
        {
            e.accepted = false;
            counters.duplicateTrades.incrementRelease();
            return;
        }
        ensureCapacity(e.symbolId);
        final boolean backfill = e.source == Source.BACKFILL.value();
        if (e.sequence != 0 && !backfill)
        {
            final int day = calendar.tradingDay(e.eventTime);
            if (day != lastSequenceDay[e.symbolId])
            {
                lastSequenceDay[e.symbolId] = day;
                lastSequence[e.symbolId] = 0; // a new day: Massive's q starts again
            }
            final long last = lastSequence[e.symbolId];
            if (e.sequence == last)
            {
                e.flags |= MarketEvent.FLAG_DUPLICATE_SEQUENCE;
                counters.duplicateSequences.incrementRelease();
            }
            else if (e.sequence < last)
            {
                e.flags |= MarketEvent.FLAG_BACKWARD_SEQUENCE;
                counters.backwardSequences.incrementRelease();
            }
            else
            {
                lastSequence[e.symbolId] = e.sequence;
            }
        }
        final EventClock clock = clocks.of(e.symbolId);
        if (!backfill && clock.isSet() && e.eventTime < clock.now() - lateAfterNanos)
        {
            e.flags |= MarketEvent.FLAG_LATE; // accepted: Massive's TRF prints arrive minutes after they happen
            counters.lateTradesFlagged.incrementRelease();
        }
        e.accepted = true;
        clocks.advance(e);
        counters.tradesAccepted.incrementRelease();
    }

    /**
     * Massive re-sends corrected bars with the same (symbol, ev, start): upsert semantics. The first is
     * revision 0, each changed re-send the next revision; an identical re-send is a duplicate, not accepted.
     * Remembered for two generations of {@link #AGGREGATE_GENERATION_NANOS}, longer than Massive revises.
     */
    private void onAggregate(final MarketEvent e)
    {
        if (e.endTime > aggregateGenerationStart + AGGREGATE_GENERATION_NANOS)
        {
            final Long2LongHashMap oldest = previousAggregates;
            previousAggregates = currentAggregates;
            currentAggregates = oldest;
            currentAggregates.clear();
            aggregateGenerationStart = e.endTime;
        }
        final long key = (long)e.symbolId << 33 | (long)e.aggregateKind << 32 | (Math.floorDiv(e.startTime, 1_000_000_000L) &
            0xFFFF_FFFFL);
        long known = currentAggregates.get(key);
        if (known == MISSING)
        {
            known = previousAggregates.get(key);
        }
        final long checksum = aggregateChecksum(e);
        if (known == MISSING)
        {
            e.revision = 0;
        }
        else if ((known & CHECKSUM_MASK) == checksum)
        {
            e.accepted = false;
            counters.duplicateAggregates.incrementRelease();
            return;
        }
        else
        {
            e.revision = (int)(known >>> 48) + 1;
            counters.aggregateRevisions.incrementRelease();
        }
        currentAggregates.put(key, (long)e.revision << 48 | checksum);
        e.accepted = true;
    }

    private static long aggregateChecksum(final MarketEvent e)
    {
        long h = e.open * 0x9E3779B97F4A7C15L;
        h = (h ^ e.high) * 0xBF58476D1CE4E5B9L;
        h = (h ^ e.low) * 0x94D049BB133111EBL;
        h = (h ^ e.price) * 0x9E3779B97F4A7C15L;
        h = (h ^ e.size) * 0xBF58476D1CE4E5B9L;
        h = (h ^ e.vwap) * 0x94D049BB133111EBL;
        return (h ^ (h >>> 31)) & CHECKSUM_MASK;
    }

    private void onQuote(final MarketEvent e)
    {
        ensureCapacity(e.symbolId);
        if (e.eventTime < lastQuoteTime[e.symbolId])
        {
            e.accepted = false;
            counters.staleQuotes.incrementRelease();
            return;
        }
        lastQuoteTime[e.symbolId] = e.eventTime;
        e.accepted = true;
        clocks.advance(e);
    }

    private void ensureCapacity(final int symbolId)
    {
        if (symbolId >= lastSequence.length)
        {
            final int length = BitUtil.findNextPositivePowerOfTwo(symbolId + 1);
            lastSequence = Arrays.copyOf(lastSequence, length);
            lastSequenceDay = Arrays.copyOf(lastSequenceDay, length);
            lastQuoteTime = Arrays.copyOf(lastQuoteTime, length);
        }
    }
}

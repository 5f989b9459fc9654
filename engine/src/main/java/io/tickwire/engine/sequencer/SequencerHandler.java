package io.tickwire.engine.sequencer;

import com.lmax.disruptor.EventHandler;
import io.tickwire.engine.EngineCounters;
import io.tickwire.engine.event.EventType;
import io.tickwire.engine.event.MarketEvent;
import org.agrona.BitUtil;

import java.util.Arrays;

/**
 * First stage: decides which inputs are accepted, by the feed's real identity rules (docs/architecture.md,
 * "Dedupe"). A trade is a duplicate when its identity (symbol, exchange, TRF id, trade id) was seen within
 * the last {@code dedupeWindow} trades; Massive's {@code q} is only a secondary signal, counted and flagged
 * when it repeats or goes backwards but never used to drop. A quote older than the symbol's newest quote is
 * stale and not accepted. Everything else is accepted.
 */
public final class SequencerHandler implements EventHandler<MarketEvent>
{
    private final TradeIdentityWindow identities;
    private final EngineCounters counters;
    private long[] lastSequence = new long[1024];
    private long[] lastQuoteTime = new long[1024];

    public SequencerHandler(final int dedupeWindow, final EngineCounters counters)
    {
        this.identities = new TradeIdentityWindow(dedupeWindow);
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
            default:
                event.accepted = event.type != EventType.NONE;
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
        if (e.sequence != 0)
        {
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
        e.accepted = true;
        counters.tradesAccepted.incrementRelease();
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
    }

    private void ensureCapacity(final int symbolId)
    {
        if (symbolId >= lastSequence.length)
        {
            final int length = BitUtil.findNextPositivePowerOfTwo(symbolId + 1);
            lastSequence = Arrays.copyOf(lastSequence, length);
            lastQuoteTime = Arrays.copyOf(lastQuoteTime, length);
        }
    }
}

package io.tickwire.engine.sequencer;

import io.tickwire.codecs.sbe.AssetClass;
import io.tickwire.codecs.sbe.Source;

import io.tickwire.model.EngineCounters;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SequencerHandlerTest
{
    private final EngineCounters counters = new EngineCounters();
    private final SequencerHandler sequencer = new SequencerHandler(1024, 250, counters);

    private MarketEvent trade(final int symbol, final int exchange, final int trf, final long idKey, final long q)
    {
        final MarketEvent e = event(EventType.TRADE, symbol);
        e.exchange = exchange;
        e.trfId = trf;
        e.tradeIdKey = idKey;
        e.sequence = q;
        sequencer.onEvent(e, 0, true);
        return e;
    }

    @Test
    void shouldDropExactDuplicatesByTheFeedsRealIdentity()
    {
        assertTrue(trade(1, 4, 201, 77, 10).accepted);
        assertFalse(trade(1, 4, 201, 77, 10).accepted, "same (sym, x, trfi, i)");
        assertTrue(trade(1, 4, 202, 77, 11).accepted, "another TRF: a different trade");
        assertTrue(trade(1, 5, 0, 77, 12).accepted, "another exchange: a different trade");
        assertTrue(trade(2, 4, 201, 77, 13).accepted, "another symbol: a different trade");
        assertEquals(1, counters.duplicateTrades.get());
        assertEquals(4, counters.tradesAccepted.get());
    }

    @Test
    void shouldKeepButFlagRepeatedOrBackwardSequences()
    {
        trade(1, 1, 0, 1, 100);
        final MarketEvent repeated = trade(1, 1, 0, 2, 100);
        final MarketEvent backward = trade(1, 1, 0, 3, 90);
        assertTrue(repeated.accepted);
        assertTrue(backward.accepted);
        assertTrue((repeated.flags & MarketEvent.FLAG_DUPLICATE_SEQUENCE) != 0);
        assertTrue((backward.flags & MarketEvent.FLAG_BACKWARD_SEQUENCE) != 0);
        assertEquals(1, counters.duplicateSequences.get());
        assertEquals(1, counters.backwardSequences.get());
    }

    @Test
    void shouldNotLetAnOlderQuoteOverwriteANewerOne()
    {
        final MarketEvent newer = quote(1, 2_000);
        final MarketEvent older = quote(1, 1_000);
        final MarketEvent same = quote(1, 2_000);
        assertTrue(newer.accepted);
        assertFalse(older.accepted);
        assertTrue(same.accepted);
        assertEquals(1, counters.staleQuotes.get());
    }

    @Test
    void shouldAcceptButFlagATradeThatArrivesLaterThanTheBarsCloseDelay()
    {
        final long now = 1_763_730_600_000_000_000L;
        final MarketEvent fresh = timedTrade(1, now, 1);
        final MarketEvent slightlyOld = timedTrade(1, now - 200_000_000L, 2);
        final MarketEvent trfPrint = timedTrade(1, now - 600_000_000_000L, 3); // ten minutes late
        assertTrue(trfPrint.accepted);
        assertEquals(0, fresh.flags & MarketEvent.FLAG_LATE);
        assertEquals(0, slightlyOld.flags & MarketEvent.FLAG_LATE, "within the 250 ms close delay");
        assertTrue((trfPrint.flags & MarketEvent.FLAG_LATE) != 0);
        assertEquals(1, counters.lateTradesFlagged.get());
    }

    @Test
    void shouldJudgeATradeLateOnlyAgainstItsOwnFeedsClock()
    {
        final long now = 1_763_730_600_000_000_000L;
        define(1, AssetClass.STOCK);
        define(2, AssetClass.INDEX);
        final MarketEvent index = event(EventType.INDEX_VALUE, 2);
        index.eventTime = now + 700_000_000L; // the indices feed runs 700 ms ahead
        index.receiveTime = now + 700_000_000L;
        sequencer.onEvent(index, 0, true);
        final MarketEvent stock = timedTrade(1, now, 1);
        assertEquals(0, stock.flags & MarketEvent.FLAG_LATE, "not judged by the indices feed's clock");
        assertEquals(0, counters.lateTradesFlagged.get());
    }

    @Test
    void shouldNeitherFlagNorCompareABackfilledTrade()
    {
        final long now = 1_763_730_600_000_000_000L;
        final MarketEvent live = timedTrade(1, now, 1);
        live.sequence = 500;
        final MarketEvent backfilled = event(EventType.TRADE, 1);
        backfilled.eventTime = now - 30_000_000_000L; // filling a gap half a minute back
        backfilled.receiveTime = now;
        backfilled.tradeIdKey = 2;
        backfilled.sequence = 400;
        backfilled.source = Source.BACKFILL.value();
        sequencer.onEvent(backfilled, 0, true);
        assertTrue(backfilled.accepted);
        assertEquals(0, backfilled.flags, "src=backfill says it: not late, not a backward q");
        assertEquals(0, counters.lateTradesFlagged.get() + counters.backwardSequences.get());
    }

    @Test
    void shouldStartComparingTheSequenceAfreshEachTradingDay()
    {
        final long day = 86_400_000_000_000L;
        final long first = 1_763_730_600_000_000_000L; // 2025-11-21 13:10 UTC, 08:10 New York
        sequencer.onEvent(sequenced(1, first, 1, 9_000_000), 0, true);
        sequencer.onEvent(sequenced(1, first + 60_000_000_000L, 2, 9_000_100), 0, true);
        final MarketEvent nextDay = sequenced(1, first + day, 3, 42);
        sequencer.onEvent(nextDay, 0, true);
        assertEquals(0, nextDay.flags & MarketEvent.FLAG_BACKWARD_SEQUENCE, "Massive's q restarts each day");
        final MarketEvent backward = sequenced(1, first + day + 1_000_000L, 4, 41);
        sequencer.onEvent(backward, 0, true);
        assertTrue((backward.flags & MarketEvent.FLAG_BACKWARD_SEQUENCE) != 0, "within a day it is still compared");
    }

    private static MarketEvent sequenced(final int symbol, final long time, final long idKey, final long q)
    {
        final MarketEvent e = event(EventType.TRADE, symbol);
        e.eventTime = time;
        e.receiveTime = time;
        e.tradeIdKey = idKey;
        e.sequence = q;
        return e;
    }

    private void define(final int symbol, final AssetClass assetClass)
    {
        final MarketEvent e = event(EventType.SYMBOL, symbol);
        e.assetClass = assetClass.value();
        sequencer.onEvent(e, 0, true);
    }

    private MarketEvent timedTrade(final int symbol, final long time, final long idKey)
    {
        final MarketEvent e = event(EventType.TRADE, symbol);
        e.eventTime = time;
        e.receiveTime = 1_763_730_600_000_000_000L;
        e.tradeIdKey = idKey;
        sequencer.onEvent(e, 0, true);
        return e;
    }

    @Test
    void shouldUpsertUpstreamBarsBySymbolKindAndStart()
    {
        final MarketEvent first = aggregate(1, 0, 600_000_000L);
        final MarketEvent resent = aggregate(1, 0, 600_000_000L);
        final MarketEvent corrected = aggregate(1, 0, 601_000_000L);
        final MarketEvent minute = aggregate(1, 1, 600_000_000L);
        final MarketEvent otherSymbol = aggregate(2, 0, 600_000_000L);
        assertTrue(first.accepted);
        assertEquals(0, first.revision);
        assertFalse(resent.accepted, "identical re-send: a duplicate");
        assertTrue(corrected.accepted);
        assertEquals(1, corrected.revision, "corrected re-send: the next revision");
        assertEquals(0, minute.revision, "AM is another bar than A");
        assertEquals(0, otherSymbol.revision);
        assertEquals(1, counters.duplicateAggregates.get());
        assertEquals(1, counters.aggregateRevisions.get());
    }

    private MarketEvent aggregate(final int symbol, final int kind, final long close)
    {
        final MarketEvent e = event(EventType.AGGREGATE, symbol);
        e.aggregateKind = kind;
        e.startTime = 1_795_186_800_000_000_000L;
        e.endTime = e.startTime + 1_000_000_000L;
        e.price = close;
        e.size = 100_000_000L;
        sequencer.onEvent(e, 0, true);
        return e;
    }

    private MarketEvent quote(final int symbol, final long time)
    {
        final MarketEvent e = event(EventType.QUOTE, symbol);
        e.eventTime = time;
        sequencer.onEvent(e, 0, true);
        return e;
    }

    private static MarketEvent event(final int type, final int symbol)
    {
        final MarketEvent e = new MarketEvent();
        e.reset(type);
        e.symbolId = symbol;
        return e;
    }
}

package io.tickwire.engine.bars;

import io.tickwire.codecs.sbe.AssetClass;
import io.tickwire.codecs.sbe.BarKind;
import io.tickwire.codecs.sbe.FeedState;
import io.tickwire.codecs.sbe.MessageHeaderDecoder;
import io.tickwire.codecs.sbe.MicrobarDecoder;
import io.tickwire.codecs.sbe.UsSession;
import io.tickwire.model.EngineCounters;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MicrobarHandlerTest
{
    /** 2026-11-20 15:00:00 UTC = 10:00 New York: a whole minute in the regular session. */
    private static final long T0 = 1795186800_000_000_000L;
    private static final long MS = 1_000_000L;
    private static final long PRICE = 1_000_000L;
    private static final long LATENESS_MS = 60_000;

    record Bar(int symbol, int tf, BarKind kind, int revision, long start, long open, long high, long low, long close,
        long volume, long vwap, int count)
    {
    }

    private final EngineCounters counters = new EngineCounters();
    private final MicrobarHandler handler = new MicrobarHandler(new BarSettings(List.of(1000, 5000), 250, LATENESS_MS,
        0, 0, List.of(37), List.of(15)), counters);
    private final List<Bar> bars = new ArrayList<>();
    private final List<MicrobarDecoder> decoded = new ArrayList<>();

    private void trade(final int symbol, final long time, final long price, final long size, final int... conditions)
    {
        final MarketEvent e = event(EventType.TRADE, symbol, time);
        e.price = price * PRICE;
        e.size = size * PRICE;
        e.conditionCount = conditions.length;
        for (int i = 0; i < conditions.length; i++)
        {
            e.conditions[i] = (byte)conditions[i];
        }
        run(e);
    }

    private void quote(final int symbol, final long time, final double bid, final long bidSize, final double ask,
        final long askSize)
    {
        final MarketEvent e = event(EventType.QUOTE, symbol, time);
        e.bidPrice = Math.round(bid * PRICE);
        e.bidSize = bidSize * PRICE;
        e.askPrice = Math.round(ask * PRICE);
        e.askSize = askSize * PRICE;
        run(e);
    }

    private void timer(final long wallTime)
    {
        final MarketEvent e = event(EventType.TIMER, 0, wallTime);
        e.receiveTime = wallTime;
        run(e);
    }

    private static MarketEvent event(final int type, final int symbol, final long time)
    {
        final MarketEvent e = new MarketEvent();
        e.reset(type);
        e.symbolId = symbol;
        e.eventTime = time;
        e.receiveTime = time + 5 * MS;
        e.accepted = true;
        return e;
    }

    private void run(final MarketEvent e)
    {
        runOn(handler, e);
    }

    private void runOn(final MicrobarHandler stage, final MarketEvent e)
    {
        stage.onEvent(e, 0, true);
        int offset = 0;
        while (offset < e.barOutputLength)
        {
            final int length = e.barOutput.getInt(offset);
            final MicrobarDecoder d = new MicrobarDecoder();
            final byte[] copy = new byte[length];
            e.barOutput.getBytes(offset + 4, copy);
            d.wrapAndApplyHeader(new org.agrona.concurrent.UnsafeBuffer(copy), 0, new MessageHeaderDecoder());
            decoded.add(d);
            bars.add(new Bar(d.symbolId(), d.timeframeMillis(), d.kind(), d.revision(), d.startTime(), d.open(),
                d.high(), d.low(), d.close(), d.volume(), d.vwap(), d.tradeCount()));
            offset += 4 + length;
        }
    }

    @Test
    void shouldBuildOhlcVolumeVwapAndCount()
    {
        trade(1, T0 + 100 * MS, 10, 100);
        trade(1, T0 + 200 * MS, 12, 300);
        trade(1, T0 + 300 * MS, 9, 100);
        trade(1, T0 + 900 * MS, 11, 100);
        trade(1, T0 + 1_300 * MS, 11, 1); // clock passes 1.25 s: the first 1 s bar closes
        assertEquals(1, bars.size());
        // the feed's first data came 100 ms into this window: what came before was never seen, so it is partial
        assertEquals(new Bar(1, 1000, BarKind.PARTIAL, 0, T0, 10 * PRICE, 12 * PRICE, 9 * PRICE, 11 * PRICE, 600 * PRICE,
            Math.round((10.0 * 100 + 12 * 300 + 9 * 100 + 11 * 100) / 600 * PRICE), 4), bars.get(0));
        assertEquals(UsSession.REGULAR, decoded.get(0).session());
        assertEquals(20261120, decoded.get(0).tradingDay());
        trade(1, T0 + 2_300 * MS, 11, 1);
        assertEquals(BarKind.NORMAL, bars.get(1).kind(), "the next window was seen whole");
    }

    @Test
    void shouldStampTheSessionOnTheDayTheClocksChange()
    {
        // 2026-03-09 is the first trading day on EDT: the regular session opens at 13:30 UTC, not 14:30
        final long open = java.time.Instant.parse("2026-03-09T13:30:00Z").getEpochSecond() * 1_000_000_000L;
        trade(1, open - 500 * MS, 10, 1);
        trade(1, open + 100 * MS, 10, 1);
        trade(1, open + 1_500 * MS, 10, 1);
        final List<MicrobarDecoder> seconds = decoded.stream().filter((d) -> d.timeframeMillis() == 1000).toList();
        assertEquals(UsSession.PRE, seconds.get(0).session(), "13:29:59 UTC is 09:29:59 EDT");
        assertEquals(UsSession.REGULAR, seconds.get(1).session(), "13:30:00 UTC is 09:30 EDT");
        assertEquals(20260309, seconds.get(1).tradingDay());
    }

    @Test
    void shouldCountOnlyTradesWhoseConditionsUpdateThePriceOrTheVolume()
    {
        trade(1, T0 + 100 * MS, 10, 100);
        trade(1, T0 + 200 * MS, 50, 7, 37);      // odd lot: volume, not price
        trade(1, T0 + 300 * MS, 11, 1_000, 15);  // official close print: price, not volume
        trade(1, T0 + 1_300 * MS, 11, 1);
        assertEquals(new Bar(1, 1000, BarKind.PARTIAL, 0, T0, 10 * PRICE, 11 * PRICE, 10 * PRICE, 11 * PRICE,
            107 * PRICE, Math.round((10.0 * 100 + 50 * 7) / 107 * PRICE), 2), bars.get(0));
    }

    @Test
    void shouldTakeOpenAndCloseByEventTimeNotArrival()
    {
        trade(1, T0 + 500 * MS, 20, 1);
        trade(1, T0 + 100 * MS, 10, 1); // arrives later, happened earlier: it is the open
        trade(1, T0 + 1_400 * MS, 30, 1);
        assertEquals(10 * PRICE, bars.get(0).open());
        assertEquals(20 * PRICE, bars.get(0).close());
    }

    @Test
    void shouldCloseIdleSymbolsAsQuietWithTheCarriedCloseWhenTheTimerTicks()
    {
        trade(1, T0 + 100 * MS, 10, 5);
        timer(T0 + 2_300 * MS); // wall time; trades arrived 5 ms late, so the clock is wall - 5 ms
        assertEquals(2, bars.size(), "1 s bars for [0,1) and [1,2)");
        final Bar quiet = bars.get(1);
        assertEquals(new Bar(1, 1000, BarKind.QUIET, 0, T0 + 1_000 * MS, 10 * PRICE, 10 * PRICE, 10 * PRICE,
            10 * PRICE, 0, 0, 0), quiet);
    }

    @Test
    void shouldEmitInTheDocumentedOrderWhenSeveralBarsCloseAtOnce()
    {
        trade(2, T0 + 100 * MS, 20, 1);
        trade(1, T0 + 200 * MS, 10, 1);
        timer(T0 + 5_260 * MS); // closes 1 s windows 0..4 and the 5 s window 0
        final List<String> order = new ArrayList<>();
        for (final Bar b : bars)
        {
            order.add((b.start() - T0) / MS + "/" + b.tf() + "/" + b.symbol());
        }
        assertEquals(List.of("0/1000/1", "0/1000/2", "1000/1000/1", "1000/1000/2", "2000/1000/1", "2000/1000/2",
            "3000/1000/1", "3000/1000/2", "4000/1000/1", "4000/1000/2", "0/5000/1", "0/5000/2"), order,
            "by window end, then timeframe, then symbol id");
    }

    @Test
    void shouldReviseAClosedBarWithALateTradeWithinTheLatenessWindow()
    {
        trade(1, T0 + 100 * MS, 10, 1);
        trade(1, T0 + 1_500 * MS, 10, 1);
        trade(1, T0 + 200 * MS, 99, 1); // its 1 s bar has closed; its 5 s bar is still open
        final Bar revised = bars.get(bars.size() - 1);
        assertEquals(new Bar(1, 1000, BarKind.PARTIAL, 1, T0, 10 * PRICE, 99 * PRICE, 10 * PRICE, 99 * PRICE,
            2 * PRICE, Math.round((10.0 + 99) / 2 * PRICE), 2), revised);
        assertEquals(1, counters.barRevisions.get());
        trade(1, T0 + 300 * MS, 5, 1); // a second late trade: revision 2
        assertEquals(2, bars.get(bars.size() - 1).revision());
        assertEquals(5 * PRICE, bars.get(bars.size() - 1).low());
        trade(1, T0 + 1_100 * MS, 1, 1); // the quiet-looking [1,2) bar never closed yet: it just updates
        assertEquals(2, counters.barRevisions.get());
    }

    /**
     * A storm of late trades (a backfill) re-emits each bar at most once per revision interval of its feed's
     * clock, carrying every change, and at once when its feed's status comes (the backfill's end).
     */
    @Test
    void shouldCoalesceRevisionsToOnePerIntervalAndFlushThemOnTheFeedsStatus()
    {
        final MicrobarHandler coalescing = new MicrobarHandler(new BarSettings(List.of(1000), 250, LATENESS_MS,
            1_000, 0, List.of(37), List.of(15)), counters);
        runOn(coalescing, tradeEvent(1, T0 + 100 * MS, 10));
        runOn(coalescing, tradeEvent(1, T0 + 1_300 * MS, 10)); // closes [0, 1 s) at a clock of 1.3 s
        final int closed = bars.size();
        for (int i = 0; i < 50; i++)
        {
            runOn(coalescing, tradeEvent(1, T0 + (200 + i) * MS, 20 + i)); // 50 late trades for [0, 1 s)
        }
        assertEquals(closed, bars.size(), "within the interval: the revision waits");
        runOn(coalescing, tradeEvent(1, T0 + 2_400 * MS, 10)); // the clock 1.1 s past the bar's emission
        final List<Bar> revisions = bars.stream().filter((b) -> b.tf() == 1000 && b.start() == T0 &&
            b.revision() > 0).toList();
        assertEquals(1, revisions.size(), "one re-emission for 50 late trades");
        assertEquals(51, revisions.get(0).count(), "carrying every one of them");
        for (int i = 0; i < 5; i++)
        {
            runOn(coalescing, tradeEvent(1, T0 + (300 + i) * MS, 90)); // more, within the next interval
        }
        final MarketEvent backfillDone = event(EventType.FEED_STATUS, 0, T0 + 2_400 * MS);
        backfillDone.feedState = FeedState.RECOVERED.value();
        runOn(coalescing, backfillDone);
        final List<Bar> all = bars.stream().filter((b) -> b.tf() == 1000 && b.start() == T0 && b.revision() > 0)
            .toList();
        assertEquals(2, all.size(), "the feed's status flushed the waiting revision");
        assertEquals(56, all.get(1).count());
        assertEquals(2, counters.barRevisions.get());
    }

    /** A symbol quiet for longer than bars.dormantAfterMs gets no quiet bars until it trades again. */
    @Test
    void shouldStopQuietBarsOfADormantSymbolUntilItTradesAgain()
    {
        final MicrobarHandler dormant = new MicrobarHandler(new BarSettings(List.of(1000), 250, LATENESS_MS, 0,
            2_000, List.of(37), List.of(15)), counters);
        runOn(dormant, tradeEvent(1, T0 + 100 * MS, 10));
        for (long t = 1; t <= 10; t++)
        {
            runOn(dormant, tradeEvent(2, T0 + t * 1_000 * MS, 20)); // another symbol keeps the clock going
        }
        final List<Long> quiet = bars.stream().filter((b) -> b.symbol() == 1).map((b) -> (b.start() - T0) / (1_000 * MS))
            .toList();
        assertEquals(List.of(0L, 1L, 2L), quiet, "its own bar, then quiet ones for 2 s, then none");
        runOn(dormant, tradeEvent(1, T0 + 10_500 * MS, 11));
        runOn(dormant, tradeEvent(2, T0 + 12_000 * MS, 20));
        assertEquals(BarKind.NORMAL, bars.stream().filter((b) -> b.symbol() == 1).reduce((a, b) -> b).orElseThrow()
            .kind(), "trading again: bars again");
    }

    private MarketEvent tradeEvent(final int symbol, final long time, final long price)
    {
        final MarketEvent e = event(EventType.TRADE, symbol, time);
        e.price = price * PRICE;
        e.size = PRICE;
        return e;
    }

    @Test
    void shouldNotReviseBeyondTheLatenessWindow()
    {
        trade(1, T0 + 100 * MS, 10, 1);
        trade(1, T0 + (LATENESS_MS + 6_000) * MS, 10, 1);
        final int emitted = bars.size();
        trade(1, T0 + 200 * MS, 99, 1);
        assertEquals(emitted, bars.size(), "too late: counted, not applied");
        assertEquals(2, counters.lateTradesUnrevised.get(), "counted per bar: its 1 s and its 5 s bar");
    }

    @Test
    void shouldKeepQuoteStatisticsAndSplitVolumeByTheQuoteRule()
    {
        quote(1, T0 + 100 * MS, 10.00, 100, 10.02, 200);
        quote(1, T0 + 200 * MS, 10.01, 300, 10.02, 100); // bid up: +300; ask same: -100 + 200
        trade(1, T0 + 300 * MS, 10, 100);               // below mid 10.015: a sell
        trade(1, T0 + 400 * MS, 11, 50);                // above mid: a buy
        trade(1, T0 + 1_300 * MS, 11, 1);
        final MicrobarDecoder d = decoded.get(0);
        assertEquals(2, d.quoteCount());
        assertEquals((20_000 + 10_000) / 2, d.spreadMean(), "mean of 0.02 and 0.01");
        assertEquals((0.02 / 10.01 + 0.01 / 10.015) / 2 * 1e4, d.spreadBpsMean(), 1e-9);
        // bid up: + new bid size 300; ask unchanged: - new ask size 100 + old ask size 200
        assertEquals(300 - 100 + 200, d.orderFlowImbalance(), 1e-9);
        assertEquals(100 * PRICE, d.sellVolume());
        assertEquals(50 * PRICE, d.buyVolume());
        assertEquals(1 * PRICE, d.pathLength());
        assertEquals(Math.pow(Math.log(11.0 / 10), 2), d.realizedVariance(), 1e-12);
    }

    /**
     * Two feeds on clocks 700 ms apart (the indices feed ahead): a stock's bar closes on the stocks feed's clock,
     * so its trades half a second behind the index values are neither late nor revisions.
     */
    @Test
    void shouldCloseEachFeedsBarsOnItsOwnClock()
    {
        define(1, AssetClass.STOCK, "SPY");
        define(2, AssetClass.INDEX, "I:SPX");
        trade(1, T0 + 100 * MS, 100, 1);
        for (long t = 0; t < 3_000; t += 100)
        {
            index(2, T0 + 700 * MS + t * MS, 6_000);  // the indices feed, 700 ms ahead
            trade(1, T0 + 150 * MS + t * MS, 101, 1); // the stocks feed, in step with its own clock
        }
        assertEquals(0, counters.lateTrades.get(), "no stock trade judged by the indices feed's clock");
        assertEquals(0, counters.barRevisions.get());
        final List<Bar> spy = bars.stream().filter((b) -> b.symbol() == 1 && b.tf() == 1000).toList();
        assertEquals(List.of(T0, T0 + 1_000 * MS), spy.stream().map(Bar::start).toList(),
            "SPY's 1 s bars up to its own clock (3.05 s less the close delay), none revised");
        assertEquals(10, spy.get(0).count(), "every trade of the first second in its bar, none left for a revision");
        final List<Bar> spx = bars.stream().filter((b) -> b.symbol() == 2 && b.tf() == 1000).toList();
        assertEquals(3, spx.size(), "I:SPX's 1 s bars up to the indices feed's clock (3.6 s less the delay)");
    }

    private void define(final int symbol, final AssetClass assetClass, final String ticker)
    {
        final MarketEvent e = event(EventType.SYMBOL, symbol, T0);
        e.assetClass = assetClass.value();
        e.text(ticker);
        run(e);
    }

    private void index(final int symbol, final long time, final long value)
    {
        final MarketEvent e = event(EventType.INDEX_VALUE, symbol, time);
        e.price = value * PRICE;
        run(e);
    }

    @Test
    void shouldMarkBarsThatOverlapAFeedGapAsGapNeverQuiet()
    {
        final MarketEvent def = event(EventType.SYMBOL, 1, T0);
        def.assetClass = 0; // a stock: the stocks cluster
        run(def);
        trade(1, T0 + 100 * MS, 10, 5);
        status(FeedState.DOWN, 1, T0 + 100 * MS + 1, Long.MAX_VALUE);
        status(FeedState.RECOVERED, 3, T0 + 100 * MS + 1, T0 + 2_500 * MS);
        trade(1, T0 + 4_400 * MS, 11, 5);
        timer(T0 + 5_300 * MS);
        final List<String> kinds = new ArrayList<>();
        for (final Bar b : bars)
        {
            if (b.tf() == 1000)
            {
                kinds.add((b.start() - T0) / MS + ":" + b.kind());
            }
        }
        assertEquals(List.of("0:GAP", "1000:GAP", "2000:GAP", "3000:QUIET", "4000:NORMAL"), kinds,
            "the feed was down from just after 0.1 s to 2.5 s; 3 s is a quiet market");
        assertEquals(4, counters.gapBars.get(), "three 1 s gap bars and the 5 s bar [0,5)");
    }

    private void status(final FeedState state, final int code, final long gapStart, final long gapEnd)
    {
        final MarketEvent e = event(EventType.FEED_STATUS, 0, T0);
        e.cluster = 0;
        e.feedState = state.value();
        e.statusCode = code;
        e.gapStart = gapStart;
        e.gapEnd = gapEnd;
        run(e);
    }
}

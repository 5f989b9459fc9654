package io.tickwire.engine.bars;

import io.tickwire.codecs.sbe.BarKind;
import io.tickwire.codecs.sbe.MessageHeaderDecoder;
import io.tickwire.codecs.sbe.MicrobarDecoder;
import io.tickwire.engine.EngineCounters;
import io.tickwire.engine.event.EventType;
import io.tickwire.engine.event.MarketEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MicrobarHandlerTest
{
    private static final long T0 = 1_763_730_000_000_000_000L; // a whole minute
    private static final long MS = 1_000_000L;
    private static final long PRICE = 1_000_000L;

    record Bar(int symbol, int tf, BarKind kind, long start, long open, long high, long low, long close, long volume,
        long vwap, int count)
    {
    }

    private final EngineCounters counters = new EngineCounters();
    private final MicrobarHandler handler = new MicrobarHandler(List.of(1000, 5000), 250, counters);
    private final List<Bar> bars = new ArrayList<>();

    private void trade(final int symbol, final long time, final long price, final long size)
    {
        final MarketEvent e = new MarketEvent();
        e.reset(EventType.TRADE);
        e.symbolId = symbol;
        e.eventTime = time;
        e.receiveTime = time + 5 * MS;
        e.price = price * PRICE;
        e.size = size * PRICE;
        e.accepted = true;
        run(e);
    }

    private void timer(final long wallTime)
    {
        final MarketEvent e = new MarketEvent();
        e.reset(EventType.TIMER);
        e.eventTime = wallTime;
        e.receiveTime = wallTime;
        e.accepted = true;
        run(e);
    }

    private void run(final MarketEvent e)
    {
        handler.onEvent(e, 0, true);
        final MicrobarDecoder d = new MicrobarDecoder();
        int offset = 0;
        while (offset < e.barOutputLength)
        {
            final int length = e.barOutput.getInt(offset);
            d.wrapAndApplyHeader(e.barOutput, offset + 4, new MessageHeaderDecoder());
            bars.add(new Bar(d.symbolId(), d.timeframeMillis(), d.kind(), d.startTime(), d.open(), d.high(), d.low(),
                d.close(), d.volume(), d.vwap(), d.tradeCount()));
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
        final Bar b = bars.get(0);
        assertEquals(new Bar(1, 1000, BarKind.NORMAL, T0, 10 * PRICE, 12 * PRICE, 9 * PRICE, 11 * PRICE, 600 * PRICE,
            Math.round((10.0 * 100 + 12 * 300 + 9 * 100 + 11 * 100) / 600 * PRICE), 4), b);
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
        // the timer runs on wall time; trades arrived 5 ms after their event time, so the clock is wall - 5 ms
        timer(T0 + 2_300 * MS);
        assertEquals(2, bars.size(), "1 s bars for [0,1) and [1,2)");
        assertEquals(BarKind.NORMAL, bars.get(0).kind());
        final Bar quiet = bars.get(1);
        assertEquals(BarKind.QUIET, quiet.kind());
        assertEquals(T0 + 1_000 * MS, quiet.start());
        assertEquals(10 * PRICE, quiet.open());
        assertEquals(10 * PRICE, quiet.close());
        assertEquals(0, quiet.volume());
        assertEquals(0, quiet.count());
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
    void shouldMarkBarsThatOverlapAFeedGapAsGapNeverQuiet()
    {
        final MarketEvent def = new MarketEvent();
        def.reset(EventType.SYMBOL);
        def.symbolId = 1;
        def.assetClass = 0; // a stock: the stocks cluster
        def.accepted = true;
        run(def);
        trade(1, T0 + 100 * MS, 10, 5);
        status(io.tickwire.codecs.sbe.FeedState.DOWN, 1, T0 + 100 * MS + 1, Long.MAX_VALUE);
        status(io.tickwire.codecs.sbe.FeedState.RECOVERED, 3, T0 + 100 * MS + 1, T0 + 2_500 * MS);
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
        assertEquals(3, counters.gapBars.get() - 1, "three 1 s gap bars plus the 5 s bar [0,5)");
    }

    private void status(final io.tickwire.codecs.sbe.FeedState state, final int code, final long gapStart,
        final long gapEnd)
    {
        final MarketEvent e = new MarketEvent();
        e.reset(EventType.FEED_STATUS);
        e.cluster = 0;
        e.feedState = state.value();
        e.statusCode = code;
        e.gapStart = gapStart;
        e.gapEnd = gapEnd;
        e.accepted = true;
        run(e);
    }

    @Test
    void shouldCountATradeForAClosedBarAsLate()
    {
        trade(1, T0 + 100 * MS, 10, 1);
        trade(1, T0 + 1_500 * MS, 10, 1);
        trade(1, T0 + 200 * MS, 99, 1); // its 1 s bar has closed; its 5 s bar is still open
        assertEquals(1, counters.lateTrades.get());
        assertEquals(10 * PRICE, bars.get(0).high(), "a closed bar is not changed");
    }
}

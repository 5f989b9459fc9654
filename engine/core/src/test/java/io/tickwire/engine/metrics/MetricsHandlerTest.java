package io.tickwire.engine.metrics;

import io.tickwire.codecs.sbe.BarKind;
import io.tickwire.codecs.sbe.BarMetricsDecoder;
import io.tickwire.codecs.sbe.MarketRegimeDecoder;
import io.tickwire.codecs.sbe.MessageHeaderDecoder;
import io.tickwire.codecs.sbe.MessageHeaderEncoder;
import io.tickwire.codecs.sbe.MicrobarEncoder;
import io.tickwire.codecs.sbe.PairMetricsDecoder;
import io.tickwire.codecs.sbe.Trend;
import io.tickwire.codecs.sbe.UsSession;
import io.tickwire.model.EngineCounters;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every metric against a computation by hand (the formulas of docs/analytics.md). */
class MetricsHandlerTest
{
    private static final long S = 1_000_000_000L;
    private static final long T0 = 1_795_186_800L * S;
    private static final long P = 1_000_000L;

    private final MetricsHandler handler = new MetricsHandler(MetricsSettings.defaults()
        .timeframes(List.of(1000, 60_000))
        .atrBars(3)
        .pairs(List.<String[]>of(new String[]{"SPY", "I:SPX"}), 3)
        .vpin(100, 2)
        .regime(List.of("SPY", "QQQ", "GLD"), List.of("GLD"), 60_000, 20), new EngineCounters());

    private final List<UnsafeBuffer> records = new ArrayList<>();

    MetricsHandlerTest()
    {
        define(1, "SPY");
        define(2, "I:SPX");
        define(3, "QQQ");
        define(4, "GLD");
    }

    private void define(final int id, final String ticker)
    {
        final MarketEvent e = new MarketEvent();
        e.reset(EventType.SYMBOL);
        e.symbolId = id;
        e.text(ticker);
        handler.onEvent(e, 0, true);
    }

    /** One event whose bar stage closed the given bars. */
    private void close(final Bar... bars)
    {
        final MarketEvent e = new MarketEvent();
        e.reset(EventType.TIMER);
        final MicrobarEncoder enc = new MicrobarEncoder();
        for (final Bar b : bars)
        {
            final int at = e.barOutputLength;
            e.barOutput.checkLimit(at + 200);
            enc.wrapAndApplyHeader(e.barOutput, at + 4, new MessageHeaderEncoder())
                .eventTime(b.start + b.tf * 1_000_000L).receiveTime(0).symbolId(b.symbol).timeframeMillis(b.tf)
                .kind(b.kind).revision(b.revision).startTime(b.start).endTime(b.start + b.tf * 1_000_000L)
                .open(b.o).high(b.h).low(b.l).close(b.c).volume(b.volume).vwap(0).tradeCount(1).firstTradeTime(0)
                .lastTradeTime(0).session(UsSession.REGULAR).tradingDay(20261120).quoteCount(b.quotes)
                .spreadMean(b.spread).spreadBpsMean(b.spreadBps).orderFlowImbalance(b.ofi).buyVolume(b.buy)
                .sellVolume(b.sell).pathLength(b.path).realizedVariance(b.rv);
            final int length = MessageHeaderEncoder.ENCODED_LENGTH + enc.encodedLength();
            e.barOutput.putInt(at, length);
            e.barOutputLength = at + 4 + length;
        }
        handler.onEvent(e, 0, true);
        int offset = 0;
        while (offset < e.metricsOutputLength)
        {
            final int length = e.metricsOutput.getInt(offset);
            final byte[] copy = new byte[length];
            e.metricsOutput.getBytes(offset + 4, copy);
            records.add(new UnsafeBuffer(copy));
            offset += 4 + length;
        }
    }

    static final class Bar
    {
        int symbol;
        int tf = 1000;
        long start;
        long o;
        long h;
        long l;
        long c;
        long volume;
        long buy;
        long sell;
        long path;
        double rv;
        int quotes;
        long spread;
        double spreadBps;
        double ofi;
        int revision;
        BarKind kind = BarKind.NORMAL;

        static Bar of(final int symbol, final long start, final double o, final double h, final double l, final double c)
        {
            final Bar b = new Bar();
            b.symbol = symbol;
            b.start = start;
            b.o = Math.round(o * P);
            b.h = Math.round(h * P);
            b.l = Math.round(l * P);
            b.c = Math.round(c * P);
            return b;
        }
    }

    private BarMetricsDecoder metrics(final int index)
    {
        final UnsafeBuffer b = records.get(index);
        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(b, 0);
        assertEquals(BarMetricsDecoder.TEMPLATE_ID, header.templateId());
        return new BarMetricsDecoder().wrapAndApplyHeader(b, 0, header);
    }

    private List<UnsafeBuffer> ofTemplate(final int templateId)
    {
        final List<UnsafeBuffer> out = new ArrayList<>();
        for (final UnsafeBuffer b : records)
        {
            if (new MessageHeaderDecoder().wrap(b, 0).templateId() == templateId)
            {
                out.add(b);
            }
        }
        return out;
    }

    @Test
    void shouldScaleTheMoveByTheAverageTrueRange()
    {
        close(Bar.of(1, T0, 10, 11, 9, 10));          // TR 2
        close(Bar.of(1, T0 + S, 10, 10.5, 9.5, 10));  // TR max(10.5,10)-min(9.5,10) = 1
        close(Bar.of(1, T0 + 2 * S, 10, 13, 10, 13)); // TR 13-10 = 3; ATR(3) = (2+1+3)/3 = 2; thrust = (13-10)/2
        final BarMetricsDecoder third = metrics(2);
        assertEquals(2.0, third.atr(), 1e-12);
        assertEquals(1.5, third.thrust(), 1e-12);
        assertTrue(Double.isNaN(metrics(0).thrust()), "no previous close: no thrust");
        assertTrue(Double.isNaN(metrics(0).atr()) && Double.isNaN(metrics(1).atr()), "not warm: fewer than 3 bars");
        close(Bar.of(1, T0 + 3 * S, 13, 13, 12, 12)); // TR 1; ATR over the last 3 = (1+3+1)/3
        assertEquals(5.0 / 3, metrics(3).atr(), 1e-12);
        assertEquals(-1 / (5.0 / 3), metrics(3).thrust(), 1e-12);
    }

    /** A window seen only in part (the feed's first data came inside it) sets the previous close, no range. */
    @Test
    void shouldLeaveThePartialFirstBarOutOfTheAtr()
    {
        final Bar partial = Bar.of(1, T0, 10, 10.01, 10, 10); // 2 s of a minute: a tiny range
        partial.kind = BarKind.PARTIAL;
        close(partial);
        close(Bar.of(1, T0 + S, 10, 11, 9, 10));
        close(Bar.of(1, T0 + 2 * S, 10, 11, 9, 10));
        assertTrue(Double.isNaN(metrics(2).atr()), "two full bars of three: not warm yet");
        close(Bar.of(1, T0 + 3 * S, 10, 11, 9, 10));
        assertEquals(2.0, metrics(3).atr(), 1e-12, "three full bars, the partial one left out");
    }

    @Test
    void shouldMeasureChopAsPathEfficiencyAndVolatilityFromTheRealizedVariance()
    {
        final Bar b = Bar.of(1, T0, 10, 12, 9, 11);
        b.path = 5 * P; // 10 -> 12 -> 9 -> 11: 2 + 3 + 2 = 7? the bar stage measures; here: 5
        b.rv = 0.0004;
        b.quotes = 4;
        b.spread = 20_000;
        b.spreadBps = 19.5;
        b.ofi = -250;
        close(b);
        final BarMetricsDecoder m = metrics(0);
        assertEquals(1.0 / 5, m.pathEfficiency(), 1e-12, "|11 - 10| / 5");
        assertEquals(0.02, m.realizedVolatility(), 1e-12);
        assertEquals(0.02, m.spread(), 1e-12);
        assertEquals(19.5, m.spreadBps(), 1e-12);
        assertEquals(4.0, m.quoteRate(), 1e-12, "4 quotes in 1 s");
        assertEquals(-250, m.orderFlowImbalance(), 1e-12);
    }

    @Test
    void shouldComputeVpinOverFullVolumeBuckets()
    {
        // buckets of 100 shares, VPIN over the last 2
        final Bar first = Bar.of(1, T0, 10, 10, 10, 10);
        first.volume = 150 * P;
        first.buy = 120 * P;
        first.sell = 30 * P;   // 80% buys: bucket 1 = 80 buy / 20 sell, half of bucket 2 = 40 / 10
        close(first);
        assertTrue(Double.isNaN(metrics(0).vpin()), "one full bucket of two");
        final Bar second = Bar.of(1, T0 + S, 10, 10, 10, 10);
        second.volume = 50 * P;
        second.sell = 50 * P;  // bucket 2 = 40 / (10 + 50)
        close(second);
        // |80 - 20| + |40 - 60| over 2 x 100
        assertEquals((60 + 20) / 200.0, metrics(1).vpin(), 1e-12);
    }

    @Test
    void shouldMeasureEtfIndexDivergenceCorrelationAndBeta()
    {
        final double[] spy = {600, 606, 603, 609.03};
        final double[] spx = {6000, 6030, 6060.15, 6090.45};
        for (int i = 0; i < spy.length; i++)
        {
            close(Bar.of(1, T0 + i * S, spy[i], spy[i], spy[i], spy[i]), Bar.of(2, T0 + i * S, spx[i], spx[i], spx[i], spx[i]));
        }
        final List<UnsafeBuffer> pairs = ofTemplate(PairMetricsDecoder.TEMPLATE_ID);
        assertEquals(4, pairs.size());
        final PairMetricsDecoder last = new PairMetricsDecoder().wrapAndApplyHeader(pairs.get(3), 0,
            new MessageHeaderDecoder().wrap(pairs.get(3), 0));
        final double[] re = new double[3];
        final double[] ri = new double[3];
        for (int i = 1; i < 4; i++)
        {
            re[i - 1] = Math.log(spy[i] / spy[i - 1]);
            ri[i - 1] = Math.log(spx[i] / spx[i - 1]);
        }
        final double me = (re[0] + re[1] + re[2]) / 3;
        final double mi = (ri[0] + ri[1] + ri[2]) / 3;
        double cov = 0;
        double ve = 0;
        double vi = 0;
        for (int i = 0; i < 3; i++)
        {
            cov += (re[i] - me) * (ri[i] - mi);
            ve += (re[i] - me) * (re[i] - me);
            vi += (ri[i] - mi) * (ri[i] - mi);
        }
        assertEquals(re[2], last.etfReturn(), 1e-12);
        assertEquals(ri[2], last.indexReturn(), 1e-12);
        assertEquals(cov / Math.sqrt(ve * vi), last.correlation(), 1e-9);
        assertEquals(cov / vi, last.beta(), 1e-9);
        assertEquals(re[2] / Math.sqrt(ve / 2) - ri[2] / Math.sqrt(vi / 2), last.divergence(), 1e-9);
    }

    @Test
    void shouldCallTheRegimeFromTheBasketAndScoreRiskAppetite()
    {
        double spy = 600;
        double qqq = 500;
        double gld = 200;
        for (int i = 0; i < 7; i++)
        {
            final long start = T0 + i * 60 * S;
            final Bar a = Bar.of(1, start, spy, spy, spy, spy);
            final Bar b = Bar.of(3, start, qqq, qqq, qqq, qqq);
            final Bar c = Bar.of(4, start, gld, gld, gld, gld);
            a.tf = 60_000;
            b.tf = 60_000;
            c.tf = 60_000;
            close(a, b, c);
            spy *= 1.001 + i * 0.0001; // equities grind up, gold slips
            qqq *= 1.002;
            gld *= 0.999;
        }
        final List<UnsafeBuffer> regimes = ofTemplate(MarketRegimeDecoder.TEMPLATE_ID);
        assertEquals(7, regimes.size(), "one per regime window");
        final MarketRegimeDecoder last = new MarketRegimeDecoder().wrapAndApplyHeader(regimes.get(6), 0,
            new MessageHeaderDecoder().wrap(regimes.get(6), 0));
        assertEquals(Trend.BULL, last.trend());
        assertEquals(3, last.basketSize());
        assertTrue(last.riskScore() > 0, "equities up, gold down: risk-on, got " + last.riskScore());
        final MarketRegimeDecoder first = new MarketRegimeDecoder().wrapAndApplyHeader(regimes.get(0), 0,
            new MessageHeaderDecoder().wrap(regimes.get(0), 0));
        assertEquals(Trend.RANGE, first.trend(), "no returns yet");
    }

    @Test
    void shouldNotReviseMetricsWhenABarIsRevised()
    {
        final Bar b = Bar.of(1, T0, 10, 10, 10, 10);
        b.revision = 1;
        close(b);
        assertEquals(0, records.size());
    }
}

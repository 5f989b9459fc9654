package io.tickwire.engine.metrics;

import com.lmax.disruptor.EventHandler;
import io.tickwire.codecs.sbe.BarKind;
import io.tickwire.codecs.sbe.BarMetricsEncoder;
import io.tickwire.codecs.sbe.BaselineMetric;
import io.tickwire.codecs.sbe.MarketRegimeEncoder;
import io.tickwire.codecs.sbe.MessageHeaderEncoder;
import io.tickwire.codecs.sbe.MicrobarDecoder;
import io.tickwire.codecs.sbe.PairMetricsEncoder;
import io.tickwire.codecs.sbe.Trend;
import io.tickwire.engine.bars.BarRecords;
import io.tickwire.model.EngineCounters;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import io.tickwire.model.FixedPoint;
import org.agrona.ExpandableArrayBuffer;

import java.util.Arrays;

/**
 * Microstructure metrics, computed at each bar close from the bars the microbar stage wrote into the slot
 * (docs/analytics.md has every formula): per symbol and timeframe thrust, ATR, path efficiency (micro-chop),
 * realized volatility, spread, quote rate, order-flow imbalance and VPIN; per ETF/index pair the return
 * divergence with rolling correlation and beta; per regime window the basket's trend and risk score.
 * Revised bars do not revise metrics. Pure function of the bar stream: no clock, no hash iteration.
 */
public final class MetricsHandler implements EventHandler<MarketEvent>
{
    private static final int RISK = 1;
    private static final int HAVEN = 2;
    private static final long NONE = Long.MIN_VALUE;

    private final MetricsSettings settings;
    private final VpinBuckets vpin;
    private final EngineCounters counters;
    private final int[] timeframes;
    private final int smallestTimeframe;
    private final BarRecords bars = new BarRecords();
    private final MicrobarDecoder bar = bars.bar();
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final BarMetricsEncoder metricsEncoder = new BarMetricsEncoder();
    private final PairMetricsEncoder pairEncoder = new PairMetricsEncoder();
    private final MarketRegimeEncoder regimeEncoder = new MarketRegimeEncoder();
    private final MetricBaselines baselines;

    // per timeframe, per symbol
    private long[][] previousClose;
    private RollingWindow[][] trueRanges;
    // symbol roles, learned from symbol definitions
    private int[] pairAsEtf = new int[256];
    private int[] pairAsIndex = new int[256];
    private int[] basketRole = new int[256];
    // per pair, per timeframe
    private final long[][] etfWindow;
    private final double[][] etfReturn;
    private final long[][] indexWindow;
    private final double[][] indexReturn;
    private final RollingWindow[][] pairWindows;
    private final int[][] pairSymbols;
    // regime: per event, the basket returns of the regime timeframe's window that closed
    private final RollingWindow basketReturns;
    private final RollingWindow riskOnReturns;
    private long regimeWindowSeen = NONE;
    private long regimeStart;
    private double riskSum;
    private int riskCount;
    private double havenSum;
    private int havenCount;

    public MetricsHandler(final MetricsSettings settings, final EngineCounters counters)
    {
        this.settings = settings;
        this.counters = counters;
        timeframes = settings.timeframesMillis.stream().mapToInt(Integer::intValue).toArray();
        smallestTimeframe = Arrays.stream(timeframes).min().orElse(1000);
        previousClose = new long[timeframes.length][256];
        trueRanges = new RollingWindow[timeframes.length][256];
        final int pairs = settings.pairs.size();
        etfWindow = new long[pairs][timeframes.length];
        indexWindow = new long[pairs][timeframes.length];
        etfReturn = new double[pairs][timeframes.length];
        indexReturn = new double[pairs][timeframes.length];
        pairWindows = new RollingWindow[pairs][timeframes.length];
        pairSymbols = new int[pairs][2];
        for (int p = 0; p < pairs; p++)
        {
            Arrays.fill(etfWindow[p], NONE);
            Arrays.fill(indexWindow[p], NONE);
            for (int t = 0; t < timeframes.length; t++)
            {
                pairWindows[p][t] = new RollingWindow(settings.pairWindowBars);
            }
        }
        basketReturns = new RollingWindow(settings.regimeWindowBars);
        riskOnReturns = new RollingWindow(settings.regimeWindowBars);
        vpin = new VpinBuckets(settings.vpinBucketVolume, settings.vpinBuckets);
        baselines = new MetricBaselines(timeframes);
    }

    @Override
    public void onEvent(final MarketEvent event, final long sequence, final boolean endOfBatch)
    {
        event.metricsOutputLength = 0;
        if (event.type == EventType.SYMBOL)
        {
            learn(event.symbolId, event.textAsAscii());
        }
        else if (event.type == EventType.BASELINE)
        {
            baselines.accept(event);
        }
        for (bars.of(event); bars.next(); )
        {
            if (bar.revision() == 0)
            {
                onBar(event);
            }
        }
        if (regimeWindowSeen != NONE)
        {
            emitRegime(event);
        }
    }

    private void onBar(final MarketEvent e)
    {
        final int s = bar.symbolId();
        final int tf = timeframeIndex(bar.timeframeMillis());
        if (tf < 0)
        {
            return;
        }
        ensureSymbol(s);
        final long open = bar.open();
        final long high = bar.high();
        final long low = bar.low();
        final long close = bar.close();
        final boolean priced = close > 0;
        final long prev = previousClose[tf][s];
        double atr = Double.NaN;
        double thrust = Double.NaN;
        if (priced && bar.kind() == BarKind.PARTIAL)
        {
            previousClose[tf][s] = close; // a window seen only in part: its range would understate the ATR
        }
        else if (priced)
        {
            final double range = prev > 0 ?
                FixedPoint.toDouble(Math.max(high, prev) - Math.min(low, prev)) : FixedPoint.toDouble(high - low);
            RollingWindow ranges = trueRanges[tf][s];
            if (ranges == null)
            {
                ranges = new RollingWindow(settings.atrBars);
                trueRanges[tf][s] = ranges;
            }
            ranges.add(range);
            atr = ranges.full() ? ranges.meanX() : Double.NaN; // warm: atrBars full bars, or no ATR at all
            if (prev > 0 && atr > 0)
            {
                thrust = FixedPoint.toDouble(close - prev) / atr;
            }
        }
        final long path = bar.pathLength();
        final double efficiency = path > 0 ? Math.min(1.0, Math.abs(close - open) / (double)path) : Double.NaN;
        final double returnValue = prev > 0 && priced ? Math.log((double)close / prev) : Double.NaN;
        if (priced)
        {
            previousClose[tf][s] = close;
        }
        final double vpin = timeframes[tf] == smallestTimeframe ?
            this.vpin.pour(s, bar.buyVolume(), bar.sellVolume(), bar.volume()) : this.vpin.current(s);
        final int quotes = bar.quoteCount();
        final double seconds = timeframes[tf] / 1000.0;

        final double volatility = Math.sqrt(bar.realizedVariance());
        final double spreadBps = quotes == 0 ? Double.NaN : bar.spreadBpsMean();
        final double quoteRate = quotes / seconds;
        final int bucket = baselines.bucket(bar.startTime());
        final ExpandableArrayBuffer out = e.metricsOutput;
        final int at = reserve(e, BarMetricsEncoder.BLOCK_LENGTH);
        metricsEncoder.wrapAndApplyHeader(out, at + 4, headerEncoder)
            .eventTime(bar.eventTime())
            .receiveTime(bar.receiveTime())
            .symbolId(s)
            .timeframeMillis(timeframes[tf])
            .startTime(bar.startTime())
            .endTime(bar.endTime())
            .thrust(thrust)
            .atr(atr)
            .pathEfficiency(efficiency)
            .realizedVolatility(volatility)
            .spread(quotes == 0 ? Double.NaN : FixedPoint.toDouble(bar.spreadMean()))
            .spreadBps(spreadBps)
            .quoteRate(quoteRate)
            .orderFlowImbalance(bar.orderFlowImbalance())
            .vpin(vpin)
            .spreadBpsPctl(baselines.rank(s, BaselineMetric.SPREAD_BPS, tf, bucket, spreadBps))
            .quoteRatePctl(baselines.rank(s, BaselineMetric.QUOTE_RATE, tf, bucket, quoteRate))
            .thrustPctl(baselines.rank(s, BaselineMetric.THRUST, tf, bucket, thrust))
            .realizedVolatilityPctl(baselines.rank(s, BaselineMetric.REALIZED_VOLATILITY, tf, bucket, volatility));
        commit(e, at, metricsEncoder.encodedLength());

        if (pairAsEtf[s] > 0 || pairAsIndex[s] > 0)
        {
            onPairBar(e, s, tf, returnValue);
        }
        if (basketRole[s] != 0 && timeframes[tf] == settings.regimeTimeframeMillis)
        {
            onBasketBar(returnValue, basketRole[s]);
        }
    }

    private void onPairBar(final MarketEvent e, final int s, final int tf, final double r)
    {
        final boolean etf = pairAsEtf[s] > 0;
        final int p = (etf ? pairAsEtf[s] : pairAsIndex[s]) - 1;
        final long w = bar.startTime();
        if (etf)
        {
            etfWindow[p][tf] = w;
            etfReturn[p][tf] = r;
        }
        else
        {
            indexWindow[p][tf] = w;
            indexReturn[p][tf] = r;
        }
        if (etfWindow[p][tf] != w || indexWindow[p][tf] != w)
        {
            return; // the other side of the pair closes this window later in the same event, or has no bar
        }
        final double re = etfReturn[p][tf];
        final double ri = indexReturn[p][tf];
        final RollingWindow window = pairWindows[p][tf];
        double divergence = Double.NaN;
        if (!Double.isNaN(re) && !Double.isNaN(ri))
        {
            window.add(re, ri);
            divergence = re / window.stdX() - ri / window.stdY();
            divergence = Double.isFinite(divergence) ? divergence : Double.NaN;
        }
        final int at = reserve(e, PairMetricsEncoder.BLOCK_LENGTH);
        pairEncoder.wrapAndApplyHeader(e.metricsOutput, at + 4, headerEncoder)
            .eventTime(bar.eventTime())
            .receiveTime(bar.receiveTime())
            .etfSymbolId(pairSymbols[p][0])
            .indexSymbolId(pairSymbols[p][1])
            .timeframeMillis(timeframes[tf])
            .startTime(w)
            .endTime(bar.endTime())
            .etfReturn(re)
            .indexReturn(ri)
            .divergence(divergence)
            .correlation(window.correlation())
            .beta(window.beta())
            .divergencePctl(baselines.rank(pairSymbols[p][0], BaselineMetric.DIVERGENCE, tf, baselines.bucket(w),
                divergence));
        commit(e, at, pairEncoder.encodedLength());
        etfWindow[p][tf] = NONE;
        indexWindow[p][tf] = NONE;
    }

    private void onBasketBar(final double r, final int role)
    {
        if (regimeWindowSeen != bar.startTime())
        {
            regimeWindowSeen = bar.startTime();
            regimeStart = bar.startTime();
            riskSum = 0;
            riskCount = 0;
            havenSum = 0;
            havenCount = 0;
        }
        if (Double.isNaN(r))
        {
            return;
        }
        if (role == RISK)
        {
            riskSum += r;
            riskCount++;
        }
        else
        {
            havenSum += r;
            havenCount++;
        }
    }

    /**
     * Trend: t-statistic of the basket's mean return over the window (at least 5 bars), above 1 bull, below
     * -1 bear, else range. Risk score: tanh of the latest risk-on return (risk assets minus safe havens) over
     * its rolling standard deviation.
     */
    private void emitRegime(final MarketEvent e)
    {
        final int members = riskCount + havenCount;
        final double basket = members == 0 ? Double.NaN : (riskSum + havenSum) / members;
        final double riskOn = riskCount == 0 ? Double.NaN :
            riskSum / riskCount - (havenCount == 0 ? 0 : havenSum / havenCount);
        if (!Double.isNaN(basket))
        {
            basketReturns.add(basket);
        }
        if (!Double.isNaN(riskOn))
        {
            riskOnReturns.add(riskOn);
        }
        Trend trend = Trend.RANGE;
        if (basketReturns.size() >= 5)
        {
            final double sd = basketReturns.stdX();
            final double t = sd > 0 ? basketReturns.meanX() / (sd / Math.sqrt(basketReturns.size())) : 0;
            trend = t > 1 ? Trend.BULL : t < -1 ? Trend.BEAR : Trend.RANGE;
        }
        final double riskSd = riskOnReturns.stdX();
        final double score = Double.isNaN(riskOn) ? Double.NaN : riskSd > 0 ? Math.tanh(riskOn / riskSd) : 0;
        final int at = reserve(e, MarketRegimeEncoder.BLOCK_LENGTH);
        regimeEncoder.wrapAndApplyHeader(e.metricsOutput, at + 4, headerEncoder)
            .eventTime(bar.eventTime())
            .receiveTime(e.receiveTime)
            .timeframeMillis(settings.regimeTimeframeMillis)
            .startTime(regimeStart)
            .endTime(regimeStart + settings.regimeTimeframeMillis * 1_000_000L)
            .trend(trend)
            .riskScore(score)
            .basketReturn(basket)
            .basketSize(members);
        commit(e, at, regimeEncoder.encodedLength());
        regimeWindowSeen = NONE;
    }

    private int reserve(final MarketEvent e, final int blockLength)
    {
        final int at = e.metricsOutputLength;
        e.metricsOutput.checkLimit(at + 4 + MessageHeaderEncoder.ENCODED_LENGTH + blockLength);
        return at;
    }

    private void commit(final MarketEvent e, final int at, final int bodyLength)
    {
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + bodyLength;
        e.metricsOutput.putInt(at, length);
        e.metricsOutputLength = at + 4 + length;
        counters.metricsEmitted.incrementRelease();
    }

    private void learn(final int s, final CharSequence ticker)
    {
        ensureSymbol(s);
        for (int p = 0; p < settings.pairs.size(); p++)
        {
            if (settings.pairs.get(p)[0].contentEquals(ticker))
            {
                pairAsEtf[s] = p + 1;
                pairSymbols[p][0] = s;
            }
            if (settings.pairs.get(p)[1].contentEquals(ticker))
            {
                pairAsIndex[s] = p + 1;
                pairSymbols[p][1] = s;
            }
        }
        for (final String member : settings.regimeBasket)
        {
            if (member.contentEquals(ticker))
            {
                basketRole[s] = settings.regimeSafeHavens.contains(member) ? HAVEN : RISK;
            }
        }
    }

    private int timeframeIndex(final int millis)
    {
        for (int i = 0; i < timeframes.length; i++)
        {
            if (timeframes[i] == millis)
            {
                return i;
            }
        }
        return -1;
    }

    private void ensureSymbol(final int s)
    {
        if (s >= pairAsEtf.length)
        {
            final int n = Integer.highestOneBit(s) << 1;
            for (int t = 0; t < timeframes.length; t++)
            {
                previousClose[t] = Arrays.copyOf(previousClose[t], n);
                trueRanges[t] = Arrays.copyOf(trueRanges[t], n);
            }
            pairAsEtf = Arrays.copyOf(pairAsEtf, n);
            pairAsIndex = Arrays.copyOf(pairAsIndex, n);
            basketRole = Arrays.copyOf(basketRole, n);
        }
    }
}

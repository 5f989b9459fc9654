package io.tickwire.engine.metrics;

import io.tickwire.config.Keys;
import io.tickwire.config.TickwireConfig;

import java.util.List;

/** The metrics stage's parameters (docs/analytics.md). */
public final class MetricsSettings
{
    int atrBars;
    List<String[]> pairs;
    int pairWindowBars;
    long vpinBucketVolume;
    int vpinBuckets;
    List<String> regimeBasket;
    List<String> regimeSafeHavens;
    int regimeTimeframeMillis;
    int regimeWindowBars;
    List<Integer> timeframesMillis;

    private MetricsSettings()
    {
    }

    /** The shipped defaults (config/tickwire.properties): the one source of every default. */
    public static MetricsSettings defaults()
    {
        return from(TickwireConfig.defaults());
    }

    public static MetricsSettings from(final TickwireConfig config)
    {
        final MetricsSettings s = new MetricsSettings();
        s.atrBars = config.get(Keys.METRICS_ATR_BARS);
        s.pairs = config.get(Keys.METRICS_PAIRS);
        s.pairWindowBars = config.get(Keys.METRICS_PAIR_WINDOW_BARS);
        s.vpinBucketVolume = config.get(Keys.METRICS_VPIN_BUCKET_VOLUME) * 1_000_000L;
        s.vpinBuckets = config.get(Keys.METRICS_VPIN_BUCKETS);
        s.regimeBasket = config.get(Keys.METRICS_REGIME_BASKET);
        s.regimeSafeHavens = config.get(Keys.METRICS_REGIME_SAFE_HAVENS);
        s.regimeTimeframeMillis = config.get(Keys.METRICS_REGIME_TIMEFRAME).get(0);
        s.regimeWindowBars = config.get(Keys.METRICS_REGIME_WINDOW_BARS);
        s.timeframesMillis = config.get(Keys.BARS_TIMEFRAMES);
        return s;
    }

    public MetricsSettings atrBars(final int value)
    {
        atrBars = value;
        return this;
    }

    public MetricsSettings pairs(final List<String[]> value, final int windowBars)
    {
        pairs = value;
        pairWindowBars = windowBars;
        return this;
    }

    public MetricsSettings vpin(final long bucketShares, final int buckets)
    {
        vpinBucketVolume = bucketShares * 1_000_000L;
        vpinBuckets = buckets;
        return this;
    }

    public MetricsSettings regime(final List<String> basket, final List<String> safeHavens, final int timeframeMillis,
        final int windowBars)
    {
        regimeBasket = basket;
        regimeSafeHavens = safeHavens;
        regimeTimeframeMillis = timeframeMillis;
        regimeWindowBars = windowBars;
        return this;
    }

    public MetricsSettings timeframes(final List<Integer> value)
    {
        timeframesMillis = value;
        return this;
    }
}

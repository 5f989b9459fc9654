package io.tickwire.engine.metrics;

import io.tickwire.codecs.sbe.BaselineMetric;
import io.tickwire.engine.time.UsEquityCalendar;
import io.tickwire.model.event.MarketEvent;

import java.util.Arrays;

/**
 * The percentile tables the journal carried (MetricBaseline records, journaled by a start from the baselines
 * file), per symbol, metric, timeframe and time-of-day bucket, and a live value's rank in its table. Tables arrive
 * through the ring like every input, so replay ranks exactly as live did; a newer record of the same key replaces
 * the older. A value without a table ranks NaN.
 */
final class MetricBaselines
{
    private static final int METRICS = BaselineMetric.values().length - 1; // NULL_VAL is not a metric
    private final int[] timeframes;
    private final UsEquityCalendar calendar = new UsEquityCalendar();
    /** Per symbol, its tables: [metric][timeframe][bucket][point], NaN where none came; null: none for it. */
    private double[][] tables = new double[256][];

    MetricBaselines(final int[] timeframes)
    {
        this.timeframes = timeframes;
    }

    /** Takes a MetricBaseline event; one of a timeframe the stage does not compute is kept out. */
    void accept(final MarketEvent e)
    {
        final int tf = indexOf(e.timeframeMillis);
        if (tf < 0 || e.baselineMetric < 0 || e.baselineMetric >= METRICS || e.bucket < 0 ||
            e.bucket >= BaselineGrid.BUCKETS || e.pointCount != BaselineGrid.POINTS || e.symbolId < 0)
        {
            return;
        }
        if (e.symbolId >= tables.length)
        {
            tables = Arrays.copyOf(tables, Math.max(e.symbolId + 1, tables.length * 2));
        }
        double[] symbol = tables[e.symbolId];
        if (symbol == null)
        {
            symbol = new double[METRICS * timeframes.length * BaselineGrid.BUCKETS * BaselineGrid.POINTS];
            Arrays.fill(symbol, Double.NaN);
            tables[e.symbolId] = symbol;
        }
        System.arraycopy(e.points, 0, symbol, offset(e.baselineMetric, tf, e.bucket), BaselineGrid.POINTS);
    }

    /** The time-of-day bucket of a bar starting at {@code barStart}. */
    int bucket(final long barStart)
    {
        return BaselineGrid.bucket(calendar.secondOfDay(barStart));
    }

    /** @return the rank (0..100) of a value of {@code metric} in the table of its bar's {@link #bucket}, or NaN */
    double rank(final int symbolId, final BaselineMetric metric, final int tf, final int bucket, final double value)
    {
        final double[] symbol = symbolId < tables.length ? tables[symbolId] : null;
        if (symbol == null || Double.isNaN(value))
        {
            return Double.NaN;
        }
        final int at = offset(metric.value(), tf, bucket);
        return Double.isNaN(symbol[at]) ? Double.NaN : BaselineGrid.rank(symbol, at, value);
    }

    private int offset(final int metric, final int tf, final int bucket)
    {
        return ((metric * timeframes.length + tf) * BaselineGrid.BUCKETS + bucket) * BaselineGrid.POINTS;
    }

    private int indexOf(final int timeframeMillis)
    {
        for (int i = 0; i < timeframes.length; i++)
        {
            if (timeframes[i] == timeframeMillis)
            {
                return i;
            }
        }
        return -1;
    }
}

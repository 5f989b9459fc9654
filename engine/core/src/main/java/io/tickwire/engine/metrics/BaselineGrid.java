package io.tickwire.engine.metrics;

import io.tickwire.model.event.MarketEvent;

/**
 * How a percentile baseline is cut and read — one source for the builder ({@code tickwire baselines build}) and
 * the metrics stage that ranks live values in what it built (docs/analytics.md, "Baselines").
 * <ul>
 * <li>Time of day: {@link #BUCKETS} buckets of a bar's start, US/Eastern: 0 before 09:30 (pre-market), 1–13 the
 * half hours of the regular session, 14 from 16:00 (after hours).</li>
 * <li>A table holds a metric's values at the quantiles of {@link #GRID}: every 5% in the body, finer in the tails
 * where a desk reads "95th percentile".</li>
 * <li>A value's rank interpolates linearly between the two grid points around it, 0 at or below the lowest value
 * seen, 100 at or above the highest.</li>
 * </ul>
 */
public final class BaselineGrid
{
    /** The quantiles a table's points stand at, ascending; as many as the schema's BaselinePoints. */
    private static final double[] GRID = {
        0.0, 0.01, 0.02, 0.05, 0.10, 0.15, 0.20, 0.25, 0.30, 0.35, 0.40, 0.45, 0.50,
        0.55, 0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90, 0.95, 0.98, 0.99, 1.0};
    public static final int POINTS = GRID.length;
    public static final int BUCKETS = 15;
    private static final int REGULAR_OPEN = 9 * 3600 + 1800;
    private static final int REGULAR_CLOSE = 16 * 3600;
    private static final int HALF_HOUR = 1800;

    static
    {
        if (POINTS != MarketEvent.BASELINE_POINTS)
        {
            throw new ExceptionInInitializerError("the grid has " + POINTS + " points, the schema " +
                MarketEvent.BASELINE_POINTS);
        }
    }

    private BaselineGrid()
    {
    }

    /** The quantile (0..1) of point {@code i}. */
    public static double quantile(final int i)
    {
        return GRID[i];
    }

    /** @param secondOfDay seconds since midnight, US/Eastern @return the time-of-day bucket */
    public static int bucket(final int secondOfDay)
    {
        if (secondOfDay < REGULAR_OPEN)
        {
            return 0;
        }
        return secondOfDay >= REGULAR_CLOSE ? BUCKETS - 1 : 1 + (secondOfDay - REGULAR_OPEN) / HALF_HOUR;
    }

    /**
     * @param points a table's values at the grid, ascending, from {@code offset}
     * @return the percentile rank of {@code value} (0..100), NaN for a NaN value
     */
    public static double rank(final double[] points, final int offset, final double value)
    {
        if (Double.isNaN(value))
        {
            return Double.NaN;
        }
        if (value <= points[offset])
        {
            return 0;
        }
        if (value >= points[offset + POINTS - 1])
        {
            return 100;
        }
        int hi = 1;
        while (points[offset + hi] <= value) // the first point above: the value lies in [hi - 1, hi)
        {
            hi++;
        }
        final double low = points[offset + hi - 1];
        final double fraction = (value - low) / (points[offset + hi] - low);
        return 100 * (GRID[hi - 1] + fraction * (GRID[hi] - GRID[hi - 1]));
    }
}

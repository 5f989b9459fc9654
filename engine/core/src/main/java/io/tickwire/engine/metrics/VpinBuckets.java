package io.tickwire.engine.metrics;

import io.tickwire.model.FixedPoint;

import java.util.Arrays;

/**
 * VPIN per symbol (Easley, López de Prado and O'Hara): each bar's classified volume is poured into buckets of
 * equal volume; a full bucket adds |buy - sell| to a rolling window of the last N buckets, and VPIN is that
 * window's sum over N bucket volumes. Volume the bar stage could not classify is split evenly. Metrics stage
 * thread only.
 */
final class VpinBuckets
{
    private final double bucketVolume;
    private final int buckets;
    // the bucket being filled, per symbol: FILL, BUY, SELL side by side from s * STRIDE
    private static final int FILL = 0;
    private static final int BUY = 1;
    private static final int SELL = 2;
    private static final int STRIDE = 3;

    private double[] bucket = new double[256 * STRIDE];
    private RollingWindow[] imbalances = new RollingWindow[256];

    VpinBuckets(final long bucketVolume, final int buckets)
    {
        this.bucketVolume = FixedPoint.toDouble(bucketVolume);
        this.buckets = buckets;
    }

    /** Pours one bar's volume (fixed point) into symbol {@code s}'s buckets. @return VPIN after it, or NaN. */
    double pour(final int s, final long buyVolume, final long sellVolume, final long volume)
    {
        ensure(s);
        final int at = s * STRIDE;
        final double b = FixedPoint.toDouble(buyVolume);
        final double sl = FixedPoint.toDouble(sellVolume);
        final double total = FixedPoint.toDouble(volume);
        final double unclassified = Math.max(0, total - b - sl);
        final double buyShare = total > 0 ? (b + unclassified / 2) / total : 0;
        double remaining = total;
        while (remaining > 0)
        {
            final double take = Math.min(remaining, bucketVolume - bucket[at + FILL]);
            bucket[at + BUY] += take * buyShare;
            bucket[at + SELL] += take * (1 - buyShare);
            bucket[at + FILL] += take;
            remaining -= take;
            if (bucket[at + FILL] >= bucketVolume)
            {
                RollingWindow ring = imbalances[s];
                if (ring == null)
                {
                    ring = new RollingWindow(buckets);
                    imbalances[s] = ring;
                }
                ring.add(Math.abs(bucket[at + BUY] - bucket[at + SELL]));
                bucket[at + FILL] = 0;
                bucket[at + BUY] = 0;
                bucket[at + SELL] = 0;
            }
        }
        return current(s);
    }

    /** VPIN once {@code buckets} buckets have filled; NaN before. */
    double current(final int s)
    {
        final RollingWindow ring = s < imbalances.length ? imbalances[s] : null;
        return ring != null && ring.full() ? ring.sumX() / (ring.size() * bucketVolume) : Double.NaN;
    }

    private void ensure(final int s)
    {
        if (s >= imbalances.length)
        {
            final int n = Integer.highestOneBit(s) << 1;
            bucket = Arrays.copyOf(bucket, n * STRIDE);
            imbalances = Arrays.copyOf(imbalances, n);
        }
    }
}

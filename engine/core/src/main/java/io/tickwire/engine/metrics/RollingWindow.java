package io.tickwire.engine.metrics;

/**
 * The last {@code capacity} values of one or two paired series, with the statistics the metrics need.
 * Statistics are recomputed over the window in insertion order (the same order every run, so replay gives
 * the same doubles), which for the tens of values used here costs less than keeping running sums honest.
 */
final class RollingWindow
{
    private final double[] xs;
    private final double[] ys;
    private int size;
    private int next;

    RollingWindow(final int capacity)
    {
        xs = new double[capacity];
        ys = new double[capacity];
    }

    void add(final double x)
    {
        add(x, 0);
    }

    void add(final double x, final double y)
    {
        xs[next] = x;
        ys[next] = y;
        next = (next + 1) % xs.length;
        size = Math.min(size + 1, xs.length);
    }

    int size()
    {
        return size;
    }

    boolean full()
    {
        return size == xs.length;
    }

    double sumX()
    {
        double sum = 0;
        for (int i = 0; i < size; i++)
        {
            sum += xs[index(i)];
        }
        return sum;
    }

    double meanX()
    {
        return size == 0 ? Double.NaN : sumX() / size;
    }

    /** Sample standard deviation of x (n - 1); NaN below two values. */
    double stdX()
    {
        return Math.sqrt(covariance(xs, xs));
    }

    double stdY()
    {
        return Math.sqrt(covariance(ys, ys));
    }

    double correlation()
    {
        return covariance(xs, ys) / Math.sqrt(covariance(xs, xs) * covariance(ys, ys));
    }

    /** Beta of x on y: cov(x, y) / var(y). */
    double beta()
    {
        return covariance(xs, ys) / covariance(ys, ys);
    }

    private double covariance(final double[] a, final double[] b)
    {
        if (size < 2)
        {
            return Double.NaN;
        }
        double meanA = 0;
        double meanB = 0;
        for (int i = 0; i < size; i++)
        {
            meanA += a[index(i)];
            meanB += b[index(i)];
        }
        meanA /= size;
        meanB /= size;
        double sum = 0;
        for (int i = 0; i < size; i++)
        {
            sum += (a[index(i)] - meanA) * (b[index(i)] - meanB);
        }
        return sum / (size - 1);
    }

    /** The i-th oldest value's position. */
    private int index(final int i)
    {
        return (next - size + i + xs.length) % xs.length;
    }
}

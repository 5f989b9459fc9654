package io.tickwire.model.latency;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.concurrent.TimeUnit;

/**
 * One latency, in nanoseconds, recorded on a hot path without allocation or locks (HdrHistogram's
 * {@link Recorder}: wait-free for its writers) and read, cumulatively, by a scrape on another thread. A value
 * outside [0, 60 s] is clamped to the range rather than thrown for. A histogram that is not {@link #live} records
 * nothing: the replay and rebuild pipelines take those, so the live figures are the live path's only.
 */
public final class LatencyHistogram
{
    /** The largest value kept exactly; longer waits count as this. */
    public static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final int SIGNIFICANT_DIGITS = 2;
    /** Records nothing: for parts built outside a live node (replay, rebuild, tools, tests). */
    public static final LatencyHistogram NONE = new LatencyHistogram(new Label("none", null, ""), false);

    /**
     * What a histogram measures.
     *
     * @param name  the metric's name, without prefix or unit: {@code receive_to_ring}, {@code stage_service}
     * @param stage the stage label, or null for a hop
     */
    public record Label(String name, String stage, String help)
    {
    }

    private final Label label;
    private final Recorder recorder;
    /** Everything recorded so far, for the reader only. */
    private final Histogram total;
    private Histogram interval;

    LatencyHistogram(final Label label, final boolean live)
    {
        this.label = label;
        this.recorder = live ? new Recorder(HIGHEST_NANOS, SIGNIFICANT_DIGITS) : null;
        this.total = live ? new Histogram(HIGHEST_NANOS, SIGNIFICANT_DIGITS) : null;
    }

    /** From any thread; allocation-free. */
    public void record(final long nanos)
    {
        if (recorder != null)
        {
            recorder.recordValue(nanos < 0 ? 0 : Math.min(nanos, HIGHEST_NANOS));
        }
    }

    public boolean live()
    {
        return recorder != null;
    }

    public Label label()
    {
        return label;
    }

    /**
     * Everything recorded so far, as an independent copy (reader side; allocates). Each call folds in what the
     * writers recorded since the last.
     */
    public synchronized Histogram snapshot()
    {
        if (recorder == null)
        {
            return new Histogram(HIGHEST_NANOS, SIGNIFICANT_DIGITS);
        }
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);
        return total.copy();
    }
}

package io.tickwire.gateway;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tickwire.model.Telemetry;
import io.tickwire.model.errors.DistinctErrors;
import io.tickwire.model.latency.LatencyHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.agrona.concurrent.status.CountersReader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /metrics}: the node's telemetry in the Prometheus text exposition format, written by the Prometheus
 * project's own Java library. Every counter of the counters file as {@code tickwire_<label>_total} (or a gauge,
 * by its type id), the engine's gauges (ring lag, journals' size on disk), the distinct-error log's totals, and
 * each latency as a classic histogram in seconds ({@code tickwire_<hop>_seconds},
 * {@code tickwire_stage_service_seconds{stage=...}}). Built per scrape, off the hot paths.
 */
final class PrometheusMetrics
{
    static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;
    private static final String PREFIX = "tickwire_";
    /** Upper bounds, ns: 1 µs to 10 s in 1-2.5-5 steps; +Inf is added. */
    private static final long[] BOUNDS_NANOS = {
        1_000, 2_500, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000, 500_000,
        1_000_000, 2_500_000, 5_000_000, 10_000_000, 25_000_000, 50_000_000, 100_000_000, 250_000_000, 500_000_000,
        1_000_000_000L, 2_500_000_000L, 5_000_000_000L, 10_000_000_000L};
    private static final double NANOS_PER_SECOND = 1e9;

    private final Telemetry telemetry;
    private final Supplier<Map<String, Long>> engineGauges;
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    PrometheusMetrics(final Telemetry telemetry, final Supplier<Map<String, Long>> engineGauges)
    {
        this.telemetry = telemetry;
        this.engineGauges = engineGauges;
    }

    String render()
    {
        final List<MetricSnapshot> metrics = new ArrayList<>();
        counters(telemetry.counters(), metrics);
        engineGauges.get().forEach((name, value) -> metrics.add(gauge(name, "the engine's " + name, value)));
        errors(telemetry.errors(), metrics);
        final Map<String, HistogramSnapshot.Builder> histograms = new LinkedHashMap<>();
        for (final LatencyHistogram latency : telemetry.latencies().all())
        {
            histograms.computeIfAbsent(latency.label().name(), (name) -> HistogramSnapshot.builder()
                .name(PREFIX + name + "_seconds").help(latency.label().help()))
                .dataPoint(dataPoint(latency));
        }
        histograms.values().forEach((h) -> metrics.add(h.build()));
        final ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try
        {
            writer.write(out, new MetricSnapshots(metrics));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex); // a byte array does not throw
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void counters(final CountersReader counters, final List<MetricSnapshot> metrics)
    {
        counters.forEach((value, counterId, label) ->
        {
            if (counters.getCounterTypeId(counterId) == Telemetry.GAUGE)
            {
                metrics.add(gauge(label, label + " (a level)", value));
            }
            else
            {
                final String name = label.endsWith("_total") ? label.substring(0, label.length() - 6) : label;
                metrics.add(CounterSnapshot.builder().name(PREFIX + name).help(label + " (a count since start)")
                    .dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().value(value).build()).build());
            }
        });
    }

    private static void errors(final DistinctErrors errors, final List<MetricSnapshot> metrics)
    {
        long occurrences = 0;
        final List<DistinctErrors.Entry> entries = errors.entries();
        for (final DistinctErrors.Entry entry : entries)
        {
            occurrences += entry.count();
        }
        metrics.add(gauge("distinct_errors", "kinds of error recorded (tickwire errors lists them)", entries.size()));
        metrics.add(CounterSnapshot.builder().name(PREFIX + "errors").help("errors recorded, every occurrence")
            .dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().value(occurrences).build()).build());
    }

    private static GaugeSnapshot gauge(final String name, final String help, final double value)
    {
        return GaugeSnapshot.builder().name(PREFIX + name).help(help)
            .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(value).build()).build();
    }

    private static HistogramSnapshot.HistogramDataPointSnapshot dataPoint(final LatencyHistogram latency)
    {
        final Histogram histogram = latency.snapshot();
        final long[] counts = new long[BOUNDS_NANOS.length + 1];
        double sumNanos = 0;
        for (final HistogramIterationValue v : histogram.recordedValues())
        {
            final long value = v.getValueIteratedTo();
            final long count = v.getCountAddedInThisIterationStep();
            int bucket = 0;
            while (bucket < BOUNDS_NANOS.length && value > BOUNDS_NANOS[bucket])
            {
                bucket++;
            }
            counts[bucket] += count;
            sumNanos += (double)histogram.medianEquivalentValue(value) * count;
        }
        final double[] bounds = new double[BOUNDS_NANOS.length + 1];
        for (int i = 0; i < BOUNDS_NANOS.length; i++)
        {
            bounds[i] = BOUNDS_NANOS[i] / NANOS_PER_SECOND;
        }
        bounds[BOUNDS_NANOS.length] = Double.POSITIVE_INFINITY;
        final HistogramSnapshot.HistogramDataPointSnapshot.Builder point = HistogramSnapshot.HistogramDataPointSnapshot
            .builder().classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, counts));
        point.sum(sumNanos / NANOS_PER_SECOND);
        if (latency.label().stage() != null)
        {
            point.labels(Labels.of("stage", latency.label().stage()));
        }
        return point.build();
    }
}

package io.tickwire.gateway;

import io.tickwire.model.Telemetry;
import io.tickwire.model.latency.LatencyHistograms;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

class PrometheusMetricsTest
{
    @Test
    void shouldWriteCountsGaugesErrorsAndLatencyBucketsInTheTextFormat()
    {
        final Telemetry telemetry = Telemetry.inMemory();
        telemetry.counters().newCounter("trades_accepted").setRelease(7);
        telemetry.counters().newCounter("gateway_clients_connected_total").setRelease(2);
        telemetry.counters().newCounter("symbols", Telemetry.GAUGE).setRelease(3);
        telemetry.errors().record("stage metrics", 5, new IllegalStateException("boom"));
        telemetry.latencies().hop(LatencyHistograms.Hop.RECEIVE_TO_RING).record(3_000);       // 3 µs
        telemetry.latencies().hop(LatencyHistograms.Hop.RECEIVE_TO_RING).record(2_000_000);   // 2 ms
        telemetry.latencies().stage("sequencer").record(400);

        final String text = new PrometheusMetrics(telemetry, () -> Map.of("ring_lag", 11L)).render();

        assertTrue(text.contains("# TYPE tickwire_trades_accepted_total counter\n"), text);
        assertTrue(text.contains("\ntickwire_trades_accepted_total 7.0\n"), text);
        assertTrue(text.contains("\ntickwire_gateway_clients_connected_total 2.0\n"), "no doubled _total: " + text);
        assertTrue(text.contains("# TYPE tickwire_symbols gauge\n") && text.contains("\ntickwire_symbols 3.0\n"), text);
        assertTrue(text.contains("\ntickwire_ring_lag 11.0\n"), text);
        assertTrue(text.contains("\ntickwire_distinct_errors 1.0\n") && text.contains("\ntickwire_errors_total 1.0\n"), text);
        assertTrue(text.contains("# TYPE tickwire_receive_to_ring_seconds histogram\n"), text);
        // cumulative buckets: the 3 µs value is under 5 µs, both are under 2.5 ms, and +Inf counts all
        assertTrue(text.contains("tickwire_receive_to_ring_seconds_bucket{le=\"2.5E-6\"} 0\n"), text);
        assertTrue(text.contains("tickwire_receive_to_ring_seconds_bucket{le=\"5.0E-6\"} 1\n"), text);
        assertTrue(text.contains("tickwire_receive_to_ring_seconds_bucket{le=\"0.0025\"} 2\n"), text);
        assertTrue(text.contains("tickwire_receive_to_ring_seconds_bucket{le=\"+Inf\"} 2\n"), text);
        assertTrue(text.contains("tickwire_receive_to_ring_seconds_count 2\n"), text);
        assertTrue(text.contains("tickwire_stage_service_seconds_count{stage=\"sequencer\"} 1"), text);
    }
}

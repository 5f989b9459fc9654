package io.tickwire.system;

import io.tickwire.simulator.SimulatorSettings;
import io.tickwire.testing.WebSocketTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an on-call runs against a live node, each from a JVM of its own or over HTTP: {@code tickwire stat}
 * reads the engine's and the gateway's counters from the node's counters file; {@code tickwire errors} reads
 * its distinct-error log, also after the process is gone; {@code GET /metrics} parses with the Prometheus
 * project's own text-format parser (Python's {@code prometheus_client}, see {@link ToolsOnThisMachine}).
 */
class OperatorToolsTest
{
    @TempDir
    Path dir;

    @Test
    void shouldReadARunningNodesCountersFromAnotherProcess() throws Exception
    {
        final Path dataDir;
        try (FeedHarness node = FeedHarness.start(dir, new SimulatorSettings().rate(500), Map.of()))
        {
            dataDir = node.dataDir;
            FeedHarness.await(() -> node.process.counters().eventsPublished.get() > 0, 20_000, "events published");
            final String json = jsonLine(tickwire(dataDir, 0, "stat", "--format", "json"));
            final long published = number(json, "events_published");
            assertTrue(published > 0, json);
            assertTrue(json.contains("\"gateway_journal_records_read\":"), "the gateway's counters too: " + json);
            assertTrue(json.contains("\"pid\":" + ProcessHandle.current().pid()), json);
        }
        assertFalse(countersFiles(dataDir).findAny().isPresent(), "a clean stop without errors removes the file");
    }

    @Test
    void shouldListEachDistinctErrorOnceWithItsCountWhileRunningAndAfterTheProcessIsGone() throws Exception
    {
        final Path dataDir;
        try (FeedHarness node = FeedHarness.start(dir, new SimulatorSettings().rate(200), Map.of()))
        {
            dataDir = node.dataDir;
            assertEquals(0, errorCount(tickwire(dataDir, 0, "errors", "--format", "json")), "none yet");
            for (int i = 0; i < 3; i++)
            {
                node.process.telemetry().errors().record("stage metrics", 100 + i, failure("index 9 out of bounds"));
            }
            node.process.telemetry().errors().record("gateway conductor", -1, new IllegalStateException("another kind"));
            final String json = jsonLine(tickwire(dataDir, 2, "errors", "--format", "json"));
            assertTrue(json.contains("{\"count\":3,"), json);
            assertTrue(json.contains("stage metrics") && json.contains("index 9 out of bounds"), json);
            assertTrue(json.contains("{\"count\":1,") && json.contains("another kind"), json);
            assertTrue(json.contains("\"running\":true"), json);
        }
        final List<Path> kept = countersFiles(dataDir).toList();
        assertEquals(1, kept.size(), "a node that recorded errors keeps its file at a clean stop");
        // as if its process had died: a pid no process has
        Files.move(kept.get(0), kept.get(0).resolveSibling("counters-" + (Integer.MAX_VALUE - 7) + "-1.dat"));
        final String gone = tickwire(dataDir, 2, "errors");
        assertTrue(gone.contains("gone: 2 distinct errors"), gone);
        assertTrue(gone.contains("3 times, first"), gone);
    }

    @Test
    void shouldServeEveryCounterGaugeAndLatencyHistogramToPrometheus() throws Exception
    {
        ToolsOnThisMachine.requirePrometheusParser();
        try (FeedHarness node = FeedHarness.start(dir, new SimulatorSettings().rate(500), Map.of());
            WebSocketTestClient desk = WebSocketTestClient.connect(node.process.gateway().webSocketUrl()))
        {
            desk.await((m) -> m.contains("\"type\":\"welcome\""), 5_000);
            desk.send("{\"op\":\"subscribe\",\"channels\":[\"trades\"],\"symbols\":[\"SPY\"]}");
            desk.await((m) -> m.contains("\"type\":\"trade\"") && !m.contains("\"snapshot\":true"), 20_000);
            final HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + node.process.gateway().port() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(200, metrics.statusCode());
            assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
            final Map<String, String> parsed = ToolsOnThisMachine.parsePrometheus(metrics.body(), dir);
            assertEquals("counter", parsed.get("TYPE tickwire_events_published"), parsed.toString());
            assertEquals("counter", parsed.get("TYPE tickwire_gateway_messages_sent"), parsed.toString());
            assertEquals("gauge", parsed.get("TYPE tickwire_gateway_clients"), parsed.toString());
            assertEquals("gauge", parsed.get("TYPE tickwire_ring_lag"), parsed.toString());
            assertEquals("gauge", parsed.get("TYPE tickwire_output_journal_disk_bytes"), parsed.toString());
            assertEquals("gauge", parsed.get("TYPE tickwire_disk_free_mb"), parsed.toString());
            for (final String histogram : List.of("tickwire_receive_to_ring_seconds",
                "tickwire_ring_to_output_journal_seconds", "tickwire_receive_to_output_journal_seconds", "tickwire_receive_to_desk_write_seconds",
                "tickwire_stage_service_seconds"))
            {
                assertEquals("histogram", parsed.get("TYPE " + histogram), histogram + " in " + parsed);
                assertTrue(Double.parseDouble(parsed.get(histogram + "_count")) > 0, histogram + " recorded: " + parsed);
            }
            assertTrue(parsed.containsKey("tickwire_stage_service_seconds_count{stage=\"sequencer\"}"), parsed.toString());
        }
    }

    private static IllegalArgumentException failure(final String message)
    {
        return new IllegalArgumentException(message); // one call site: the same stack every time
    }

    private static Stream<Path> countersFiles(final Path dataDir) throws java.io.IOException
    {
        return Files.list(dataDir).filter((f) -> f.getFileName().toString().startsWith("counters-"));
    }

    /** {@code tickwire ARGS} in a child JVM on this test's classpath; its output, after checking its exit status. */
    private static String tickwire(final Path dataDir, final int status, final String... args) throws Exception
    {
        final List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
            "java").toString()));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream() // the JVM flags Agrona needs, as ours
            .filter((a) -> a.startsWith("--add-")).forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.tickwire.cli.Tickwire"));
        command.addAll(List.of(args));
        command.addAll(List.of("--set", "engine.dataDir=" + dataDir));
        final Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "finished: " + command);
        final String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(status, child.exitValue(), out);
        return out;
    }

    private static String jsonLine(final String out)
    {
        return out.lines().filter((l) -> l.startsWith("{\"processes\"")).findFirst().orElseThrow(() ->
            new AssertionError("no JSON in: " + out));
    }

    private static int errorCount(final String out)
    {
        final Matcher m = Pattern.compile("\\{\"count\":").matcher(jsonLine(out));
        int n = 0;
        while (m.find())
        {
            n++;
        }
        return n;
    }

    private static long number(final String json, final String label)
    {
        final Matcher m = Pattern.compile("\"" + label + "\":(\\d+)").matcher(json);
        assertTrue(m.find(), label + " in " + json);
        return Long.parseLong(m.group(1));
    }
}

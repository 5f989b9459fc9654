package io.tickwire.system;

import io.tickwire.simulator.SimulatorSettings;
import io.tickwire.testing.WebSocketTestClient;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static io.tickwire.system.FeedHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fatal path end to end, with a real simulator, engine, gateway and desk: a filling disk (played by the
 * node's free-space probe, which the watchdog samples) first warns on /health and, as a journaled node status,
 * on the desks' status channel; then stops the node with one clear reason, /health says so
 * with 503, the desk gets a {@code failed} status and a close 1011 with the reason, and the node closes within
 * seconds.
 */
class NodeFailureTest
{
    private static final long MIB = 1 << 20;

    @TempDir
    Path dir;

    @Test
    void shouldStopLoudlyAndTellTheDesksWhenTheDiskFills() throws Exception
    {
        final AtomicLong free = new AtomicLong(100_000 * MIB);
        try (FeedHarness feed = FeedHarness.start(dir, new SimulatorSettings().rate(500),
            Map.of("disk.checkIntervalMs", "20"), (ctx) -> ctx.freeSpace((d) -> free.get())))
        {
            final HttpClient http = HttpClient.newHttpClient();
            final URI health = URI.create("http://127.0.0.1:" + feed.process.gateway().port() + "/health");
            await(() -> status(http, health) == 200, 20_000, "a healthy node once the feed is up");
            final WebSocketTestClient desk = WebSocketTestClient.connect(feed.process.gateway().webSocketUrl());
            desk.await((m) -> m.contains("\"type\":\"welcome\""), 5_000);
            desk.send("{\"op\":\"subscribe\",\"channels\":[\"status\"]}");
            desk.await((m) -> m.contains("\"type\":\"subscribed\""), 5_000);

            free.set(1_000 * MIB);
            await(() -> body(http, health).contains("disk low on "), 10_000, "a low-disk warning on /health");
            desk.await((m) -> m.contains("\"cluster\":\"node\"") && m.contains("\"state\":\"degraded\"") &&
                m.contains("disk low on "), 10_000); // journaled, on the status channel
            assertEquals(1, feed.counters().diskLowWarnings.get(), "one warning per episode");

            free.set(12 * MIB);
            final String reason = feed.process.fatal().get(10, TimeUnit.SECONDS);
            assertEquals("disk full on " + feed.dataDir.toAbsolutePath() + ": 12 MiB free, needs 256 MiB " +
                "(disk.stopBelowMb)", reason);
            desk.await((m) -> m.contains("\"type\":\"status\",\"state\":\"failed\",\"reason\":\"disk full on "), 5_000);
            assertTrue(desk.closed().get(5, TimeUnit.SECONDS).startsWith("close 1011 disk full on "));
            final HttpResponse<String> failing = http.send(HttpRequest.newBuilder(health).build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(503, failing.statusCode());
            assertTrue(failing.body().contains("\"fatal: disk full on "), failing.body());

            final long start = System.nanoTime();
            feed.process.close();
            final long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            assertTrue(seconds < 10, "closed in " + seconds + " s");
        }
    }

    /**
     * A ring stage's thread dies of an {@link Error} (ThreadDeath, delivered with {@code Thread.stop}, which JDK 20+
     * no longer supports): /health turns 503 naming the fatal error and the ended thread.
     */
    @Test
    @SuppressWarnings("deprecation")
    void shouldAnswer503WhenAStageDies() throws Exception
    {
        Assumptions.assumeTrue(Runtime.version().feature() < 20, "Thread.stop delivers an Error only before JDK 20");
        try (FeedHarness feed = FeedHarness.start(dir, new SimulatorSettings().rate(500), Map.of()))
        {
            final HttpClient http = HttpClient.newHttpClient();
            final URI health = URI.create("http://127.0.0.1:" + feed.process.gateway().port() + "/health");
            await(() -> status(http, health) == 200, 20_000, "a healthy node once the feed is up");
            final Thread stage = Thread.getAllStackTraces().keySet().stream()
                .filter((t) -> t.getName().startsWith("tickwire-core-")).findFirst().orElseThrow();
            stage.stop();
            await(() -> status(http, health) == 503, 10_000, "503 once the stage has died");
            final String reasons = body(http, health);
            assertTrue(reasons.contains("\"fatal: ") && reasons.contains("ThreadDeath"), reasons);
            assertTrue(feed.process.fatal().get(10, TimeUnit.SECONDS).contains("ThreadDeath"));
        }
    }

    private static int status(final HttpClient http, final URI uri)
    {
        try
        {
            return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        }
        catch (final Exception ex)
        {
            return -1;
        }
    }

    private static String body(final HttpClient http, final URI uri)
    {
        try
        {
            return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
        }
        catch (final Exception ex)
        {
            return "";
        }
    }
}

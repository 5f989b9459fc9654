package io.tickwire.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickwire.simulator.SimulatorSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The desk page in a real browser (Debian's headless Chromium) against a running node and its simulator: it
 * loads without a console error, draws candles that grow as bars close, shows a setup placed over HTTP on the
 * chart and in the table, turns the stocks badge red when the feed drops and green when it is back, and
 * leaves a screenshot in {@code target/desk-page.png}.
 */
class DeskPageBrowserTest
{
    /** Non-transparent pixels on the chart's canvas. */
    private static final String PAINTED = "(() => { const c = document.querySelector('#chart canvas');" +
        " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;" +
        " for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; })()";
    private static final String STOCKS_BADGE =
        "document.getElementById('badge-stocks') ? document.getElementById('badge-stocks').className : ''";

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // never a hang
    void shouldShowLiveCandlesSetupsAndTheFeedsStateInABrowser() throws Exception
    {
        ToolsOnThisMachine.requireChromium();
        // no REST polling while the feed is down: the badge shows the drop itself
        try (FeedHarness node = FeedHarness.start(dir, new SimulatorSettings().rate(300),
            Map.of("feed.pollAfterMs", "600000"));
            HeadlessChromium browser = HeadlessChromium.start(dir))
        {
            FeedHarness.await(() -> node.process.gateway().ready(), 20_000, "the node ready");
            final String base = "http://127.0.0.1:" + node.process.gateway().port();
            browser.open(base + "/?symbol=SPY&tf=1s");

            browser.await("tickwireDesk.barsClosed", (v) -> v.asInt() >= 2, 20_000, "bars closing live");
            final int drawn = browser.evaluate("tickwireDesk.drawnBars").asInt();
            assertTrue(browser.evaluate(PAINTED).asInt() > 1_000, "the chart is not blank");
            browser.await("tickwireDesk.drawnBars", (v) -> v.asInt() >= drawn + 2, 20_000, "the chart growing");
            browser.await(STOCKS_BADGE, (v) -> v.asText().contains("green"), 10_000, "the stocks feed up");
            browser.await("document.getElementById('badge-stocks').textContent", (v) -> v.asText().matches(
                "stocks (up|recovered) · lag \\d+ ms"), 10_000, "the feed's lag on its badge");

            final double last = browser.evaluate("[...tickwireDesk.bars.values()].at(-1).c").asDouble();
            final HttpResponse<String> placed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base + "/setups")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(String.format(Locale.ROOT,
                    "{\"id\":4242,\"symbol\":\"SPY\",\"direction\":\"long\",\"entry\":[%.2f,%.2f],\"stop\":%.2f," +
                    "\"targets\":[%.2f,%.2f],\"confirm\":{\"rule\":\"ticks\",\"n\":3}}",
                    last - 1.0, last - 0.9, last - 2.0, last + 1.0, last + 2.0))).build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(200, placed.statusCode(), placed.body());
            final JsonNode row = browser.await("document.getElementById('setup-4242') ?" +
                " document.getElementById('setup-4242').textContent : ''", (v) -> v.asText().contains("armed"),
                10_000, "the setup in the table");
            assertTrue(row.asText().startsWith("4242SPYarmed"), row.asText());
            browser.await("tickwireDesk.drawnSetupLines", (v) -> v.asInt() >= 4, 10_000,
                "the setup's entry zone, stop and targets on the chart");
            final String zone = String.format(Locale.ROOT, "%s–%s", trim(last - 1.0), trim(last - 0.9));
            assertTrue(browser.evaluate("document.getElementById('setup-4242').textContent").asText().contains(zone),
                "the zone in the table: " + zone);

            node.simulator.faults().refuseConnections(3_000);
            node.simulator.faults().dropConnections("stocks", false);
            browser.await(STOCKS_BADGE, (v) -> v.asText().contains("red"), 10_000, "the badge red after the drop");
            browser.await(STOCKS_BADGE, (v) -> v.asText().contains("green"), 30_000, "the badge green again");
            final String title = browser.evaluate("document.getElementById('badge-stocks').title").asText();
            assertTrue(title.contains("gap from"), "the recovered badge names the gap: " + title);

            browser.screenshot(Path.of("target", "desk-page.png"));
            assertEquals(java.util.List.of(), browser.consoleErrors(), "no console errors");
        }
    }

    /** A price as JavaScript prints it: no trailing zeros. */
    private static String trim(final double price)
    {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.2f", price)).stripTrailingZeros().toPlainString();
    }
}

package io.tickwire.gateway;

import io.tickwire.testing.WebSocketTestClient;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recovery from the output journal over a real WebSocket: a desk resumes from the last position it saw, or
 * replays from a time, and joins the live stream with no gap and no duplicate, checked against the journal.
 */
class DeskReplayTest
{
    private static final Pattern JS = Pattern.compile("\"js\":(\\d+)");

    @TempDir
    Path dir;

    @AutoClose
    private TestGateway test;
    private GatewayServer gateway;

    @BeforeEach
    void start()
    {
        test = new TestGateway(dir).spyAndQqq();
    }

    /** A desk drops mid-stream; its next connection resumes from its last js + 1 while trades keep coming. */
    @Test
    void shouldResumeAfterAForcedDisconnectWithNoGapAndNoDuplicate() throws Exception
    {
        test.trades(200);
        startGateway(GatewaySettings.defaults().port(0).replay(8, 60_000)); // a small batch: the replay spans cycles
        final long lastSeen;
        try (WebSocketTestClient first = connect())
        {
            first.send("{\"op\":\"subscribe\",\"channels\":[\"trades\"],\"symbols\":[\"SPY\"]}");
            first.await((m) -> m.contains("\"type\":\"snapshot_end\""), 5_000);
            test.trades(100);
            final int k = test.spyTrades().size() - 60; // the desk has seen up to here when its connection drops
            lastSeen = js(first.await((m) -> m.contains("\"js\":" + test.spyTrades().get(k) + ","), 5_000).text());
        }
        test.trades(300); // missed while disconnected
        try (WebSocketTestClient second = connect())
        {
            second.send("{\"op\":\"subscribe\",\"id\":\"r\",\"channels\":[\"trades\"],\"symbols\":[\"SPY\"],\"from\":" +
                (lastSeen + 1) + "}");
            test.trades(300); // written while the replay runs: some replayed, the rest live
            final String end = second.await((m) -> m.contains("\"type\":\"replay_end\""), 10_000).text();
            final long joined = js(end);
            test.trades(50); // after the join: live only
            final long last = test.spyTrades().get(test.spyTrades().size() - 1);
            second.await((m) -> m.contains("\"js\":" + last + ","), 10_000);

            final List<Long> expected = test.spyTrades().stream().filter((p) -> p > lastSeen).toList();
            final List<Long> received = new ArrayList<>();
            for (final WebSocketTestClient.Message m : second.all())
            {
                if (m.text().contains("\"type\":\"trade\""))
                {
                    final long p = js(m.text());
                    received.add(p);
                    assertEquals(p <= joined, m.text().contains("\"replay\":true"), "replay up to the join only: " + m);
                }
            }
            assertEquals(expected, received, "every SPY trade after the last seen, once, in journal order");
            assertTrue(second.all().get(1).text().startsWith("{\"type\":\"subscribed\",\"id\":\"r\""));
            assertEquals(lastSeen + 1, number(second.all().get(1).text(), "from"));
            assertTrue(received.stream().filter((p) -> p <= joined).count() > 0, "some records were replayed");
            assertTrue(received.stream().filter((p) -> p > joined).count() >= 50, "the rest came live");
            assertEquals(received.stream().filter((p) -> p <= joined).count(), number(end, "records"));
        }
    }

    /** {@code start}: from the first record at or after a time, then live. */
    @Test
    void shouldReplayFromATimeThenJoinLive() throws Exception
    {
        test.trades(100);
        final long startTime = test.time() + 1;
        final int firstAfter = test.spyTrades().size();
        test.trades(100);
        startGateway(GatewaySettings.defaults().port(0));
        try (WebSocketTestClient desk = connect())
        {
            desk.send("{\"op\":\"subscribe\",\"channels\":[\"trades\"],\"symbols\":[\"SPY\"],\"start\":" + startTime + "}");
            final long joined = js(desk.await((m) -> m.contains("\"type\":\"replay_end\""), 10_000).text());
            assertEquals(test.records.appender.lastIndex(), joined, "joined at the journal's end");
            test.trades(10);
            final long last = test.spyTrades().get(test.spyTrades().size() - 1);
            desk.await((m) -> m.contains("\"js\":" + last + ","), 10_000);
            final List<Long> received = desk.all().stream().filter((m) -> m.text().contains("\"type\":\"trade\""))
                .map((m) -> js(m.text())).toList();
            assertEquals(test.spyTrades().subList(firstAfter, test.spyTrades().size()), received);
        }
    }

    /** Replays that cannot be served say why; the session stays usable, and a resume at the tip joins at once. */
    @Test
    void shouldRefuseWhatItCannotReplayAndJoinAtOnceAtTheTip() throws Exception
    {
        test.trades(10);
        startGateway(GatewaySettings.defaults().port(0));
        try (WebSocketTestClient desk = connect())
        {
            final long end = test.records.journal.lastIndex();
            desk.send("{\"op\":\"subscribe\",\"id\":1,\"channels\":[\"trades\"],\"from\":" + (end + 100) + "}");
            final String ahead = desk.await((m) -> m.contains("\"type\":\"error\""), 5_000).text();
            assertTrue(ahead.contains("\"code\":\"replay_unavailable\",\"message\":\"from " + (end + 100) +
                " is ahead of the journal: its last position is " + end), ahead);
            desk.send("{\"op\":\"subscribe\",\"id\":2,\"channels\":[\"trades\"],\"from\":3,\"start\":5}");
            assertTrue(desk.await((m) -> m.contains("\"type\":\"error\""), 5_000).text()
                .contains("give 'from' or 'start', not both"));
            desk.send("{\"op\":\"subscribe\",\"id\":3,\"channels\":[\"trades\"],\"symbols\":[\"SPY\"],\"from\":" +
                (end + 1) + "}");
            assertEquals("{\"type\":\"replay_end\",\"id\":3,\"js\":" + end + ",\"records\":0}",
                desk.await((m) -> m.contains("\"type\":\"replay_end\""), 5_000).text());
            test.trades(1);
            final String live = desk.await((m) -> m.contains("\"type\":\"trade\""), 5_000).text();
            assertEquals(test.spyTrades().get(test.spyTrades().size() - 1), js(live));
            assertFalse(live.contains("\"replay\""), live);
        }
    }

    /** A replay that cannot reach the live stream within its time is ended with the position to resume from. */
    @Test
    void shouldEndAReplayThatFallsBehindWithThePositionToResumeFrom() throws Exception
    {
        test.trades(150_000);
        startGateway(GatewaySettings.defaults().port(0).replay(1, 100)); // a record a duty cycle, 100 ms to catch up
        try (WebSocketTestClient desk = connect())
        {
            desk.send("{\"op\":\"subscribe\",\"id\":9,\"channels\":[\"trades\"],\"from\":" + test.spyTrades().get(0) + "}");
            final String behind = desk.await((m) -> m.contains("\"type\":\"error\""), 30_000).text();
            assertTrue(behind.contains("\"id\":9,\"code\":\"replay_behind\""), behind);
            final long lastSent = number(behind, "last position sent ");
            final List<Long> replayed = desk.all().stream().filter((m) -> m.text().contains("\"replay\":true"))
                .map((m) -> js(m.text())).toList();
            assertEquals(replayed.get(replayed.size() - 1), lastSent);
            assertTrue(behind.contains("subscribe again with from " + (lastSent + 1)), behind);
            final Map<String, Long> counters = gateway.counters().snapshot();
            assertEquals(1, counters.get("replays_behind"));
            assertEquals(replayed.size(), counters.get("replay_records"));
        }
    }

    private void startGateway(final GatewaySettings settings)
    {
        gateway = test.start(settings);
    }

    private WebSocketTestClient connect() throws InterruptedException
    {
        return test.connect("");
    }

    private static long js(final String json)
    {
        final Matcher m = JS.matcher(json);
        assertTrue(m.find(), "js in " + json);
        return Long.parseLong(m.group(1));
    }

    private static long number(final String json, final String field)
    {
        final Matcher m = Pattern.compile((field.endsWith(" ") ? field : "\"" + field + "\":") + "(-?\\d+)").matcher(json);
        assertTrue(m.find(), field + " in " + json);
        return Long.parseLong(m.group(1));
    }
}

package io.tickwire.gateway;

import io.tickwire.codecs.sbe.MessageHeaderEncoder;
import io.tickwire.codecs.sbe.SetupRejection;
import io.tickwire.codecs.sbe.SetupState;
import io.tickwire.codecs.sbe.SetupTransitionEncoder;
import io.tickwire.model.journal.JournalAppender;
import io.tickwire.model.setups.SetupRequest;
import io.tickwire.testing.WebSocketTestClient;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import static io.tickwire.gateway.OutputRecords.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keys, tiers and the door, over real WebSockets and HTTP: unknown keys and foreign pages are refused, a tier
 * gets only its channels and symbols and connections, setups are their key's own, a cross-site text/plain post
 * is refused. The engine behind the gateway is a stand-in that answers each setup command with the record the
 * evaluator would write (the evaluator's own ownership is tested with it).
 */
class DeskKeysSystemTest
{
    private static final String DESK_A = "secret-desk-a";
    private static final String DESK_B = "secret-desk-b";
    private static final String SPY_ONLY = "secret-spy-only";
    private static final String OPS = "secret-ops";
    private static final String LATE = "secret-late";
    private static final long MINUTE = 60_000_000_000L;
    /** The gateway's wall clock, moved by the delayed-tier test. */
    private final AtomicLong now = new AtomicLong(T0 + 60 * MINUTE);

    @TempDir
    Path dir;

    private OutputRecords records;
    private GatewayServer gateway;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception
    {
        records = new OutputRecords(dir.resolve("output"));
        records.symbol(1, "SPY");
        records.symbol(2, "QQQ");
        records.trade(1, T0, 600_000_000L, 100);
        final Path keys = dir.resolve("keys.properties");
        Files.writeString(keys, String.join("\n",
            "tier.full.channels=*",
            "tier.spy.channels=trades,bars.*",
            "tier.spy.symbols=SPY,O:SPY*",
            "tier.spy.maxConnections=1",
            "key.1.name=desk-a", "key.1.sha256=" + DeskKeys.sha256(DESK_A), "key.1.tier=full", "key.1.rights=setups",
            "key.2.name=desk-b", "key.2.sha256=" + DeskKeys.sha256(DESK_B), "key.2.tier=full", "key.2.rights=setups",
            "key.3.name=spy-only", "key.3.sha256=" + DeskKeys.sha256(SPY_ONLY), "key.3.tier=spy",
            "key.4.name=ops", "key.4.sha256=" + DeskKeys.sha256(OPS), "key.4.tier=full", "key.4.rights=admin",
            "tier.late.channels=trades", "tier.late.delayMinutes=15",
            "key.5.name=late-desk", "key.5.sha256=" + DeskKeys.sha256(LATE), "key.5.tier=late", ""));
        gateway = GatewayServer.start(GatewaySettings.defaults().port(0).keysFile(keys)
                .allowedOrigins(List.of("https://desk.example")).authTimeoutMillis(500).epochClock(now::get),
            records.journal,
            new EngineLink(Map::of, Map::of, List::of, () -> true, new EngineStandIn(records), (reason) -> { }));
    }

    @AfterEach
    void stop()
    {
        gateway.close();
        records.close();
    }

    @Test
    void shouldAdmitOnlyKnownKeysAndSayWhy() throws Exception
    {
        try (WebSocketTestClient keyless = connect(""))
        {
            keyless.send("{\"op\":\"subscribe\",\"id\":1,\"channels\":[\"trades\"]}");
            assertTrue(keyless.await((m) -> m.contains("\"type\":\"error\""), 5_000).text().contains("\"code\":\"unauthenticated\""));
            keyless.send("{\"op\":\"auth\",\"id\":2,\"key\":\"guess\"}");
            assertTrue(keyless.await((m) -> m.contains("\"type\":\"error\""), 5_000).text().contains("\"code\":\"unauthorized\""));
            keyless.send("{\"op\":\"auth\",\"id\":3,\"key\":\"" + DESK_A + "\"}");
            assertEquals("{\"type\":\"authenticated\",\"id\":3,\"key\":\"desk-a\",\"tier\":\"full\",\"delayMinutes\":0}",
                keyless.await((m) -> m.contains("\"type\":\"authenticated\""), 5_000).text());
            keyless.send("{\"op\":\"subscribe\",\"id\":4,\"channels\":[\"trades\"]}");
            keyless.await((m) -> m.contains("\"snapshot_end\",\"id\":4"), 5_000);
        }
        try (WebSocketTestClient silent = connect(""))
        {
            assertTrue(silent.closed().get(5, TimeUnit.SECONDS).startsWith("close 4003 no key within 500 ms"));
        }
        final CompletionException refused = assertThrows(CompletionException.class, () -> http.newWebSocketBuilder()
            .buildAsync(URI.create(gateway.webSocketUrl() + "?key=guess"), new WebSocket.Listener() { }).join());
        assertEquals(401, status(refused));
        try (WebSocketTestClient viaHeader = WebSocketTestClient.connect(gateway.webSocketUrl(),
            Map.of("Authorization", "Bearer " + DESK_B)))
        {
            viaHeader.send("{\"op\":\"subscribe\",\"id\":5,\"channels\":[\"trades\"]}");
            viaHeader.await((m) -> m.contains("\"snapshot_end\",\"id\":5"), 5_000);
        }
        assertTrue(gateway.counters().snapshot().get("auth_failures") >= 3, gateway.counters().snapshot().toString());
    }

    @Test
    void shouldServeATierOnlyItsChannelsSymbolsAndConnections() throws Exception
    {
        try (WebSocketTestClient spy = connect("?key=" + SPY_ONLY))
        {
            spy.send("{\"op\":\"subscribe\",\"id\":1,\"channels\":[\"quotes\"],\"symbols\":[\"SPY\"]}");
            assertTrue(spy.await((m) -> m.contains("\"type\":\"error\""), 5_000).text().contains("\"code\":\"not_entitled\"," +
                "\"message\":\"key 'spy-only' (tier spy) may not receive channel 'quotes'; it may receive [trades, bars.*]\""));
            spy.send("{\"op\":\"subscribe\",\"id\":2,\"channels\":[\"trades\"]}");
            assertTrue(spy.await((m) -> m.contains("\"type\":\"error\""), 5_000).text()
                .contains("may receive only [SPY, O:SPY*]: name the symbols"));
            spy.send("{\"op\":\"subscribe\",\"id\":3,\"channels\":[\"trades\"],\"symbols\":[\"SPY\",\"QQQ\"]}");
            assertTrue(spy.await((m) -> m.contains("\"type\":\"error\""), 5_000).text().contains("may not receive [QQQ]"));
            spy.send("{\"op\":\"subscribe\",\"id\":4,\"channels\":[\"trades\",\"bars.1s\"],\"symbols\":[\"SPY\",\"O:SPY261218C00600000\"]}");
            spy.await((m) -> m.contains("\"snapshot_end\",\"id\":4"), 5_000);
            try (WebSocketTestClient second = connect("?key=" + SPY_ONLY))
            {
                assertTrue(second.closed().get(5, TimeUnit.SECONDS).startsWith("close 4008 key 'spy-only' already has its 1"));
            }
        }
        assertTrue(gateway.counters().snapshot().get("not_entitled") >= 4);
    }

    @Test
    void shouldRefuseForeignPagesAndCrossSiteForms() throws Exception
    {
        final CompletionException foreign = assertThrows(CompletionException.class, () -> http.newWebSocketBuilder()
            .header("Origin", "https://evil.example")
            .buildAsync(URI.create(gateway.webSocketUrl() + "?key=" + DESK_A), new WebSocket.Listener() { }).join());
        assertEquals(403, status(foreign));
        try (WebSocketTestClient allowed = WebSocketTestClient.connect(gateway.webSocketUrl() + "?key=" + DESK_A,
            Map.of("Origin", "https://desk.example")))
        {
            allowed.await((m) -> m.contains("\"type\":\"authenticated\""), 5_000);
        }
        final String setup = "{\"id\":7,\"symbol\":\"SPY\",\"direction\":\"long\",\"entry\":[600.0,600.5],\"stop\":598.5," +
            "\"targets\":[602.0,604.0]}";
        assertEquals(415, post(setup, "text/plain", DESK_A, null).statusCode(), "a form's post, sent without a pre-flight");
        assertEquals(401, post(setup, "application/json", null, null).statusCode());
        assertEquals(403, post(setup, "application/json", DESK_A, "https://evil.example").statusCode());
        final HttpResponse<String> noRight = post(setup, "application/json", SPY_ONLY, null);
        assertEquals(403, noRight.statusCode());
        assertTrue(noRight.body().contains("has no setups right"), noRight.body());
    }

    @Test
    void shouldLetAKeyActOnlyOnItsOwnSetups() throws Exception
    {
        final String setup = "{\"id\":7,\"symbol\":\"SPY\",\"direction\":\"long\",\"entry\":[600.0,600.5],\"stop\":598.5," +
            "\"targets\":[602.0,604.0]}";
        try (WebSocketTestClient deskA = connect("?key=" + DESK_A); WebSocketTestClient deskB = connect("?key=" + DESK_B))
        {
            for (final WebSocketTestClient desk : List.of(deskA, deskB))
            {
                desk.send("{\"op\":\"subscribe\",\"id\":1,\"channels\":[\"setups\"]}");
                desk.await((m) -> m.contains("\"snapshot_end\",\"id\":1"), 5_000);
            }
            final HttpResponse<String> added = post(setup, "application/json", DESK_A, null);
            assertEquals(200, added.statusCode(), added.body());
            deskA.await((m) -> m.contains("\"type\":\"setup\",\"id\":7"), 5_000);

            final HttpResponse<String> stolen = http.send(HttpRequest.newBuilder(URI.create(base() + "/setups/7"))
                .header("Authorization", "Bearer " + DESK_B).DELETE().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, stolen.statusCode());
            assertEquals("{\"error\":\"setup 7 belongs to another key\"}", stolen.body());
            assertEquals("[]", get("/setups", DESK_B), "desk B sees none of desk A's setups");
            assertTrue(get("/setups", DESK_A).contains("\"id\":7"));
            assertTrue(get("/setups", OPS).contains("\"id\":7"), "admin sees all");

            final HttpResponse<String> byAdmin = http.send(HttpRequest.newBuilder(URI.create(base() + "/setups/7"))
                .header("Authorization", "Bearer " + OPS).DELETE().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, byAdmin.statusCode(), byAdmin.body());
            deskA.await((m) -> m.contains("\"to\":\"cancelled\""), 5_000);
            // desk B's next setups message is its own: desk A's two records never reached it
            assertEquals(200, post(setup.replace("\"id\":7", "\"id\":8"), "application/json", DESK_B, null).statusCode());
            final String first = deskB.await((m) -> m.contains("\"type\":\"setup\""), 5_000).text();
            assertTrue(first.contains("\"id\":8"), first);
        }
    }

    /** A 15-minute delayed tier sees a record only once it was received 15 minutes ago by the gateway's clock. */
    @Test
    void shouldServeADelayedTierNothingYoungerThanItsDelay() throws Exception
    {
        final long t1 = now.get();
        records.trade(1, t1 - 20 * MINUTE, 601_000_000L, 100);
        records.trade(1, t1 - 16 * MINUTE, 602_000_000L, 100);
        final long young = records.trade(1, t1 - 10 * MINUTE, 603_000_000L, 100);
        try (WebSocketTestClient late = connect("?key=" + LATE))
        {
            assertTrue(late.await((m) -> m.contains("\"type\":\"authenticated\""), 5_000).text()
                .contains("\"delayMinutes\":15"));
            late.send("{\"op\":\"subscribe\",\"id\":1,\"channels\":[\"trades\"],\"symbols\":[\"SPY\"],\"start\":" +
                (t1 - 30 * MINUTE) + "}");
            late.await((m) -> m.contains("\"price\":602,"), 5_000);
            late.send("{\"op\":\"ping\",\"id\":2}");
            late.await((m) -> m.contains("\"type\":\"pong\""), 5_000); // later duty cycles ran the replay again
            assertTrue(late.all().stream().noneMatch((m) -> m.text().contains("\"price\":603,")),
                "a record received 10 minutes ago is not yet for a 15-minute tier");
            assertTrue(late.all().stream().noneMatch((m) -> m.text().contains("\"snapshot\"")), "no real-time snapshot");
            now.addAndGet(6 * MINUTE);
            assertTrue(late.await((m) -> m.contains("\"price\":603,"), 5_000).text().contains("\"js\":" + young + ","));
            for (final WebSocketTestClient.Message m : late.all())
            {
                if (m.text().contains("\"type\":\"trade\""))
                {
                    assertTrue(number(m.text(), "rt") <= now.get() - 15 * MINUTE, m.text());
                }
            }
        }
    }

    private static long number(final String json, final String field)
    {
        final java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + field + "\":(-?\\d+)").matcher(json);
        assertTrue(m.find(), field + " in " + json);
        return Long.parseLong(m.group(1));
    }

    private static int status(final CompletionException refused)
    {
        return ((WebSocketHandshakeException)refused.getCause()).getResponse().statusCode();
    }

    private WebSocketTestClient connect(final String query) throws InterruptedException
    {
        final WebSocketTestClient client = WebSocketTestClient.connect(gateway.webSocketUrl() + query);
        client.await((m) -> m.contains("\"type\":\"welcome\""), 5_000);
        return client;
    }

    private String base()
    {
        return "http://127.0.0.1:" + gateway.port();
    }

    private HttpResponse<String> post(final String body, final String type, final String key, final String origin)
        throws Exception
    {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/setups"))
            .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null)
        {
            request.header("Authorization", "Bearer " + key);
        }
        if (origin != null)
        {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String get(final String path, final String key) throws Exception
    {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + key)
            .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /**
     * The engine's part, as the evaluator plays it: an add arms the setup under its sender's key, a cancel
     * cancels it, each as a SetupTransition record in the output journal (written on the caller's thread, with
     * its own appender).
     */
    private static final class EngineStandIn implements Consumer<SetupRequest>
    {
        private final OutputRecords records;
        private final Map<Long, Long> owners = new java.util.HashMap<>();
        private JournalAppender appender;

        EngineStandIn(final OutputRecords records)
        {
            this.records = records;
        }

        @Override
        public void accept(final SetupRequest command)
        {
            if (appender == null)
            {
                appender = new JournalAppender(records.journal);
            }
            if (command.isAdd())
            {
                owners.put(command.id(), command.owner());
            }
            final UnsafeBuffer buffer = appender.scratch();
            new SetupTransitionEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
                .eventTime(T0).receiveTime(T0).setupId(command.id()).symbolId(1)
                .fromState(SetupState.ARMED).toState(command.isAdd() ? SetupState.ARMED : SetupState.CANCELLED)
                .price(0).causeIndex(0).entryPrice(0).stop(598_500_000L).target1(602_000_000L).target2(0)
                .rejection(SetupRejection.NONE).owner(owners.get(command.id()));
            appender.appendScratch(MessageHeaderEncoder.ENCODED_LENGTH + SetupTransitionEncoder.BLOCK_LENGTH);
        }
    }
}

package io.tickwire.system;

import io.tickwire.node.NodeContext;
import io.tickwire.node.TickwireNode;
import io.tickwire.config.ConfigException;
import io.tickwire.config.TickwireConfig;
import io.tickwire.model.journal.Journal;
import io.tickwire.replay.JournalComparator;
import io.tickwire.replay.JournalReplayer;
import io.tickwire.simulator.MassiveSimulator;
import io.tickwire.simulator.SimulatorSettings;
import io.tickwire.testing.WebSocketTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static io.tickwire.system.EndToEndTest.decimal;
import static io.tickwire.system.EndToEndTest.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Setups end to end: HTTP in, the desk's WebSocket out, a restart in the middle, and replay across it. */
class SetupsSystemTest
{
    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    private Map<String, String> settings(final MassiveSimulator simulator)
    {
        final Map<String, String> s = FeedHarness.nodeSettings(simulator, dir.resolve("data"), "SPY,QQQ", "T,Q");
        s.put("engine.timerIntervalMs", "50");
        return s;
    }

    private String setups(final TickwireNode node)
    {
        try
        {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.gateway().port() + "/setups"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private HttpResponse<String> post(final TickwireNode process, final String body) throws Exception
    {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + process.gateway().port() + "/setups"))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldCarryASetupFromHttpToTheDeskAcrossARestartAndReplayTheWholeJournal() throws Exception
    {
        try (MassiveSimulator simulator = MassiveSimulator.start(new SimulatorSettings().rate(1_000).apiKey("k")))
        {
            final TickwireConfig config = TickwireConfig.load(null, settings(simulator), Map.of());
            try (TickwireNode first = TickwireNode.launch(new NodeContext().config(config).apiKey("k"));
                WebSocketTestClient desk = WebSocketTestClient.connect(first.gateway().webSocketUrl()))
            {
                desk.send("{\"op\":\"subscribe\",\"channels\":[\"setups\",\"alerts\",\"prices\"],\"symbols\":[\"SPY\"]}");
                final BigDecimal price = new BigDecimal(decimal(desk.await((m) -> m.contains("\"type\":\"price\""),
                    10_000).text(), "price"));
                final HttpResponse<String> bad = post(first, "{\"id\":1,\"symbol\":\"SPY\",\"direction\":\"long\"," +
                    "\"entry\":[600,601],\"stop\":700,\"targets\":[610,620]}");
                assertEquals(400, bad.statusCode());
                assertTrue(bad.body().contains("field 'stop': expected below the entry zone for a long"), bad.body());
                final HttpResponse<String> ok = post(first, "{\"id\":42,\"symbol\":\"SPY\",\"direction\":\"long\"," +
                    "\"entry\":[" + price.subtract(new BigDecimal("0.10")) + "," + price.add(new BigDecimal("0.10")) +
                    "],\"stop\":" + price.subtract(BigDecimal.TEN) + ",\"targets\":[" + price.add(new BigDecimal("50")) +
                    "," + price.add(new BigDecimal("60")) + "],\"confirm\":{\"rule\":\"ticks\",\"n\":1}}");
                assertEquals(200, ok.statusCode(), ok.body());
                assertTrue(ok.body().startsWith("{\"accepted\":true,\"setup\":{\"type\":\"setup\",\"id\":42,") &&
                    ok.body().contains("\"to\":\"armed\""), "the engine's verdict: " + ok.body());
                desk.await((m) -> m.contains("\"type\":\"setup\"") && m.contains("\"to\":\"armed\""), 10_000);
                final String triggered = desk.await((m) -> m.contains("\"to\":\"triggered\""), 20_000).text();
                assertTrue(number(triggered, "cause") > 0, "cites the input journal index of its cause");
                assertTrue(number(triggered, "latencyNs") >= 0, triggered);
                assertTrue(desk.all().stream().anyMatch((m) -> m.text().contains("\"alert\":\"entry_window_opened\"")));
            }
            // a new process on the same data: the setup is restored as it stood, without emitting its past again
            try (TickwireNode second = TickwireNode.launch(new NodeContext().config(config).apiKey("k")))
            {
                assertTrue(second.previousStopWasClean(), "the first run closed: a clean stop");
                final HttpResponse<String> states = http.send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + second.gateway().port() + "/setups")).build(), HttpResponse.BodyHandlers.ofString());
                assertTrue(states.body().contains("\"id\":42") && states.body().contains("\"to\":\"triggered\""),
                    states.body());
                final HttpResponse<String> cancel = http.send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + second.gateway().port() + "/setups/42")).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
                assertEquals(200, cancel.statusCode(), cancel.body());
                assertTrue(cancel.body().contains("\"to\":\"cancelled\""), cancel.body());
                // the restore entered the ring before the cancel could: once the cancel is seen, a re-emitted
                // transition from the restore would already be counted
                FeedHarness.await(() -> setups(second).contains("\"to\":\"cancelled\""), 10_000, "cancelled");
                assertEquals(1, second.counters().setupTransitions.get(), "the restore re-emitted nothing");
            }
        }
        final Path journals = dir.resolve("data/journals");
        final JournalContents output = JournalContents.read(journals.resolve(Journal.OUTPUT));
        assertEquals(2, output.engineStarts, "two runs in one journal");
        final TickwireConfig config = TickwireConfig.load(null, Map.of("engine.dataDir", dir.resolve("data").toString(),
            "engine.timerIntervalMs", "50"), Map.of());
        new JournalReplayer(config).replay(journals.resolve(Journal.INPUT), dir.resolve("replayed"));
        final JournalComparator.Result cmp = JournalComparator.compare(journals.resolve(Journal.OUTPUT), dir.resolve("replayed"));
        assertTrue(cmp.equal(), "replay across the restart: " + cmp.difference());
    }

    @Test
    void shouldCapLiveSetupsTellTheDeskWhyPageThemAndRateLimitTheirCommands() throws Exception
    {
        try (MassiveSimulator simulator = MassiveSimulator.start(new SimulatorSettings().rate(200).apiKey("k")))
        {
            final Map<String, String> s = settings(simulator);
            s.put("setups.maxPerSymbol", "3");
            s.put("gateway.setupCommandsPerSecond", "1000");
            try (TickwireNode node = TickwireNode.launch(new NodeContext().config(TickwireConfig.load(null, s, Map.of()))
                .apiKey("k"));
                WebSocketTestClient desk = WebSocketTestClient.connect(node.gateway().webSocketUrl()))
            {
                desk.send("{\"op\":\"subscribe\",\"channels\":[\"setups\"]}");
                desk.await((m) -> m.contains("\"type\":\"subscribed\""), 5_000);
                for (int id = 1; id <= 4; id++)
                {
                    final HttpResponse<String> r = post(node, "{\"id\":" + id + ",\"symbol\":\"SPY\"," +
                        "\"direction\":\"long\",\"entry\":[1,2],\"stop\":0.5,\"targets\":[3,4]}");
                    assertEquals(id <= 3 ? 200 : 409, r.statusCode(), r.body());
                    assertTrue(id <= 3 || r.body().contains("\"reason\":\"symbol_cap\""), r.body());
                }
                final String refused = desk.await((m) -> m.contains("\"to\":\"rejected\""), 10_000).text();
                assertTrue(refused.contains("\"id\":4") && refused.contains("\"reason\":\"symbol_cap\""), refused);
                FeedHarness.await(() -> setups(node).contains("\"id\":3"), 10_000, "three live setups");
                final String firstPage = page(node, "?limit=2");
                assertTrue(firstPage.contains("\"id\":1") && firstPage.contains("\"id\":2") &&
                    !firstPage.contains("\"id\":3"), firstPage);
                final String nextPage = page(node, "?limit=2&after=2");
                assertTrue(nextPage.contains("\"id\":3") && !nextPage.contains("\"id\":4"), nextPage);
            }
            s.put("gateway.setupCommandsPerSecond", "1");
            s.put("engine.dataDir", dir.resolve("data2").toString());
            try (TickwireNode node = TickwireNode.launch(new NodeContext().config(TickwireConfig.load(null, s, Map.of()))
                .apiKey("k")))
            {
                final String body = "{\"id\":9,\"symbol\":\"SPY\",\"direction\":\"long\",\"entry\":[1,2]," +
                    "\"stop\":0.5,\"targets\":[3,4]}";
                int limited = 0;
                for (int i = 0; i < 5 && limited == 0; i++)
                {
                    final HttpResponse<String> r = post(node, body);
                    if (r.statusCode() == 429)
                    {
                        assertTrue(r.body().contains("at most 1 setup commands a second"), r.body());
                        limited++;
                    }
                }
                assertEquals(1, limited, "a burst beyond the rate is refused with 429");
            }
        }
    }

    private String page(final TickwireNode node, final String query) throws Exception
    {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.gateway().port() + "/setups" +
            query)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void shouldNameTheFileAndTheFieldOfABadSetup() throws Exception
    {
        final Path file = dir.resolve("setups.json");
        Files.writeString(file, "[{\"id\":1,\"symbol\":\"SPY\",\"direction\":\"long\",\"entry\":[600,601],\"stop\":599," +
            "\"targets\":[610,620]},{\"id\":2,\"symbol\":\"SPY\",\"direction\":\"sideways\"}]");
        final Map<String, String> s = new HashMap<>();
        s.put("engine.dataDir", dir.resolve("data").toString());
        s.put("gateway.port", "0");
        s.put("setups.file", file.toString());
        final ConfigException ex = assertThrows(ConfigException.class,
            () -> TickwireNode.launch(new NodeContext().config(TickwireConfig.load(null, s, Map.of())).apiKey("k")));
        assertEquals(file.toString(), ex.source());
        assertTrue(ex.getMessage().contains("setups.file [1].direction") && ex.getMessage().contains("long or short"),
            ex.getMessage());
    }

    @Test
    void shouldAddTheSetupsOfTheSetupsFileAtStart() throws Exception
    {
        final Path file = dir.resolve("setups.json");
        Files.writeString(file, Files.readString(Path.of("../config/setups.example.json")));
        try (MassiveSimulator simulator = MassiveSimulator.start(new SimulatorSettings().rate(100).apiKey("k")))
        {
            final Map<String, String> s = settings(simulator);
            s.put("setups.file", file.toString());
            try (TickwireNode process = TickwireNode.launch(new NodeContext().config(TickwireConfig.load(null, s, Map.of())).apiKey("k")))
            {
                FeedHarness.await(() -> process.counters().setupsAdded.get() == 2, 10_000, "file setups added");
            }
        }
    }
}

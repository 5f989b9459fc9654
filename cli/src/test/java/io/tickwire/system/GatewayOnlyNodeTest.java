package io.tickwire.system;

import io.tickwire.config.TickwireConfig;
import io.tickwire.node.NodeContext;
import io.tickwire.node.TickwireNode;
import io.tickwire.simulator.SimulatorSettings;
import io.tickwire.testing.WebSocketTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tickwire.model.journal.Journal;
import net.openhft.chronicle.queue.ChronicleQueue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A gateway in a node of its own, tailing the output journal an engine node writes (here in the same JVM, as
 * two processes would share the directory): desks get the same snapshot and live trades, and setup commands,
 * which must enter the engine's ring, are refused with 503.
 */
class GatewayOnlyNodeTest
{
    @TempDir
    Path dir;

    @Test
    void shouldServeDesksFromTheEnginesOutputJournal() throws Exception
    {
        try (FeedHarness engine = FeedHarness.start(dir, new SimulatorSettings().rate(500), Map.of()))
        {
            final TickwireConfig config = TickwireConfig.load(null, Map.of("engine.dataDir",
                engine.dataDir.toString(), "gateway.port", "0"), Map.of());
            try (TickwireNode gateway = TickwireNode.launch(new NodeContext().config(config)
                .parts(NodeContext.Parts.GATEWAY));
                TickwireNode second = TickwireNode.launch(new NodeContext().config(config)
                    .parts(NodeContext.Parts.GATEWAY));
                WebSocketTestClient desk = WebSocketTestClient.connect(gateway.gateway().webSocketUrl());
                WebSocketTestClient other = WebSocketTestClient.connect(second.gateway().webSocketUrl()))
            {
                for (final WebSocketTestClient d : java.util.List.of(desk, other)) // two gateways, one journal
                {
                    d.await((m) -> m.contains("\"type\":\"welcome\""), 5_000);
                    d.send("{\"op\":\"subscribe\",\"channels\":[\"trades\"],\"symbols\":[\"SPY\"]}");
                }
                FeedHarness.await(() -> gateway.gateway().ready() && second.gateway().ready(), 10_000, "both ready");
                final long bothLive; // records after this position reach both gateways' desks live
                try (ChronicleQueue output = Journal.openForRead(engine.dataDir.resolve("journals").resolve(Journal.OUTPUT)))
                {
                    bothLive = output.lastIndex();
                }
                final String live = desk.await((m) -> m.contains("\"type\":\"trade\"") && m.contains("\"sym\":\"SPY\"") &&
                    !m.contains("\"snapshot\":true") && js(m) > bothLive, 20_000).text();
                final String js = "\"js\":" + js(live) + ",";
                assertEquals(withoutSeqAndSendTime(live), withoutSeqAndSendTime(other.await((m) -> m.contains(js),
                    20_000).text()), "the same record at the same journal position from both gateways");
                final HttpClient http = HttpClient.newHttpClient();
                final String base = "http://127.0.0.1:" + gateway.gateway().port();
                final HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(base + "/setups"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
                assertEquals(503, post.statusCode());
                assertTrue(post.body().contains("no engine behind this gateway"), post.body());
                FeedHarness.await(() -> gateway.gateway().ready(), 10_000, "caught up with the journal: ready");
            }
        }
    }

    private static String withoutSeqAndSendTime(final String message)
    {
        return message.replaceFirst("^\\{\"seq\":\\d+,", "").replaceAll(",\"gt\":\\d+", "");
    }

    private static long js(final String message)
    {
        final int at = message.indexOf("\"js\":");
        return at < 0 ? -1 : Long.parseLong(message.substring(at + 5, message.indexOf(',', at)));
    }
}

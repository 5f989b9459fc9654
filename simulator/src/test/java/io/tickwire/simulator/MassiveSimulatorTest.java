package io.tickwire.simulator;

import io.tickwire.testing.WebSocketTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MassiveSimulatorTest
{
    private MassiveSimulator simulator;

    @AfterEach
    void stop()
    {
        if (simulator != null)
        {
            simulator.close();
        }
    }

    private WebSocketTestClient connect(final String cluster) throws InterruptedException
    {
        final WebSocketTestClient client = WebSocketTestClient.connect(simulator.url() + "/" + cluster);
        client.await((m) -> m.contains("\"status\":\"connected\""), 5_000);
        return client;
    }

    @Test
    void shouldSpeakMassivesAuthAndSubscribeProtocolWithItsQuirks() throws Exception
    {
        simulator = MassiveSimulator.start(new SimulatorSettings().rate(200).apiKey("k"));
        try (WebSocketTestClient client = connect("stocks"))
        {
            client.send("{\"action\":\"subscribe\",\"params\":\"T.SPY\"}");
            client.await((m) -> m.contains("auth_required"), 5_000);
            client.send("{\"action\":\"auth\",\"params\":\"k\"}");
            client.await((m) -> m.contains("auth_success"), 5_000);
            client.send("{\"action\":\"subscribe\",\"params\":\"T.SPY,Q.SPY,XX.SPY,T.NOPE\"}");
            final String acks = client.await((m) -> m.contains("subscribed to"), 5_000).text();
            assertTrue(acks.contains("subscribed to: T.SPY"));
            assertTrue(acks.contains("subscribed to: Q.SPY"));
            assertTrue(acks.contains("subscribed to: T.NOPE"), "unknown tickers are acknowledged");
            assertFalse(acks.contains("XX.SPY"), "unknown prefixes are ignored without a reply");
            client.await((m) -> m.startsWith("[{") && m.contains("\"sym\":\"SPY\""), 5_000);
            client.send("{\"action\":\"subscribe\",\"params\":\"T.SPY\"}"); // already held: no reply
            client.send("{\"action\":\"unsubscribe\",\"params\":\"T.SPY\"}");
            final String unsubscribed = client.await((m) -> m.contains("unsubscribed to"), 5_000).text();
            assertTrue(unsubscribed.contains("T.SPY"));
            final long heldAcks = client.all().stream()
                .filter((m) -> m.text().contains("\"message\":\"subscribed to: T.SPY\"")).count();
            assertEquals(1, heldAcks, "re-subscribing an item already held gets no reply");
        }
    }

    @Test
    void shouldSendAuthFailedAndDropTheSocketWithoutACloseFrame() throws Exception
    {
        simulator = MassiveSimulator.start(new SimulatorSettings().rate(10).apiKey("right"));
        try (WebSocketTestClient client = connect("indices"))
        {
            client.send("{\"action\":\"auth\",\"params\":\"wrong\"}");
            client.await((m) -> m.contains("auth_failed"), 5_000);
            final long deadline = System.currentTimeMillis() + 5_000;
            while (simulator.sessionCount() > 0 && System.currentTimeMillis() < deadline)
            {
                Thread.sleep(10);
            }
            assertEquals(0, simulator.sessionCount(), "the server dropped the socket");
            Thread.sleep(200);
            final String end = client.closed().getNow("no close seen");
            assertFalse(end.startsWith("close ") && !end.equals("close 1006"), "no close frame, got: " + end);
        }
    }

    @Test
    void shouldServeEveryClusterWithArraysOfSeveralEvents() throws Exception
    {
        simulator = MassiveSimulator.start(new SimulatorSettings().rate(5_000).apiKey("k").maxEventsPerFrame(32));
        for (final String cluster : List.of("stocks", "indices", "options"))
        {
            try (WebSocketTestClient client = connect(cluster))
            {
                client.send("{\"action\":\"auth\",\"params\":\"k\"}");
                client.await((m) -> m.contains("auth_success"), 5_000);
                client.send("{\"action\":\"subscribe\",\"params\":\"T.*,Q.*,V.*\"}");
                final String ev = cluster.equals("indices") ? "\"ev\":\"V\"" : "\"ev\":\"Q\"";
                final String frame = client.await((m) -> m.startsWith("[{") && m.contains(ev) &&
                    m.indexOf("\"ev\"") != m.lastIndexOf("\"ev\""), 5_000).text();
                assertTrue(frame.endsWith("}]"), frame);
            }
        }
    }

    @Test
    void shouldServeTheSameMarketOverRestPageByPage() throws Exception
    {
        simulator = MassiveSimulator.start(new SimulatorSettings().rate(5_000).maxEvents(3_000).apiKey("k"));
        try (WebSocketTestClient client = connect("stocks"))
        {
            client.send("{\"action\":\"auth\",\"params\":\"k\"}");
            client.await((m) -> m.contains("auth_success"), 5_000);
            client.send("{\"action\":\"subscribe\",\"params\":\"T.SPY\"}");
            assertTrue(simulator.awaitFinished(20, java.util.concurrent.TimeUnit.SECONDS));
        }
        final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        final List<String> generated = new java.util.ArrayList<>();
        simulator.history().trades("SPY").forEach((t) -> generated.add(t.tradeId()));
        final List<String> ascending = tradeIds(http, "/v3/trades/SPY?timestamp.gte=0&order=asc&limit=100");
        assertEquals(generated, ascending, "every trade once, in order, page by page");
        final List<String> newestFirst = tradeIds(http, "/v3/trades/SPY?timestamp.gte=0&limit=100"); // Massive's default
        java.util.Collections.reverse(newestFirst);
        assertEquals(generated, newestFirst, "without order: newest first, as Massive serves");
        final String hours = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(simulator.restUrl() +
            "/v2/aggs/ticker/SPY/range/1/hour/0/4102444800000?apiKey=k")).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(hours.contains("\"resultsCount\":1") || hours.contains("\"resultsCount\":2"), hours);
        final String days = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(simulator.restUrl() +
            "/v2/aggs/ticker/SPY/range/1/day/0/4102444800000?apiKey=k")).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(days.contains("\"results\":[{"), days);
        final String last = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
            simulator.restUrl() + "/v2/last/trade/SPY?apiKey=k")).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(last.contains("\"i\":\"" + generated.get(generated.size() - 1) + "\""), last);
        final int unauthorized = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
            simulator.restUrl() + "/v2/last/trade/SPY")).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode();
        assertEquals(401, unauthorized);
    }

    /** Every trade id over the pages of a v3 query, following next_url. */
    private List<String> tradeIds(final java.net.http.HttpClient http, final String query) throws Exception
    {
        final List<String> ids = new java.util.ArrayList<>();
        String url = simulator.restUrl() + query;
        int pages = 0;
        while (url != null)
        {
            final String body = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Authorization", "Bearer k").build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            final java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\":\"(\\d+)\"").matcher(body);
            while (id.find())
            {
                ids.add(id.group(1));
            }
            final java.util.regex.Matcher next = java.util.regex.Pattern.compile("\"next_url\":\"([^\"]+)\"").matcher(body);
            url = next.find() ? next.group(1) : null;
            pages++;
        }
        assertTrue(pages > 2, "several pages: " + pages);
        return ids;
    }

    @Test
    void shouldDisconnectAClientThatReadsTooSlowly() throws Exception
    {
        simulator = MassiveSimulator.start(new SimulatorSettings().rate(400_000).apiKey("k").maxEventsPerFrame(256));
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", simulator.port()))
        {
            socket.setReceiveBufferSize(4096);
            final java.io.OutputStream out = socket.getOutputStream();
            out.write(("GET /stocks HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
                "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            final java.io.InputStream in = socket.getInputStream();
            final StringBuilder response = new StringBuilder();
            while (!response.toString().endsWith("\r\n\r\n"))
            {
                response.append((char)in.read());
            }
            assertTrue(response.toString().startsWith("HTTP/1.1 101"), response.toString());
            out.write(maskedText("{\"action\":\"auth\",\"params\":\"k\"}"));
            out.write(maskedText("{\"action\":\"subscribe\",\"params\":\"T.*,Q.*\"}"));
            out.flush();
            final long registered = System.currentTimeMillis() + 5_000;
            while (simulator.sessionCount() == 0 && System.currentTimeMillis() < registered)
            {
                Thread.sleep(10);
            }
            assertEquals(1, simulator.sessionCount(), "connected");
            Thread.sleep(500);
            assertEquals(1, simulator.sessionCount(), "still connected while it keeps up with nothing yet");
            // never read: the server's buffers fill, and after 2 s of back-pressure it gives up on us
            final long deadline = System.currentTimeMillis() + 20_000;
            while (simulator.sessionCount() > 0 && System.currentTimeMillis() < deadline)
            {
                Thread.sleep(50);
            }
            assertEquals(0, simulator.sessionCount(), "the slow consumer was disconnected");
        }
    }

    private static byte[] maskedText(final String text)
    {
        final byte[] payload = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        final byte[] frame = new byte[2 + 4 + payload.length];
        frame[0] = (byte)0x81;
        frame[1] = (byte)(0x80 | payload.length);
        final byte[] mask = {1, 2, 3, 4};
        System.arraycopy(mask, 0, frame, 2, 4);
        for (int i = 0; i < payload.length; i++)
        {
            frame[6 + i] = (byte)(payload[i] ^ mask[i % 4]);
        }
        return frame;
    }

    @Test
    void shouldProduceTheSameMarketFromTheSameSeed()
    {
        final SimulatedMarket a = new SimulatedMarket(7, 1000, null);
        final SimulatedMarket b = new SimulatedMarket(7, 1000, null);
        final SimulatedMarket c = new SimulatedMarket(8, 1000, null);
        final SimEvent ea = new SimEvent();
        final SimEvent eb = new SimEvent();
        final SimEvent ec = new SimEvent();
        boolean differs = false;
        for (int i = 0; i < 10_000; i++)
        {
            a.next(1_763_730_000_000L + i, ea);
            b.next(1_763_730_000_000L + i, eb);
            c.next(1_763_730_000_000L + i, ec);
            assertEquals(ea.type, eb.type);
            assertEquals(ea.instrument.ticker, eb.instrument.ticker);
            assertEquals(ea.price, eb.price);
            assertEquals(ea.size, eb.size);
            assertEquals(ea.tradeId, eb.tradeId);
            differs |= ea.price != ec.price;
        }
        assertTrue(differs, "another seed gives another market");
    }

    @Test
    void shouldKeepQuotesOnTheTickGridWithRealisticSpreads()
    {
        final SimulatedMarket market = new SimulatedMarket(1, 1000, null);
        final SimEvent e = new SimEvent();
        for (int i = 0; i < 20_000; i++)
        {
            market.next(1_763_730_000_000L + i, e);
            if (e.type == SimEvent.Type.QUOTE)
            {
                assertEquals(0, e.bidPrice % 10_000, "bid on the cent grid");
                assertTrue(e.askPrice > e.bidPrice);
                assertTrue(e.askPrice - e.bidPrice <= 50_000, "spread at most 5 cents");
            }
        }
    }
}

package io.tickwire.gateway;

import io.tickwire.model.Telemetry;
import io.tickwire.codecs.sbe.MessageHeaderEncoder;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import io.tickwire.testing.WebSocketTestClient;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GatewayServerTest
{
    private static final long T0 = OutputRecords.T0;

    @TempDir
    Path dir;

    private OutputRecords records;
    private ChronicleQueue journal;
    private GatewayServer gateway;

    @BeforeEach
    void start()
    {
        records = new OutputRecords(dir.resolve("output"));
        journal = records.journal;
    }

    @AfterEach
    void stop()
    {
        if (gateway != null)
        {
            gateway.close();
        }
        records.close();
    }

    private final List<String> engineProblems = new CopyOnWriteArrayList<>();
    private final CompletableFuture<String> fatal = new CompletableFuture<>();

    private void startGateway(final int throttleMillis)
    {
        startGateway(GatewaySettings.defaults().port(0).pricesThrottleMillis(throttleMillis));
    }

    private void startGateway(final GatewaySettings settings)
    {
        gateway = GatewayServer.start(settings, journal,
            new EngineLink(() -> Map.of("events_published", 3L), () -> Map.of("ring_lag", 2L), () -> List.copyOf(engineProblems), () -> true, null,
                fatal::complete));
    }

    /** SPY defined, a gateway throttling prices to 200 ms, and a desk connected to it. */
    private WebSocketTestClient connectToSpyPrices() throws InterruptedException
    {
        records.symbol(1, "SPY");
        startGateway(200);
        return connect();
    }

    private WebSocketTestClient connect() throws InterruptedException
    {
        final WebSocketTestClient client = WebSocketTestClient.connect(gateway.webSocketUrl());
        client.await((m) -> m.contains("\"type\":\"welcome\""), 5_000);
        return client;
    }

    @Test
    void shouldLeaveNoThreadBehindWhenItsPortIsTaken() throws Exception
    {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            final long before = gatewayThreads();
            final Exception ex = assertThrows(Exception.class, () -> GatewayServer.start(
                GatewaySettings.defaults().port(taken.getLocalPort()), journal, EngineLink.none(fatal::complete)));
            assertTrue(ex instanceof BindException, ex.toString());
            // the I/O group's shutdown completes just before its thread exits: await the exit, bounded
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (gatewayThreads() > before && System.nanoTime() < deadline)
            {
                TimeUnit.MILLISECONDS.sleep(10); // polling an observable condition, bounded above
            }
            assertEquals(before, gatewayThreads(), "no conductor or I/O thread left tailing the journal");
        }
    }

    @Test
    void shouldTakeAnyFreePortWhenAskedAndItsPortIsTaken() throws Exception
    {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            GatewayServer elsewhere = GatewayServer.startOnAnyPortIfTaken(GatewaySettings.defaults()
                .port(taken.getLocalPort()), journal, EngineLink.none(fatal::complete), Telemetry.inMemory()))
        {
            assertTrue(elsewhere.port() > 0 && elsewhere.port() != taken.getLocalPort(), "port " + elsewhere.port());
        }
    }

    private static long gatewayThreads()
    {
        return Thread.getAllStackTraces().keySet().stream()
            .filter((t) -> t.isAlive() && t.getName().startsWith("tickwire-gateway")).count();
    }

    @Test
    void shouldAnswerEveryBadRequestWithAnErrorAndKeepTheSessionUsable() throws Exception
    {
        startGateway(250);
        try (WebSocketTestClient client = connect())
        {
            client.send("this is not json");
            assertEquals("{\"type\":\"error\",\"code\":\"bad_json\",\"message\":\"not valid JSON at character 1: " +
                "requests are JSON objects like {\\\"op\\\":\\\"ping\\\"}\"}",
                client.await((m) -> m.contains("\"type\":\"error\""), 5_000).text(), "in tickwire's words");
            client.send("{\"op\":\"ping\"");
            assertTrue(client.await((m) -> m.contains("\"type\":\"error\""), 5_000).text()
                .contains("\"not valid JSON: the text ends inside a value, at character"));
            client.send("{\"op\":\"dance\",\"id\":1}");
            assertTrue(client.await((m) -> m.contains("error"), 5_000).text().contains("\"code\":\"unknown_op\",\"message\""));
            client.send("{\"op\":\"subscribe\",\"id\":2,\"channels\":[\"nope\"]}");
            assertTrue(client.await((m) -> m.contains("error"), 5_000).text().contains("\"id\":2,\"code\":\"unknown_channel\""));
            client.send("{\"op\":\"subscribe\",\"id\":3}");
            assertTrue(client.await((m) -> m.contains("error"), 5_000).text().contains("\"code\":\"bad_request\""));
            client.send("{\"op\":\"subscribe\",\"channels\":\"trades\"}");
            assertTrue(client.await((m) -> m.contains("error"), 5_000).text().contains("must be an array"));
            client.send("[1,2]");
            assertTrue(client.await((m) -> m.contains("error"), 5_000).text().contains("must be a JSON object"));
            client.sendBinary(new byte[]{1, 2, 3});
            assertTrue(client.await((m) -> m.contains("error"), 5_000).text().contains("binary"));
            client.send("{\"op\":\"ping\",\"pad\":\"" + "x".repeat(70_000) + "\"}");
            assertTrue(client.await((m) -> m.contains("error"), 5_000).text().contains("\"code\":\"too_large\""));
            client.send("{\"op\":\"ping\",\"id\":7}");
            assertTrue(client.await((m) -> m.contains("pong"), 5_000).text().contains("\"id\":7"));
            client.send("{\"op\":\"ping\",\"id\":\"a\\\"b\"}");
            assertTrue(client.await((m) -> m.contains("pong"), 5_000).text().contains("\"id\":\"a\\\"b\""));
        }
        assertEquals(9, gateway.counters().badRequests.get());
    }

    @Test
    void shouldSendASnapshotOnSubscribeThenIncrementsInSequence() throws Exception
    {
        records.symbol(1, "SPY");
        records.trade(1, T0, 600_000_000L, 100);
        records.trade(1, T0 + 1, 600_010_000L, 200);
        records.quote(1, T0 + 2);
        startGateway(250);
        try (WebSocketTestClient client = connect())
        {
            client.send("{\"op\":\"subscribe\",\"id\":1,\"channels\":[\"trades\",\"quotes\"],\"symbols\":[\"SPY\"]}");
            client.await((m) -> m.contains("\"type\":\"subscribed\""), 5_000);
            final String snapTrade = client.await((m) -> m.contains("\"type\":\"trade\""), 5_000).text();
            assertTrue(snapTrade.contains("\"snapshot\":true"), snapTrade);
            assertTrue(snapTrade.contains("\"price\":600.01"), "the last trade, not the first: " + snapTrade);
            assertEquals(1, number(snapTrade, "seq"));
            final String snapQuote = client.await((m) -> m.contains("\"type\":\"quote\""), 5_000).text();
            assertEquals(2, number(snapQuote, "seq"));
            records.trade(1, T0 + 3, 600_020_000L, 300);
            final String live = client.await((m) -> m.contains("\"type\":\"trade\""), 5_000).text();
            assertEquals(3, number(live, "seq"));
            assertTrue(live.contains("\"price\":600.02,\"size\":300"), live);
            assertTrue(!live.contains("snapshot"), live);
        }
    }

    /**
     * Every live message carries its record's output journal position ({@code js}); the snapshots end with
     * {@code snapshot_end} and the position they reflect, so a desk knows where the live stream takes over.
     */
    @Test
    void shouldCarryTheJournalPositionOnLiveMessagesAndEndTheSnapshot() throws Exception
    {
        records.symbol(1, "SPY");
        records.trade(1, T0, 600_000_000L, 100);
        startGateway(250);
        try (WebSocketTestClient client = connect())
        {
            client.send("{\"op\":\"subscribe\",\"id\":7,\"channels\":[\"trades\"],\"symbols\":[\"SPY\"]}");
            final String end = client.await((m) -> m.contains("\"type\":\"snapshot_end\""), 5_000).text();
            assertTrue(end.startsWith("{\"type\":\"snapshot_end\",\"id\":7,\"js\":"), end);
            final long snapshotPosition = number(end, "js");
            assertEquals(journal.lastIndex(), snapshotPosition, "the snapshot reflects the journal up to its end");
            records.trade(1, T0 + 1, 600_010_000L, 200);
            final String live = client.await((m) -> m.contains("\"price\":600.01"), 5_000).text();
            assertEquals(journal.lastIndex(), number(live, "js"), "the live record's journal position");
            assertTrue(number(live, "js") > snapshotPosition);
        }
    }

    /** A desk on a quiet channel still hears from the gateway: a heartbeat whenever nothing went out for a while. */
    @Test
    void shouldSendHeartbeatsOnAnIdleConnection() throws Exception
    {
        records.symbol(1, "SPY");
        startGateway(GatewaySettings.defaults().port(0).heartbeatIntervalMillis(100));
        try (WebSocketTestClient client = connect())
        {
            client.send("{\"op\":\"subscribe\",\"channels\":[\"trades\"],\"symbols\":[\"SPY\"]}");
            client.await((m) -> m.contains("\"type\":\"subscribed\""), 5_000);
            final long heartbeats = 3;
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (client.all().stream().filter((m) -> m.text().contains("\"type\":\"heartbeat\"")).count() < heartbeats)
            {
                assertTrue(System.nanoTime() < deadline, "heartbeats within 5 s: " + client.all());
                TimeUnit.MILLISECONDS.sleep(20); // polling what has arrived, bounded
            }
            final String heartbeat = client.await((m) -> m.contains("\"type\":\"heartbeat\""), 1_000).text();
            assertTrue(heartbeat.matches("\\{\"type\":\"heartbeat\",\"t\":\\d+\\}"), heartbeat);
            assertTrue(gateway.counters().snapshot().get("heartbeats") >= heartbeats);
        }
    }

    /** Limit bands, imbalances and fair values each on their channel: the newest as a snapshot, then live. */

    /**
     * Tickers are normalized and unknown ones named; a repeated subscribe gets a reply, not another snapshot;
     * unsubscribing one ticker from every symbol excludes it.
     */
    @Test
    void shouldSnapshotOnlyWhatIsNewAndExcludeTickersFromEverySymbol() throws Exception
    {
        records.symbol(1, "SPY");
        records.symbol(2, "QQQ");
        records.trade(1, T0, 600_000_000L, 100);
        records.trade(2, T0, 500_000_000L, 100);
        startGateway(250);
        try (WebSocketTestClient desk = connect())
        {
            desk.send("{\"op\":\"subscribe\",\"id\":1,\"channels\":[\"trades\"],\"symbols\":[\" spy\"]}");
            assertEquals("{\"type\":\"subscribed\",\"id\":1,\"channels\":[\"trades\"],\"symbols\":[\"SPY\"]}",
                desk.await((m) -> m.contains("\"type\":\"subscribed\""), 5_000).text());
            desk.await((m) -> m.contains("\"snapshot_end\",\"id\":1"), 5_000);
            desk.send("{\"op\":\"subscribe\",\"id\":2,\"channels\":[\"trades\"],\"symbols\":[\"SPY\",\"iwm\"]}");
            assertTrue(desk.await((m) -> m.contains("\"type\":\"subscribed\""), 5_000).text()
                .endsWith("\"symbols\":[\"SPY\",\"IWM\"],\"unknown\":[\"IWM\"]}"));
            desk.await((m) -> m.contains("\"snapshot_end\",\"id\":2"), 5_000);
            desk.send("{\"op\":\"subscribe\",\"id\":3,\"channels\":[\"trades\"]}");
            desk.await((m) -> m.contains("\"snapshot_end\",\"id\":3"), 5_000);
            final long snapshots = gateway.counters().snapshot().get("snapshot_messages");
            assertEquals(3, snapshots, "SPY once, then SPY and QQQ for every symbol");
            for (int i = 0; i < 50; i++)
            {
                desk.send("{\"op\":\"subscribe\",\"id\":" + (10 + i) + ",\"channels\":[\"trades\"],\"symbols\":[\"*\"]}");
            }
            desk.await((m) -> m.contains("\"snapshot_end\",\"id\":59"), 5_000);
            assertEquals(snapshots, gateway.counters().snapshot().get("snapshot_messages"), "repeats: no snapshot");

            desk.send("{\"op\":\"unsubscribe\",\"id\":4,\"channels\":[\"trades\"],\"symbols\":[\"SPY\"]}");
            desk.await((m) -> m.contains("\"type\":\"unsubscribed\",\"id\":4"), 5_000);
            records.trade(1, T0 + 1, 600_010_000L, 100);
            records.trade(2, T0 + 1, 500_010_000L, 100);
            final String next = desk.await((m) -> m.contains("\"type\":\"trade\"") && !m.contains("snapshot"), 5_000)
                .text();
            assertTrue(next.contains("\"sym\":\"QQQ\""), "SPY is excluded, so QQQ's trade comes first: " + next);
        }
    }

    /** A desk that sends nothing past the client timeout is closed with 4001 and told why; a pinging one stays. */
    @Test
    void shouldCloseASilentDeskWithAReasonAndKeepAPingingOne() throws Exception
    {
        startGateway(GatewaySettings.defaults().port(0).heartbeatIntervalMillis(50).clientTimeoutMillis(400));
        try (WebSocketTestClient silent = connect(); WebSocketTestClient pinging = connect())
        {
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!silent.closed().isDone())
            {
                assertTrue(System.nanoTime() < deadline, "the silent desk closed within 5 s");
                pinging.send("{\"op\":\"ping\"}");
                TimeUnit.MILLISECONDS.sleep(50); // the pinging desk's cadence, well inside the timeout
            }
            assertTrue(silent.await((m) -> m.contains("\"type\":\"closing\""), 1_000).text()
                .contains("\"code\":4001,\"reason\":\"no request from the desk for 400 ms"), silent.all().toString());
            assertTrue(silent.closed().get(1, TimeUnit.SECONDS).startsWith("close 4001 no request from the desk"));
            assertFalse(pinging.closed().isDone(), "the pinging desk is still connected");
            assertEquals(1, gateway.counters().snapshot().get("silent_clients_closed"));
        }
    }
    @Test
    void shouldServeLimitBandsImbalancesAndFairValues() throws Exception
    {
        records.symbol(1, "SPY");
        final MarketEvent bands = OutputRecords.event(EventType.LIMIT_BANDS, 1, T0);
        bands.upperLimit = 630_250_000L;
        bands.lowerLimit = 570_150_000L;
        records.write(bands);
        startGateway(250);
        try (WebSocketTestClient client = connect())
        {
            client.send("{\"op\":\"subscribe\",\"channels\":[\"luld\",\"imbalances\",\"fmv\"],\"symbols\":[\"SPY\"]}");
            final String snapshot = client.await((m) -> m.contains("\"type\":\"luld\""), 5_000).text();
            assertTrue(snapshot.contains("\"up\":630.25,\"down\":570.15") && snapshot.contains("\"snapshot\":true"),
                snapshot);
            final MarketEvent noi = OutputRecords.event(EventType.IMBALANCE, 1, T0 + 1);
            noi.auctionTime = 1600;
            noi.auctionType = 'C';
            noi.imbalance = 48_000_000_000L;
            noi.pairedQuantity = 44_000_000_000L;
            noi.clearingPrice = 600_030_000L;
            records.write(noi);
            final String imbalance = client.await((m) -> m.contains("\"type\":\"imbalance\""), 5_000).text();
            assertTrue(imbalance.contains("\"auctionTime\":1600,\"auctionType\":\"C\",\"imbalance\":48000," +
                "\"paired\":44000,\"clearingPrice\":600.03"), imbalance);
            final MarketEvent fmv = OutputRecords.event(EventType.FAIR_VALUE, 1, T0 + 2);
            fmv.price = 600_021_000L;
            records.write(fmv);
            final String value = client.await((m) -> m.contains("\"type\":\"fmv\""), 5_000).text();
            assertTrue(value.contains("\"fmv\":600.021") && !value.contains("snapshot"), value);
        }
    }

    /** A gateway restarted on the same journal rebuilds the same caches: a desk gets the snapshots it got before. */
    @Test
    void shouldSendTheSameSnapshotsAfterARestart() throws Exception
    {
        records.symbol(1, "SPY");
        records.symbol(2, "QQQ");
        records.trade(1, T0, 600_000_000L, 100);
        records.trade(2, T0 + 1, 500_000_000L, 100);
        records.quote(1, T0 + 2);
        records.trade(1, T0 + 3, 600_010_000L, 200);
        records.bar(1, T0);
        startGateway(250);
        final List<String> before = snapshots();
        gateway.close();
        startGateway(250);
        final List<String> after = snapshots();
        assertEquals(4, before.size(), "two trades, a quote, a bar: " + before);
        assertEquals(before, after);
    }

    /** Subscribes a new desk to trades, quotes and 1 s bars of SPY and QQQ: its snapshots, without their seq. */
    private List<String> snapshots() throws Exception
    {
        try (WebSocketTestClient client = connect())
        {
            client.send("{\"op\":\"subscribe\",\"channels\":[\"trades\",\"quotes\",\"bars.1s\"],\"symbols\":[\"SPY\",\"QQQ\"]}");
            client.await((m) -> m.contains("\"type\":\"bar\""), 5_000);
            return client.all().stream().map(WebSocketTestClient.Message::text)
                .filter((m) -> m.contains("\"snapshot\":true")).map((m) -> m.replaceFirst("\"seq\":\\d+,", ""))
                .toList();
        }
    }

    /** A desk that connects while the gateway is still reading its journal gets history only as a snapshot. */
    @Test
    void shouldNeverSendHistoryAsLive() throws Exception
    {
        records.symbol(1, "SPY");
        for (int i = 0; i < 100_000; i++)
        {
            records.trade(1, T0 + i, 600_000_000L + i, 100);
        }
        startGateway(250);
        try (WebSocketTestClient client = WebSocketTestClient.connect(gateway.webSocketUrl()))
        {
            client.send("{\"op\":\"subscribe\",\"channels\":[\"trades\"],\"symbols\":[\"SPY\"]}");
            final String snapshot = client.await((m) -> m.contains("\"type\":\"trade\""), 10_000).text();
            assertTrue(snapshot.contains("\"snapshot\":true") && snapshot.contains("\"price\":600.099999"),
                "the last of the history, as a snapshot: " + snapshot);
            records.trade(1, T0 + 200_000, 700_000_000L, 300);
            client.await((m) -> m.contains("\"price\":700,"), 10_000);
            final long history = client.all().stream().map(WebSocketTestClient.Message::text)
                .filter((m) -> m.contains("\"type\":\"trade\"") && !m.contains("\"price\":700,")).count();
            assertEquals(1, history, "one snapshot, no history as live");
        }
    }

    @Test
    void shouldResolveTickersThatAppearAfterTheSubscription() throws Exception
    {
        startGateway(250);
        try (WebSocketTestClient client = connect())
        {
            client.send("{\"op\":\"subscribe\",\"channels\":[\"bars.1s\",\"status\"],\"symbols\":[\"QQQ\"]}");
            client.await((m) -> m.contains("\"type\":\"subscribed\""), 5_000);
            records.symbol(2, "QQQ");
            records.bar(2, T0);
            final String bar = client.await((m) -> m.contains("\"type\":\"bar\""), 5_000).text();
            assertTrue(bar.contains("\"sym\":\"QQQ\",\"tf\":\"1s\",\"kind\":\"quiet\",\"rev\":0"), bar);
            assertTrue(bar.contains("\"o\":520.5,\"h\":520.5,\"l\":520.5,\"c\":520.5,\"v\":0"), bar);
            records.status();
            final String status = client.await((m) -> m.contains("\"type\":\"status\""), 5_000).text();
            assertTrue(status.contains("\"cluster\":\"indices\",\"state\":\"up\",\"code\":\"auth_success\""), status);
        }
    }

    @Test
    void shouldPublishMetricsPairsAndTheRegime() throws Exception
    {
        records.symbol(1, "SPY");
        records.symbol(2, "I:SPX");
        startGateway(250);
        try (WebSocketTestClient client = connect())
        {
            client.send("{\"op\":\"subscribe\",\"channels\":[\"metrics.1m\",\"regime\"],\"symbols\":[\"SPY\"]}");
            client.await((m) -> m.contains("\"type\":\"subscribed\""), 5_000);
            final UnsafeBuffer buffer = records.appender.scratch();
            new io.tickwire.codecs.sbe.BarMetricsEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
                .eventTime(T0).receiveTime(T0).symbolId(1).timeframeMillis(60_000).startTime(T0).endTime(T0 + 60_000_000_000L)
                .thrust(1.5).atr(0.25).pathEfficiency(0.5).realizedVolatility(0.001).spread(0.01).spreadBps(0.17)
                .quoteRate(12).orderFlowImbalance(-300).vpin(Double.NaN);
            records.appender.appendScratch(MessageHeaderEncoder.ENCODED_LENGTH + io.tickwire.codecs.sbe.BarMetricsEncoder.BLOCK_LENGTH);
            final String metrics = client.await((m) -> m.contains("\"type\":\"metrics\""), 5_000).text();
            assertTrue(metrics.contains("\"sym\":\"SPY\",\"tf\":\"1m\""), metrics);
            assertTrue(metrics.contains("\"thrust\":1.5,\"atr\":0.25"), metrics);
            assertTrue(metrics.contains("\"vpin\":null"), "NaN is null in JSON: " + metrics);
            new io.tickwire.codecs.sbe.PairMetricsEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
                .eventTime(T0).receiveTime(T0).etfSymbolId(1).indexSymbolId(2).timeframeMillis(60_000).startTime(T0)
                .endTime(T0 + 60_000_000_000L).etfReturn(0.001).indexReturn(0.0008).divergence(0.4).correlation(0.9)
                .beta(1.1);
            records.appender.appendScratch(MessageHeaderEncoder.ENCODED_LENGTH + io.tickwire.codecs.sbe.PairMetricsEncoder.BLOCK_LENGTH);
            final String pair = client.await((m) -> m.contains("\"type\":\"pair\""), 5_000).text();
            assertTrue(pair.contains("\"etf\":\"SPY\",\"index\":\"I:SPX\""), pair);
            new io.tickwire.codecs.sbe.MarketRegimeEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
                .eventTime(T0).receiveTime(T0).timeframeMillis(60_000).startTime(T0).endTime(T0 + 60_000_000_000L)
                .trend(io.tickwire.codecs.sbe.Trend.BULL).riskScore(0.6).basketReturn(0.0005).basketSize(6);
            records.appender.appendScratch(MessageHeaderEncoder.ENCODED_LENGTH + io.tickwire.codecs.sbe.MarketRegimeEncoder.BLOCK_LENGTH);
            final String regime = client.await((m) -> m.contains("\"type\":\"regime\""), 5_000).text();
            assertTrue(regime.contains("\"trend\":\"bull\",\"riskScore\":0.6"), regime);
        }
    }

    @Test
    void shouldThrottlePricesPerSymbolWithTheLatestWinning() throws Exception
    {
        try (WebSocketTestClient client = connectToSpyPrices())
        {
            client.send("{\"op\":\"subscribe\",\"channels\":[\"prices\"],\"symbols\":[\"SPY\"]}");
            final List<WebSocketTestClient.Message> prices = pricesOfSixtyTrades(client);
            assertTrue(prices.size() >= 3 && prices.size() <= 8, "about 60 x 15 ms / 200 ms updates, got " + prices.size());
            assertApart(prices, 150);
            assertTrue(gateway.counters().pricesConflated.get() > 0);
        }
    }

    /** A desk picks its own throttle within the gateway's bounds. */
    @Test
    void shouldLetADeskChooseItsPricesThrottleWithinBounds() throws Exception
    {
        try (WebSocketTestClient client = connectToSpyPrices())
        {
            client.send("{\"op\":\"subscribe\",\"id\":1,\"channels\":[\"prices\"],\"throttleMs\":5}");
            assertTrue(client.await((m) -> m.contains("\"type\":\"error\""), 5_000).text().contains(
                "'throttleMs' 5 is below this gateway's least, 50 (gateway.pricesThrottleMinMs)"));
            client.send("{\"op\":\"subscribe\",\"channels\":[\"prices\"],\"symbols\":[\"SPY\"],\"throttleMs\":600}");
            final List<WebSocketTestClient.Message> prices = pricesOfSixtyTrades(client);
            assertTrue(prices.size() >= 1 && prices.size() <= 3, "about 60 x 15 ms / 600 ms updates, got " + prices.size());
            assertApart(prices, 500);
        }
    }

    /** Sixty SPY trades 15 ms apart; @return the price messages, once the last price has arrived. */
    private List<WebSocketTestClient.Message> pricesOfSixtyTrades(final WebSocketTestClient client) throws Exception
    {
        client.await((m) -> m.contains("\"type\":\"subscribed\""), 5_000);
        long last = 0;
        for (int i = 1; i <= 60; i++)
        {
            last = 600_000_000L + i * 10_000L;
            records.trade(1, T0 + i, last, 1);
            Thread.sleep(15);
        }
        final String lastPrice = "\"price\":" + io.tickwire.model.FixedPoint.toString(last) + ",";
        client.await((m) -> m.contains(lastPrice), 3_000);
        final List<WebSocketTestClient.Message> prices = new ArrayList<>();
        for (final WebSocketTestClient.Message m : client.all())
        {
            if (m.text().contains("\"type\":\"price\""))
            {
                prices.add(m);
            }
        }
        return prices;
    }

    private static void assertApart(final List<WebSocketTestClient.Message> prices, final long leastMillis)
    {
        for (int i = 1; i < prices.size(); i++)
        {
            final long gapMillis = (prices.get(i).receivedNanos() - prices.get(i - 1).receivedNanos()) / 1_000_000;
            assertTrue(gapMillis >= leastMillis, "updates " + gapMillis + " ms apart");
        }
    }

    @Test
    void shouldServeHealthAndStatsOverHttp() throws Exception
    {
        startGateway(250);
        final HttpClient http = HttpClient.newHttpClient();
        final String base = "http://127.0.0.1:" + gateway.port();
        final HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        assertTrue(health.body().startsWith("{\"status\":\"ok\""), health.body());
        final HttpResponse<String> stats = http.send(HttpRequest.newBuilder(URI.create(base + "/stats")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertTrue(stats.body().contains("\"engine\":{\"events_published\":3}"), stats.body());
        final HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create(base + "/nope")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(404, missing.statusCode());
    }

    @Test
    void shouldAnswer503WithEveryReasonWhileTheNodeIsNotWell() throws Exception
    {
        startGateway(250);
        final HttpClient http = HttpClient.newHttpClient();
        final URI health = URI.create("http://127.0.0.1:" + gateway.port() + "/health");
        engineProblems.add("feed stocks is DOWN");
        engineProblems.add("disk low on /data: 900 MiB free, below disk.warnBelowMb 2048");
        final HttpResponse<String> failing = http.send(HttpRequest.newBuilder(health).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(503, failing.statusCode());
        assertTrue(failing.body().startsWith("{\"status\":\"failing\",\"reasons\":[\"feed stocks is DOWN\"," +
            "\"disk low on /data: 900 MiB free, below disk.warnBelowMb 2048\"]"), failing.body());
        engineProblems.clear();
        assertEquals(200, http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString())
            .statusCode());
    }

    @Test
    void shouldRateLimitADesksRequestsAndSaySo() throws Exception
    {
        gateway = GatewayServer.start(GatewaySettings.defaults().port(0).rateLimits(2, 50), journal,
            EngineLink.none(fatal::complete));
        final WebSocketTestClient desk = connect();
        for (int i = 0; i < 6; i++)
        {
            desk.send("{\"op\":\"ping\",\"id\":" + i + "}");
        }
        desk.await((m) -> m.contains("\"code\":\"rate_limited\"") && m.contains("at most 2 requests a second"), 5_000);
        assertTrue(gateway.counters().snapshot().get("rate_limited") > 0);
    }

    @Test
    void shouldTellEveryDeskWhyTheNodeFailedAndCloseWith1011() throws Exception
    {
        startGateway(250);
        final WebSocketTestClient desk = connect();
        gateway.failDesks("disk full on /data: 12 MiB free, needs 256 MiB (disk.stopBelowMb)");
        desk.await((m) -> m.equals("{\"type\":\"status\",\"state\":\"failed\",\"reason\":\"disk full on /data: " +
            "12 MiB free, needs 256 MiB (disk.stopBelowMb)\"}"), 5_000);
        assertEquals("close 1011 disk full on /data: 12 MiB free, needs 256 MiB (disk.stopBelowMb)",
            desk.closed().get(5, TimeUnit.SECONDS));
    }

    private static long number(final String json, final String field)
    {
        final Matcher m = Pattern.compile("\"" + field + "\":(-?\\d+)").matcher(json);
        assertTrue(m.find(), field + " in " + json);
        return Long.parseLong(m.group(1));
    }
}

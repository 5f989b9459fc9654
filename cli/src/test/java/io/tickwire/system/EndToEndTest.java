package io.tickwire.system;

import io.tickwire.node.NodeContext;
import io.tickwire.node.TickwireNode;
import io.tickwire.config.TickwireConfig;
import io.tickwire.model.EngineCounters;
import io.tickwire.model.FixedPoint;
import io.tickwire.model.journal.Journal;
import io.tickwire.replay.JournalComparator;
import io.tickwire.replay.JournalReplayer;
import io.tickwire.replay.UpstreamBarComparator;
import io.tickwire.simulator.GroundTruth;
import io.tickwire.simulator.MassiveSimulator;
import io.tickwire.simulator.SimulatorSettings;
import io.tickwire.testing.WebSocketTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole path on loopback: simulator → WebSocket → engine (ring, journals) → gateway → a desk's WebSocket
 * client. Everything the desk sees and everything journaled is checked against the simulator's ground
 * truth, recomputed independently here; then the input journal is replayed in both threading layouts and
 * must reproduce the live output journal byte for byte.
 */
class EndToEndTest
{
    private static final long MS = 1_000_000L;

    @TempDir
    Path dir;

    @Test
    void shouldCarryEveryTickFromTheSimulatorToADeskJournaledAndReplayable() throws Exception
    {
        final Map<String, String> settings = new HashMap<>();
        settings.put("engine.dataDir", dir.resolve("data").toString());
        settings.put("gateway.port", "0");
        settings.put("gateway.pricesThrottleMs", "250");
        settings.put("engine.timerIntervalMs", "50");
        settings.put("engine.threading", "shared");

        final List<WebSocketTestClient.Message> deskMessages;
        final GroundTruth truth;
        try (MassiveSimulator simulator = MassiveSimulator.start(new SimulatorSettings()
            .rate(2_000).maxEvents(6_000).maxEventsPerFrame(16).apiKey("test-key").seed(11).recordGroundTruth(true)
            .startAfterSubscribers(3))) // all three clusters see the stream from its first event
        {
            settings.put("feed.url", simulator.url());
            final TickwireConfig config = TickwireConfig.load(null, settings, Map.of());
            try (TickwireNode process = TickwireNode.launch(new NodeContext().config(config).apiKey("test-key"));
                WebSocketTestClient desk = WebSocketTestClient.connect(process.gateway().webSocketUrl()))
            {
                desk.send("{\"op\":\"subscribe\",\"id\":1,\"channels\":[\"trades\",\"prices\",\"bars.1s\",\"status\"]," +
                    "\"symbols\":[\"SPY\"]}");
                desk.await((m) -> m.contains("\"type\":\"subscribed\""), 10_000);
                assertTrue(simulator.awaitFinished(60, TimeUnit.SECONDS), "the simulator sent its stream");
                truth = simulator.groundTruth();
                final EngineCounters counters = process.counters();
                final long expectedTrades = truth.trades().size();
                waitFor(() -> counters.tradesAccepted.get() == expectedTrades, 20_000, "all trades reached the ring");
                final GroundTruth.Trade lastSpy = last(truth.trades(), "SPY");
                final String lastPrice = "\"price\":" + FixedPoint.toString(lastSpy.price()) + ",";
                desk.await((m) -> m.contains("\"type\":\"price\"") && m.contains(lastPrice), 5_000);
                final long lastSpyEnd = (lastSpy.timeMillis() / 1000 + 1) * 1000 * MS;
                desk.await((m) -> m.contains("\"type\":\"bar\"") && number(m, "start") == lastSpyEnd - 1000 * MS, 10_000);
                assertEquals(0, counters.duplicateTrades.get(), "the simulator sent no duplicates");
                assertEquals(0, counters.deadLetters.get());
                assertEquals(0, counters.ringFullEvents.get());
                deskMessages = desk.all();
            }
        }

        checkDeskTrades(deskMessages, truth);
        checkDeskPrices(deskMessages, truth);
        checkDeskBars(deskMessages, truth);
        assertTrue(deskMessages.stream().anyMatch((m) -> m.text().contains("\"type\":\"status\"") &&
            m.text().contains("\"state\":\"up\"")), "the status channel reported the feed up");

        final Path data = dir.resolve("data").resolve("journals");
        checkInputJournalHoldsEverythingSent(JournalContents.read(data.resolve(Journal.INPUT)), truth);

        final UpstreamBarComparator.Result upstream = UpstreamBarComparator.compare(data.resolve(Journal.OUTPUT));
        assertEquals(0, upstream.differing(), "tickwire's bars agree with the feed's own A/AM bars: " + upstream.examples());
        assertTrue(upstream.matched() > 10, "compared " + upstream.matched() + " bars");

        final TickwireConfig config = TickwireConfig.load(null, settings, Map.of());
        final JournalReplayer.Result shared = new JournalReplayer(config).replay(data.resolve(Journal.INPUT),
            dir.resolve("replay-shared"));
        assertTrue(shared.outputRecords() > truth.trades().size());
        final JournalComparator.Result sharedCompare =
            JournalComparator.compare(data.resolve(Journal.OUTPUT), dir.resolve("replay-shared"));
        assertTrue(sharedCompare.equal(), sharedCompare.difference());

        final TickwireConfig dedicated = config.with(Map.of("engine.threading", "dedicated", "engine.waitStrategy", "blocking"));
        new JournalReplayer(dedicated).replay(data.resolve(Journal.INPUT), dir.resolve("replay-dedicated"));
        final JournalComparator.Result dedicatedCompare =
            JournalComparator.compare(data.resolve(Journal.OUTPUT), dir.resolve("replay-dedicated"));
        assertTrue(dedicatedCompare.equal(), dedicatedCompare.difference());
        assertEquals(sharedCompare.recordsCompared(), dedicatedCompare.recordsCompared());
    }

    /** After the snapshot, the desk sees every SPY trade, in order, exactly as sent. */
    private static void checkDeskTrades(final List<WebSocketTestClient.Message> messages, final GroundTruth truth)
    {
        final List<String> seen = new ArrayList<>();
        for (final WebSocketTestClient.Message m : messages)
        {
            if (m.text().contains("\"type\":\"trade\"") && !m.text().contains("snapshot"))
            {
                seen.add(text(m.text(), "id") + "@" + decimal(m.text(), "price") + "x" + decimal(m.text(), "size"));
            }
        }
        final List<String> sent = new ArrayList<>();
        for (final GroundTruth.Trade t : truth.trades())
        {
            if (t.ticker().equals("SPY"))
            {
                sent.add(t.tradeId() + "@" + FixedPoint.toString(t.price()) + "x" + FixedPoint.toString(t.size()));
            }
        }
        assertTrue(seen.size() > 100, "the desk saw " + seen.size() + " trades");
        assertEquals(sent.subList(sent.size() - seen.size(), sent.size()), seen);
    }

    /** Prices: at most one per 250 ms per symbol, each a real SPY trade price, the last one the last trade's. */
    private static void checkDeskPrices(final List<WebSocketTestClient.Message> messages, final GroundTruth truth)
    {
        final List<WebSocketTestClient.Message> prices = new ArrayList<>();
        for (final WebSocketTestClient.Message m : messages)
        {
            if (m.text().contains("\"type\":\"price\"") && !m.text().contains("snapshot"))
            {
                prices.add(m);
            }
        }
        final List<String> spyPrices = new ArrayList<>();
        truth.trades().stream().filter((t) -> t.ticker().equals("SPY"))
            .forEach((t) -> spyPrices.add(FixedPoint.toString(t.price())));
        assertTrue(prices.size() >= 5, "got " + prices.size() + " price updates over ~3 s");
        for (int i = 0; i < prices.size(); i++)
        {
            assertTrue(spyPrices.contains(decimal(prices.get(i).text(), "price")));
            if (i > 0)
            {
                final long gap = (prices.get(i).receivedNanos() - prices.get(i - 1).receivedNanos()) / MS;
                assertTrue(gap >= 200, "price updates " + gap + " ms apart");
            }
        }
        assertEquals(spyPrices.get(spyPrices.size() - 1), decimal(prices.get(prices.size() - 1).text(), "price"));
    }

    /** Every 1 s bar the desk got equals one recomputed from the ground truth (quiet where nothing traded). */
    private static void checkDeskBars(final List<WebSocketTestClient.Message> messages, final GroundTruth truth)
    {
        final TreeMap<Long, List<GroundTruth.Trade>> windows = new TreeMap<>();
        for (final GroundTruth.Trade t : truth.trades())
        {
            if (t.ticker().equals("SPY"))
            {
                windows.computeIfAbsent(t.timeMillis() / 1000 * 1000 * MS, (k) -> new ArrayList<>()).add(t);
            }
        }
        int normal = 0;
        for (final WebSocketTestClient.Message m : messages)
        {
            final String bar = m.text();
            if (!bar.contains("\"type\":\"bar\"") || bar.contains("snapshot"))
            {
                continue;
            }
            final long start = number(bar, "start");
            final List<GroundTruth.Trade> trades = windows.get(start);
            if (trades == null)
            {
                assertTrue(bar.contains("\"kind\":\"quiet\""), bar);
                final List<GroundTruth.Trade> earlier = windows.lowerEntry(start).getValue();
                GroundTruth.Trade before = null;
                for (final GroundTruth.Trade t : earlier)
                {
                    before = t.conditions().contains(37) ? before : t;
                }
                if (before != null)
                {
                    assertEquals(FixedPoint.toString(before.price()), decimal(bar, "c"), "quiet bar carries the close");
                }
                continue;
            }
            normal++;
            long high = Long.MIN_VALUE;
            long low = Long.MAX_VALUE;
            long volume = 0;
            double notional = 0;
            final List<GroundTruth.Trade> priced = new ArrayList<>();
            for (final GroundTruth.Trade t : trades)
            {
                if (!t.conditions().contains(37)) // odd lots count in volume but do not set the price
                {
                    high = Math.max(high, t.price());
                    low = Math.min(low, t.price());
                    priced.add(t);
                }
                volume += t.size();
                notional += FixedPoint.toDouble(t.price()) * FixedPoint.toDouble(t.size());
            }
            if (priced.isEmpty())
            {
                continue; // only odd lots: the price stays at the carried close
            }
            final long vwap = Math.round(notional / FixedPoint.toDouble(volume) * FixedPoint.SCALE);
            // the first window began before the feed's first data: partial, though the simulator had sent nothing yet
            assertTrue(bar.contains("\"kind\":\"normal\"") || bar.contains("\"kind\":\"partial\""), bar);
            assertEquals(FixedPoint.toString(priced.get(0).price()), decimal(bar, "o"), bar);
            assertEquals(FixedPoint.toString(high), decimal(bar, "h"), bar);
            assertEquals(FixedPoint.toString(low), decimal(bar, "l"), bar);
            assertEquals(FixedPoint.toString(priced.get(priced.size() - 1).price()), decimal(bar, "c"), bar);
            assertEquals(FixedPoint.toString(volume), decimal(bar, "v"), bar);
            assertEquals(FixedPoint.toString(vwap), decimal(bar, "vwap"), bar);
            assertEquals(trades.size(), number(bar, "n"), bar);
        }
        assertTrue(normal >= 2, "the desk got " + normal + " normal SPY bars");
    }

    /** Nothing the simulator sent is missing from the input journal, nothing is doubled. */
    private static void checkInputJournalHoldsEverythingSent(final JournalContents input, final GroundTruth truth)
    {
        final List<JournalContents.Trade> sentTrades = new ArrayList<>();
        for (final GroundTruth.Trade t : truth.trades())
        {
            sentTrades.add(new JournalContents.Trade(t.ticker(), t.timeMillis() * MS, t.price(), t.size(),
                t.exchange(), t.trfId(), t.tradeId(), t.sequence()));
        }
        final Comparator<JournalContents.Trade> byAll = Comparator.comparing(JournalContents.Trade::toString);
        final List<JournalContents.Trade> journaled = new ArrayList<>(input.trades);
        sentTrades.sort(byAll);
        journaled.sort(byAll);
        assertEquals(sentTrades, journaled);

        final List<String> sentQuotes = new ArrayList<>();
        truth.quotes().forEach((q) -> sentQuotes.add(new JournalContents.Quote(q.ticker(), q.timeMillis() * MS,
            q.bidPrice(), q.askPrice(), q.bidSize(), q.askSize()).toString()));
        final List<String> journaledQuotes = new ArrayList<>();
        input.quotes.forEach((q) -> journaledQuotes.add(q.toString()));
        sentQuotes.sort(String::compareTo);
        journaledQuotes.sort(String::compareTo);
        assertEquals(sentQuotes, journaledQuotes);

        final List<String> sentValues = new ArrayList<>();
        truth.indexValues().forEach((v) -> sentValues.add(
            new JournalContents.IndexValue(v.ticker(), v.timeMillis() * MS, v.value()).toString()));
        final List<String> journaledValues = new ArrayList<>();
        input.indexValues.forEach((v) -> journaledValues.add(v.toString()));
        sentValues.sort(String::compareTo);
        journaledValues.sort(String::compareTo);
        assertEquals(sentValues, journaledValues);
        assertTrue(input.timerTicks > 0, "timer ticks are journaled inputs");
        assertTrue(input.aggregates > 0, "upstream A/AM bars are journaled");
    }

    private static GroundTruth.Trade last(final List<GroundTruth.Trade> trades, final String ticker)
    {
        GroundTruth.Trade last = null;
        for (final GroundTruth.Trade t : trades)
        {
            if (t.ticker().equals(ticker))
            {
                last = t;
            }
        }
        return last;
    }

    private static void waitFor(final BooleanSupplier condition, final long millis, final String what)
        throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean())
        {
            if (System.currentTimeMillis() > deadline)
            {
                throw new AssertionError("timed out waiting: " + what);
            }
            Thread.sleep(20);
        }
    }

    static long number(final String json, final String field)
    {
        final Matcher m = Pattern.compile("\"" + field + "\":(-?\\d+)[,}]").matcher(json);
        assertTrue(m.find(), field + " in " + json);
        return Long.parseLong(m.group(1));
    }

    static String decimal(final String json, final String field)
    {
        final Matcher m = Pattern.compile("\"" + field + "\":(-?[0-9.]+)[,}]").matcher(json);
        assertTrue(m.find(), field + " in " + json);
        return m.group(1);
    }

    static String text(final String json, final String field)
    {
        final Matcher m = Pattern.compile("\"" + field + "\":\"([^\"]*)\"").matcher(json);
        assertTrue(m.find(), field + " in " + json);
        return m.group(1);
    }
}

package io.tickwire.simulator;

import io.tickwire.massive.MassiveFrameDecoder;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import io.tickwire.model.event.StagedBatch;
import io.tickwire.model.symbols.SymbolTable;
import io.tickwire.testing.WebSocketTestClient;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToLongFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every event the simulator serves, on every channel of the three clusters, read by the engine's own decoder:
 * nothing rejected, and every field Massive documents for each event arrives (non-zero at least once). A field
 * the simulator left out would be a field the engine was never tested on.
 */
class ServedFieldsTest
{
    /** Per event type, the fields that must arrive, by name. */
    private static final Map<Integer, Map<String, ToLongFunction<MarketEvent>>> FIELDS = Map.of(
        EventType.TRADE, new Fields()
            .f("exchange", (e) -> e.exchange)
            .f("tape", (e) -> e.tape)
            .f("price", (e) -> e.price)
            .f("size", (e) -> e.size)
            .f("q", (e) -> e.sequence)
            .f("id", (e) -> e.textLength)
            .f("c", (e) -> e.conditionCount)
            .f("pt", (e) -> e.participantTime)
            .f("trfi", (e) -> e.trfId)
            .f("trft", (e) -> e.trfTime).map,
        EventType.QUOTE, new Fields()
            .f("bx", (e) -> e.bidExchange)
            .f("ax", (e) -> e.askExchange)
            .f("bp", (e) -> e.bidPrice)
            .f("ap", (e) -> e.askPrice)
            .f("bs", (e) -> e.bidSize)
            .f("as", (e) -> e.askSize)
            .f("z", (e) -> e.tape)
            .f("c", (e) -> e.condition)
            .f("i", (e) -> e.indicatorCount)
            .f("q", (e) -> e.sequence).map,
        EventType.AGGREGATE, new Fields()
            .f("o", (e) -> e.open)
            .f("h", (e) -> e.high)
            .f("l", (e) -> e.low)
            .f("c", (e) -> e.price)
            .f("v", (e) -> e.size)
            .f("vw", (e) -> e.vwap)
            .f("av", (e) -> e.accumulatedVolume)
            .f("op", (e) -> e.dayOpen)
            .f("a", (e) -> e.dayVwap)
            .f("z", (e) -> e.averageSize)
            .f("s", (e) -> e.startTime)
            .f("e", (e) -> e.endTime).map,
        EventType.INDEX_VALUE, new Fields().f("val", (e) -> e.price).map,
        EventType.LIMIT_BANDS, new Fields()
            .f("h", (e) -> e.upperLimit)
            .f("l", (e) -> e.lowerLimit)
            .f("z", (e) -> e.tape)
            .f("q", (e) -> e.sequence).map,
        EventType.IMBALANCE, new Fields()
            .f("at", (e) -> e.auctionTime)
            .f("a", (e) -> e.auctionType)
            .f("x", (e) -> e.exchange)
            .f("o", (e) -> e.imbalance)
            .f("p", (e) -> e.pairedQuantity)
            .f("b", (e) -> e.clearingPrice)
            .f("i", (e) -> e.sequence).map,
        EventType.FAIR_VALUE, new Fields().f("fmv", (e) -> e.price).map);

    @Test
    void shouldServeEveryDocumentedFieldOfEveryEventTheEngineDecodes() throws Exception
    {
        final SymbolTable symbols = new SymbolTable((id, ticker) -> { });
        final MassiveFrameDecoder decoder = new MassiveFrameDecoder(symbols, (code, status, message) -> { });
        final StagedBatch batch = new StagedBatch();
        final Map<Integer, TreeSet<String>> seen = new LinkedHashMap<>();
        int events = 0;
        int rejected = 0;
        try (MassiveSimulator simulator = MassiveSimulator.start(new SimulatorSettings().rate(5_000).apiKey("k")))
        {
            final Map<String, String> subscriptions = Map.of("stocks", "T.*,Q.*,A.*,AM.*,LULD.*,NOI.*,FMV.*",
                "indices", "V.*,A.*,AM.*", "options", "T.*,Q.*");
            for (final Map.Entry<String, String> cluster : subscriptions.entrySet())
            {
                try (WebSocketTestClient client = WebSocketTestClient.connect(simulator.url() + "/" + cluster.getKey()))
                {
                    client.send("{\"action\":\"auth\",\"params\":\"k\"}");
                    client.send("{\"action\":\"subscribe\",\"params\":\"" + cluster.getValue() + "\"}");
                    final List<Integer> types = CLUSTER_TYPES.get(cluster.getKey());
                    int read = 0;
                    final long deadline = System.nanoTime() + 30_000_000_000L;
                    // until every field came and some data frames (status, acks, then data), bounded
                    while (!(complete(seen, types) && read > 5) && System.nanoTime() < deadline)
                    {
                        final List<WebSocketTestClient.Message> all = client.all();
                        for (; read < all.size(); read++)
                        {
                            final byte[] frame = all.get(read).text().getBytes(StandardCharsets.UTF_8);
                            batch.clear();
                            assertEquals(MassiveFrameDecoder.OK, decoder.decode(frame, frame.length, 1L, batch),
                                all.get(read).text());
                            rejected += decoder.rejectedEvents();
                            for (int i = 0; i < batch.size(); i++)
                            {
                                events++;
                                note(batch.get(i), seen);
                            }
                        }
                        Thread.sleep(20); // polling what has arrived: the loop ends on an observable condition
                    }
                }
            }
            assertEquals(0, rejected, "nothing the simulator serves is refused");
        }
        for (final Map.Entry<Integer, Map<String, ToLongFunction<MarketEvent>>> type : FIELDS.entrySet())
        {
            assertEquals(new TreeSet<>(type.getValue().keySet()), seen.get(type.getKey()), "event type " + type.getKey());
        }
        assertTrue(events > 100, "events decoded: " + events);
    }

    /** The event types each cluster's subscription must deliver. */
    private static final Map<String, List<Integer>> CLUSTER_TYPES = Map.of(
        "stocks", List.of(EventType.TRADE, EventType.QUOTE, EventType.AGGREGATE, EventType.LIMIT_BANDS,
            EventType.IMBALANCE, EventType.FAIR_VALUE),
        "indices", List.of(EventType.INDEX_VALUE),
        "options", List.of());

    private static boolean complete(final Map<Integer, TreeSet<String>> seen, final List<Integer> types)
    {
        return types.stream().allMatch((t) -> seen.containsKey(t) && seen.get(t).size() == FIELDS.get(t).size());
    }

    private static void note(final MarketEvent e, final Map<Integer, TreeSet<String>> seen)
    {
        final Map<String, ToLongFunction<MarketEvent>> expected = FIELDS.get(e.type);
        if (expected != null)
        {
            expected.forEach((name, value) ->
            {
                if (value.applyAsLong(e) != 0)
                {
                    seen.computeIfAbsent(e.type, (t) -> new TreeSet<>()).add(name);
                }
            });
        }
    }

    /** A field table: name, and how to read it from a decoded event. */
    private static final class Fields
    {
        final Map<String, ToLongFunction<MarketEvent>> map = new LinkedHashMap<>();

        Fields f(final String name, final ToLongFunction<MarketEvent> value)
        {
            map.put(name, value);
            return this;
        }
    }
}

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
        EventType.TRADE, fields("exchange", (e) -> e.exchange, "tape", (e) -> e.tape, "price", (e) -> e.price,
            "size", (e) -> e.size, "q", (e) -> e.sequence, "id", (e) -> e.textLength, "c", (e) -> e.conditionCount,
            "pt", (e) -> e.participantTime, "trfi", (e) -> e.trfId, "trft", (e) -> e.trfTime),
        EventType.QUOTE, fields("bx", (e) -> e.bidExchange, "ax", (e) -> e.askExchange, "bp", (e) -> e.bidPrice,
            "ap", (e) -> e.askPrice, "bs", (e) -> e.bidSize, "as", (e) -> e.askSize, "z", (e) -> e.tape,
            "c", (e) -> e.condition, "i", (e) -> e.indicatorCount, "q", (e) -> e.sequence),
        EventType.AGGREGATE, fields("o", (e) -> e.open, "h", (e) -> e.high, "l", (e) -> e.low, "c", (e) -> e.price,
            "v", (e) -> e.size, "vw", (e) -> e.vwap, "av", (e) -> e.accumulatedVolume, "op", (e) -> e.dayOpen,
            "a", (e) -> e.dayVwap, "z", (e) -> e.averageSize, "s", (e) -> e.startTime, "e", (e) -> e.endTime),
        EventType.INDEX_VALUE, fields("val", (e) -> e.price),
        EventType.LIMIT_BANDS, fields("h", (e) -> e.upperLimit, "l", (e) -> e.lowerLimit, "z", (e) -> e.tape,
            "q", (e) -> e.sequence),
        EventType.IMBALANCE, fields("at", (e) -> e.auctionTime, "a", (e) -> e.auctionType, "x", (e) -> e.exchange,
            "o", (e) -> e.imbalance, "p", (e) -> e.pairedQuantity, "b", (e) -> e.clearingPrice, "i", (e) -> e.sequence),
        EventType.FAIR_VALUE, fields("fmv", (e) -> e.price));

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
        assertTrue(events > 1_000, "events decoded: " + events);
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

    @SuppressWarnings("unchecked")
    private static Map<String, ToLongFunction<MarketEvent>> fields(final Object... pairs)
    {
        final Map<String, ToLongFunction<MarketEvent>> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2)
        {
            map.put((String)pairs[i], (ToLongFunction<MarketEvent>)pairs[i + 1]);
        }
        return map;
    }
}

package io.tickwire.system;

import io.tickwire.node.NodeContext;
import io.tickwire.node.TickwireNode;
import io.tickwire.codecs.sbe.FeedState;
import io.tickwire.codecs.sbe.StatusCode;
import io.tickwire.config.TickwireConfig;
import io.tickwire.model.EngineCounters;
import io.tickwire.model.event.MarketEvent;
import io.tickwire.model.journal.Journal;
import io.tickwire.simulator.MassiveSimulator;
import io.tickwire.simulator.SimulatorSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input from the feed: a refused key stops cleanly; malformed frames are kept whole and the stream goes on. */
class FeedFailureTest
{
    @TempDir
    Path dir;

    private Map<String, String> settings(final MassiveSimulator simulator, final String clusters)
    {
        final Map<String, String> s = new HashMap<>();
        s.put("feed.url", simulator.url());
        s.put("feed.clusters", clusters);
        s.put("engine.dataDir", dir.resolve("data").toString());
        s.put("gateway.port", "0");
        return s;
    }

    @Test
    void shouldStopWithAClearErrorWhenTheFeedRefusesTheKey() throws Exception
    {
        try (MassiveSimulator simulator = MassiveSimulator.start(new SimulatorSettings().rate(100).apiKey("right")))
        {
            final TickwireConfig config = TickwireConfig.load(null, settings(simulator, "stocks"), Map.of());
            try (TickwireNode process = TickwireNode.launch(new NodeContext().config(config).apiKey("wrong")))
            {
                final String reason = process.fatal().get(10, TimeUnit.SECONDS);
                assertTrue(reason.contains("refused authentication for cluster stocks at 127.0.0.1"), reason);
                assertTrue(!reason.contains("wrong"), "the key is never printed");
            }
        }
        final JournalContents input = JournalContents.read(dir.resolve("data/journals").resolve(Journal.INPUT));
        final MarketEvent failed = input.feedStatuses.stream()
            .filter((e) -> e.feedState == FeedState.FAILED.value()).findFirst().orElseThrow();
        assertEquals(StatusCode.AUTH_FAILED.value(), failed.statusCode);
    }

    @Test
    void shouldKeepMalformedFramesWholeInTheDeadLetterJournalAndCarryOn() throws Exception
    {
        final String malformed = "[{\"ev\":\"T\",\"sym\":\"SPY\",\"p\":600.1,";
        final String unknown = "[{\"ev\":\"XYZ\",\"T\":\"SPY\",\"t\":1763730000000000000},{\"ev\":\"Q\",\"sym\":\"SPY\"," +
            "\"bp\":1,\"ap\":2,\"t\":1763730000000}]";
        try (MassiveSimulator simulator = MassiveSimulator.start(new SimulatorSettings().rate(500).apiKey("k")))
        {
            final TickwireConfig config = TickwireConfig.load(null, settings(simulator, "stocks"), Map.of());
            try (TickwireNode process = TickwireNode.launch(new NodeContext().config(config).apiKey("k")))
            {
                final EngineCounters counters = process.counters();
                waitFor(() -> counters.tradesAccepted.get() > 10);
                simulator.sendRaw("stocks", malformed);
                simulator.sendRaw("stocks", unknown);
                final long before = counters.tradesAccepted.get();
                waitFor(() -> counters.deadLetters.get() == 2 && counters.tradesAccepted.get() > before + 10);
                assertEquals(1, counters.unknownEvents.get());
                assertEquals(1, counters.rejectedEvents.get());
            }
        }
        final JournalContents dead = JournalContents.read(dir.resolve("data/journals").resolve(Journal.DEAD_LETTER));
        assertEquals(2, dead.deadLetters.size());
        assertEquals("MALFORMED_JSON", dead.deadLetters.get(0).reason());
        assertEquals(malformed, dead.deadLetters.get(0).frame(), "kept whole");
        assertEquals(-1, dead.deadLetters.get(0).eventIndex());
        assertEquals("UNKNOWN_EVENT", dead.deadLetters.get(1).reason());
        assertEquals(0, dead.deadLetters.get(1).eventIndex());
        assertEquals(unknown, dead.deadLetters.get(1).frame());
        final JournalContents input = JournalContents.read(dir.resolve("data/journals").resolve(Journal.INPUT));
        assertTrue(input.quotes.stream().anyMatch((q) -> q.eventTime() == 1_763_730_000_000_000_000L),
            "the good quote beside the unknown event was kept");
    }

    private static void waitFor(final java.util.function.BooleanSupplier condition) throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + 15_000;
        while (!condition.getAsBoolean())
        {
            assertTrue(System.currentTimeMillis() < deadline, "timed out");
            Thread.sleep(20);
        }
    }
}

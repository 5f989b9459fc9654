package io.tickwire.system;

import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import io.tickwire.model.journal.EventCodec;
import io.tickwire.model.journal.Journal;
import io.tickwire.model.journal.JournalReader;
import io.tickwire.simulator.SimulatorSettings;
import io.tickwire.testing.WebSocketTestClient;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static io.tickwire.system.FeedHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * LULD, NOI and FMV as the simulator sends them — ticker in T, nanosecond t, NOI's auction type a letter — are
 * decoded (none dead-lettered), journaled, and served on the desks' luld, imbalances and fmv channels.
 */
class SymbolStatesSystemTest
{
    @TempDir
    Path dir;

    @Test
    void shouldDecodeJournalAndServeLimitBandsImbalancesAndFairValues() throws Exception
    {
        try (FeedHarness h = FeedHarness.start(dir, new SimulatorSettings().rate(2_000).seed(5),
            Map.of("feed.stocks.channels", "T,Q,LULD,NOI,FMV"));
            WebSocketTestClient desk = WebSocketTestClient.connect(h.process.gateway().webSocketUrl()))
        {
            desk.send("{\"op\":\"subscribe\",\"channels\":[\"luld\",\"imbalances\",\"fmv\"]}");
            for (final String type : new String[]{"luld", "imbalance", "fmv"})
            {
                desk.await((m) -> m.contains("\"type\":\"" + type + "\"") && !m.contains("snapshot"), 20_000);
            }
            await(() -> journaledTypes(h.dataDir.resolve("journals").resolve(Journal.OUTPUT)).containsAll(Set.of(
                EventType.LIMIT_BANDS, EventType.IMBALANCE, EventType.FAIR_VALUE)), 10_000, "all three journaled");
            assertEquals(0, h.counters().deadLetters.get(), "nothing of the feed left undecoded");
        }
    }

    private static Set<Integer> journaledTypes(final Path journal)
    {
        final Set<Integer> types = new HashSet<>();
        final EventCodec codec = new EventCodec();
        final MarketEvent e = new MarketEvent();
        try (ChronicleQueue queue = Journal.openForRead(journal))
        {
            new JournalReader(queue).toStart().drain((buffer, length, index) ->
            {
                if (codec.decode(buffer, 0, e))
                {
                    types.add(e.type);
                }
            });
        }
        return types;
    }
}

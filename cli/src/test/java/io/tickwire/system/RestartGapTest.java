package io.tickwire.system;

import io.tickwire.codecs.sbe.Cluster;
import io.tickwire.codecs.sbe.FeedState;
import io.tickwire.codecs.sbe.Source;
import io.tickwire.config.TickwireConfig;
import io.tickwire.model.event.MarketEvent;
import io.tickwire.model.journal.Journal;
import io.tickwire.node.NodeContext;
import io.tickwire.node.TickwireNode;
import io.tickwire.simulator.MassiveSimulator;
import io.tickwire.simulator.SimulatorSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.tickwire.system.FeedHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A restarted node declares its downtime as a gap from the last event it journaled — down at start-up,
 * recovered with the window once live — and backfills it over REST, so the trades the market made while it was
 * stopped reach the journal marked as backfill.
 */
class RestartGapTest
{
    @TempDir
    Path dir;

    @Test
    void shouldDeclareTheDowntimeAsAGapAndBackfillIt() throws Exception
    {
        try (MassiveSimulator simulator = MassiveSimulator.start(new SimulatorSettings().rate(1_000).apiKey("k")
            .startAfterSubscribers(1)))
        {
            final Map<String, String> s = new HashMap<>();
            s.put("feed.url", simulator.url());
            s.put("feed.restUrl", simulator.restUrl());
            s.put("feed.clusters", "stocks");
            s.put("feed.stocks.symbols", "SPY,QQQ");
            s.put("feed.stocks.channels", "T,Q");
            s.put("feed.backfillMarginMs", "500");
            s.put("engine.dataDir", dir.resolve("data").toString());
            s.put("engine.timerIntervalMs", "50");
            s.put("gateway.port", "0");
            final TickwireConfig config = TickwireConfig.load(null, s, Map.of());
            try (TickwireNode first = TickwireNode.launch(new NodeContext().config(config).apiKey("k")))
            {
                await(() -> first.counters().tradesAccepted.get() > 200, 20_000, "trading");
            }
            final long generatedWhileStopped = simulator.eventsGenerated();
            try (TickwireNode second = TickwireNode.launch(new NodeContext().config(config).apiKey("k")))
            {
                await(() -> simulator.eventsGenerated() > generatedWhileStopped + 500, 20_000, "the market went on");
                await(() -> second.counters().backfills.get() >= 1 && second.counters().backfillEvents.get() > 0,
                    20_000, "the downtime backfilled");
            }
            final JournalContents output = JournalContents.read(dir.resolve("data/journals").resolve(Journal.OUTPUT));
            final List<MarketEvent> stocks = output.feedStatuses.stream()
                .filter((e) -> e.cluster == Cluster.STOCKS.value()).toList();
            final MarketEvent down = stocks.stream().filter((e) -> e.feedState == FeedState.DOWN.value() &&
                e.textAsString().startsWith("restarted")).findFirst().orElseThrow();
            final MarketEvent recovered = stocks.stream().filter((e) -> e.feedState == FeedState.RECOVERED.value())
                .findFirst().orElseThrow();
            assertEquals(down.gapStart, recovered.gapStart, "one gap, from the last journaled event");
            assertTrue(recovered.gapEnd > recovered.gapStart);
            assertTrue(output.tradeSources.contains((int)Source.BACKFILL.value()), "backfilled trades journaled");
        }
    }
}

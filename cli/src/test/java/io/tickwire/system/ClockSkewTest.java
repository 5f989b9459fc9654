package io.tickwire.system;

import io.tickwire.config.TickwireConfig;
import io.tickwire.node.NodeContext;
import io.tickwire.node.TickwireNode;
import io.tickwire.simulator.MassiveSimulator;
import io.tickwire.simulator.SimulatorSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static io.tickwire.system.FeedHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The three clusters on clocks several hundred milliseconds apart (indices 450 ms ahead of stocks, options 350 ms
 * behind), as Massive's are: each feed's bars close on its own clock, so no trade is flagged late and no bar is
 * revised because of another feed's clock.
 */
class ClockSkewTest
{
    @TempDir
    Path dir;

    @Test
    void shouldJudgeEachFeedOnItsOwnClock() throws Exception
    {
        try (MassiveSimulator simulator = MassiveSimulator.start(new SimulatorSettings().rate(2_000).apiKey("k")
            .seed(11)))
        {
            simulator.faults().skewClock("indices", 450);
            simulator.faults().skewClock("options", -350);
            final Map<String, String> s = simulator.nodeSettings(dir.resolve("data"), "SPY,QQQ,IWM", "T,Q");
            s.put("feed.clusters", "stocks,indices,options");
            s.put("feed.indices.channels", "V");
            s.put("engine.timerIntervalMs", "50");
            try (TickwireNode node = TickwireNode.launch(new NodeContext().config(TickwireConfig.load(null, s,
                Map.of())).apiKey("k")))
            {
                await(() -> node.counters().barsEmitted.get() > 200 && node.counters().tradesAccepted.get() > 2_000,
                    30_000, "three feeds trading, bars closing");
                assertEquals(0, node.counters().lateTradesFlagged.get(), "no trade judged by another feed's clock");
                assertEquals(0, node.counters().barRevisions.get(), "no bar revised for it");
                assertEquals(0, node.counters().lateTrades.get());
            }
        }
    }
}

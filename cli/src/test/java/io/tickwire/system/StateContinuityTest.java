package io.tickwire.system;

import io.tickwire.config.TickwireConfig;
import io.tickwire.model.event.EventType;
import io.tickwire.model.journal.Journal;
import io.tickwire.node.NodeContext;
import io.tickwire.node.TickwireNode;
import io.tickwire.replay.InputJournalCopy;
import io.tickwire.replay.JournalReplayer;
import io.tickwire.simulator.MassiveSimulator;
import io.tickwire.simulator.SimulatorSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.tickwire.system.FeedHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A restarted node carries on with the state its stages had: the bars in progress at the stop, the dedupe window,
 * key levels, windows. Shown by the bars: those the node wrote across two runs equal those of one uninterrupted
 * run over the same events (its input journal replayed without the restart in it).
 */
class StateContinuityTest
{
    @TempDir
    Path dir;

    @Test
    void shouldWriteTheBarsAnUninterruptedRunWouldHaveWritten() throws Exception
    {
        try (MassiveSimulator simulator = MassiveSimulator.start(new SimulatorSettings().rate(1_000).apiKey("k")))
        {
            final Map<String, String> s = FeedHarness.nodeSettings(simulator, dir.resolve("data"), "SPY,QQQ", "T,Q");
            s.put("engine.timerIntervalMs", "50");
            final TickwireConfig config = TickwireConfig.load(null, s, Map.of());
            try (TickwireNode first = TickwireNode.launch(new NodeContext().config(config).apiKey("k")))
            {
                await(() -> first.counters().barsEmitted.get() > 4, 20_000, "bars closing");
            }
            try (TickwireNode second = TickwireNode.launch(new NodeContext().config(config).apiKey("k")))
            {
                assertTrue(second.counters().rebuiltInputs.get() > 0, "the first run's inputs replayed at start");
                assertEquals(0, second.counters().tradesAccepted.get(), "counts start when the node goes live");
                await(() -> second.counters().barsEmitted.get() > 4, 20_000, "bars closing after the restart");
            }
            final Path journals = dir.resolve("data/journals");
            final Path uninterrupted = dir.resolve("uninterrupted-input");
            final long starts = InputJournalCopy.without(journals.resolve(Journal.INPUT), uninterrupted,
                EventType.ENGINE_START);
            assertEquals(2L, starts, "two runs");
            new JournalReplayer(config).replay(uninterrupted, dir.resolve("uninterrupted-output"));

            final List<JournalContents.Bar> written = JournalContents.read(journals.resolve(Journal.OUTPUT)).bars;
            final List<JournalContents.Bar> expected = JournalContents.read(dir.resolve("uninterrupted-output")).bars;
            assertTrue(written.size() > 8, "bars from both runs: " + written.size());
            assertEquals(expected, written, "the bars of two runs equal those of one");
        }
    }
}

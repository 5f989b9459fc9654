package io.tickwire.system;

import io.tickwire.model.journal.Journal;
import io.tickwire.replay.RawJournalExporter;
import io.tickwire.simulator.SimulatorSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.tickwire.system.FeedHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A session captured raw, exported, and served again by the simulator gives the engine the same trades. */
class RecordedSessionTest
{
    @TempDir
    Path dir;

    @Test
    void shouldServeARecordedSessionThatReproducesTheOriginalTrades() throws Exception
    {
        final List<JournalContents.Trade> original;
        final long frames;
        try (FeedHarness live = FeedHarness.start(dir.resolve("live"),
            new SimulatorSettings().rate(2_000).maxEvents(2_000).maxEventsPerFrame(8), Map.of()))
        {
            live.awaitAllTradesAccepted(20_000);
            original = live.journal(Journal.INPUT).trades;
            final Path recording = dir.resolve("session.tsv");
            frames = RawJournalExporter.export(live.dataDir.resolve("journals").resolve(Journal.RAW), recording);
            assertTrue(Files.readAllLines(recording).get(1).contains("\tstocks\t[{"), "TIME TAB CLUSTER TAB FRAME");
        }
        try (FeedHarness replayed = FeedHarness.start(dir.resolve("replayed"),
            new SimulatorSettings().recording(dir.resolve("session.tsv"), true), Map.of()))
        {
            assertTrue(replayed.simulator.awaitFinished(20, TimeUnit.SECONDS));
            await(() -> replayed.counters().tradesAccepted.get() == original.size(), 20_000, "all recorded trades");
            assertTrue(replayed.simulator.recordedFramesSent() > 0 && replayed.simulator.recordedFramesSent() < frames,
                "status-only frames (connected, auth, acks) are not replayed");
            assertEquals(original, replayed.journal(Journal.INPUT).trades);
        }
    }
}

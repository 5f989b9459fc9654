package io.tickwire.system;

import io.tickwire.model.journal.Journal;
import io.tickwire.replay.RawJournalExporter;
import io.tickwire.simulator.SimulatorSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tickwire.codecs.sbe.FeedState;
import io.tickwire.codecs.sbe.StatusCode;
import io.tickwire.model.event.MarketEvent;
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

    /**
     * A session recorded ten days ago, served at its original pacing, and a drop while it plays: the gap is
     * measured on the feed's own clock — as wide as the data missing, not the ten days between the recording's
     * times and the wall clock.
     */
    @Test
    void shouldMeasureARecordedSessionsDropOnItsOwnClock() throws Exception
    {
        final long tenDaysAgo = System.currentTimeMillis() - 10 * 86_400_000L;
        final Path recording = dir.resolve("old-session.tsv");
        final StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 600; i++) // 6 s of SPY trades, one every 10 ms
        {
            final long t = tenDaysAgo + i * 10L;
            lines.append(t * 1_000_000L).append("\tstocks\t[{\"ev\":\"T\",\"sym\":\"SPY\",\"x\":4,\"i\":\"r")
                .append(i).append("\",\"p\":600.5,\"s\":100,\"t\":").append(t).append(",\"q\":").append(i + 1)
                .append("}]\n");
        }
        Files.writeString(recording, lines);
        try (FeedHarness h = FeedHarness.start(dir.resolve("old"), new SimulatorSettings().recording(recording, false),
            Map.of()))
        {
            await(() -> h.counters().tradesAccepted.get() > 100, 20_000, "the recording playing");
            h.simulator.faults().dropConnections("stocks", false);
            final Path input = h.dataDir.resolve("journals").resolve(Journal.INPUT); // read while it runs
            await(() -> JournalContents.read(input).feedStatuses.stream().anyMatch(RecordedSessionTest::recovered),
                20_000, "recovered");
            final MarketEvent recovered = JournalContents.read(input).feedStatuses.stream()
                .filter(RecordedSessionTest::recovered).findFirst().orElseThrow();
            final long widthMillis = (recovered.gapEnd - recovered.gapStart) / 1_000_000L;
            System.out.println("a recorded session ten days old, dropped while playing: a gap of " + widthMillis + " ms");
            assertTrue(recovered.gapStart > tenDaysAgo * 1_000_000L && widthMillis >= 0 && widthMillis < 5_000,
                "the gap on the recording's clock, a few hundred ms wide, not ten days: " + widthMillis + " ms");
        }
    }

    private static boolean recovered(final MarketEvent e)
    {
        return e.feedState == FeedState.RECOVERED.value() && e.statusCode == StatusCode.AUTH_SUCCESS.value();
    }
}

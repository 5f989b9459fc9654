package io.tickwire.system;

import io.tickwire.model.journal.Journal;
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

/**
 * Frames that once froze ingest or poisoned the frame after them, played through the simulator's recording
 * mode over a real WebSocket: each is dead-lettered whole with its reason, and every good frame around it —
 * the one right after included — reaches the input journal.
 */
class HostileFramesTest
{
    @TempDir
    Path dir;

    @Test
    void shouldDeadLetterTruncatedAndTrailingFramesAndAcceptTheFramesAfterThem() throws Exception
    {
        final Path recording = dir.resolve("hostile.tsv");
        Files.write(recording, List.of(
            "1763700000000\tstocks\t" + trade("A1", 1),
            "1763700000001\tstocks\t[{\"ev\":\"T\",\"sym\":\"SPY\",\"i\":\"X\",\"p\":600.01,\"s\":1,\"c\":[12,",
            "1763700000002\tstocks\t" + trade("A2", 2),
            "1763700000003\tstocks\t" + trade("A3", 3) + " \"",
            "1763700000004\tstocks\t" + trade("A4", 4),
            "1763700000005\tstocks\t" + trade("A5", 5) + " nul",
            "1763700000006\tstocks\t" + trade("A6", 6)));
        try (FeedHarness feed = FeedHarness.start(dir.resolve("node"),
            new SimulatorSettings().recording(recording, true), Map.of()))
        {
            assertTrue(feed.simulator.awaitFinished(20, TimeUnit.SECONDS));
            await(() -> feed.counters().tradesAccepted.get() == 4, 20_000, "the four good frames' trades");
            await(() -> feed.journal(Journal.DEAD_LETTER).deadLetters.size() == 3, 20_000, "three dead letters");
            final JournalContents input = feed.journal(Journal.INPUT);
            assertEquals(List.of("A1", "A2", "A4", "A6"), input.trades.stream().map(JournalContents.Trade::id).toList(),
                "the frame after each bad one is read as it was sent");
            final List<JournalContents.DeadLetter> dead = feed.journal(Journal.DEAD_LETTER).deadLetters;
            assertEquals("frame ends inside an array", dead.get(0).detail());
            assertEquals("bytes after the closing bracket", dead.get(1).detail());
            assertEquals("bytes after the closing bracket", dead.get(2).detail());
            assertTrue(dead.get(1).frame().endsWith("] \""), "the frame is kept whole: " + dead.get(1).frame());
        }
    }

    private static String trade(final String id, final int sequence)
    {
        return "[{\"ev\":\"T\",\"sym\":\"SPY\",\"x\":4,\"i\":\"" + id + "\",\"p\":600.01,\"s\":100," +
            "\"t\":1763700000" + (100 + sequence) + ",\"q\":" + sequence + "}]";
    }
}

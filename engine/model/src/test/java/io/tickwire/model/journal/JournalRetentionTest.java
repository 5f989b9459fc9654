package io.tickwire.model.journal;

import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.rollcycles.LargeRollCycles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Retention over five daily cycles written on Chronicle's own clock, set by the test: no waiting for days. */
class JournalRetentionTest
{
    private static final long DAY = TimeUnit.DAYS.toMillis(1);
    private static final long NOON_2026_11_23 = 1_795_435_200_000L;

    @TempDir
    Path dir;

    @Test
    void shouldKeepTheNewestDaysAndLeaveThemReadable()
    {
        try (ChronicleQueue queue = fiveDays())
        {
            assertEquals(3, new JournalRetention(queue, 2).apply());
            assertEquals(List.of("20261126L.cq4", "20261127L.cq4"), cycleFiles());
            final ExcerptTailer tailer = queue.createTailer().toStart();
            assertEquals("day 3", tailer.readText());
            assertEquals("day 4", tailer.readText());
            assertEquals(0, new JournalRetention(queue, 2).apply(), "nothing more to delete");
        }
    }

    @Test
    void shouldKeepEverythingWhenRetentionIsZero()
    {
        try (ChronicleQueue queue = fiveDays())
        {
            assertEquals(0, new JournalRetention(queue, 0).apply());
            assertEquals(5, cycleFiles().size());
        }
    }

    private ChronicleQueue fiveDays()
    {
        final SetTimeProvider clock = new SetTimeProvider(NOON_2026_11_23 * 1_000_000L);
        final ChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir.toFile())
            .rollCycle(LargeRollCycles.LARGE_DAILY).rollTime(LocalTime.of(6, 0), ZoneOffset.UTC)
            .timeProvider(clock).build();
        try (ExcerptAppender appender = queue.createAppender())
        {
            for (int day = 0; day < 5; day++)
            {
                clock.currentTimeMillis(NOON_2026_11_23 + day * DAY);
                appender.writeText("day " + day);
            }
        }
        return queue;
    }

    private List<String> cycleFiles()
    {
        final File[] files = dir.toFile().listFiles((d, name) -> name.endsWith(".cq4"));
        return Arrays.stream(files).map(File::getName).sorted().toList();
    }
}

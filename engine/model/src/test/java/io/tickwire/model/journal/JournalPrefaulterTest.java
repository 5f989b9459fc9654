package io.tickwire.model.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalPrefaulterTest
{
    private static final int PAGE = 4096;

    @TempDir
    Path dir;

    @Test
    void shouldTouchEveryPageAFileGrowsByWithoutChangingAByte() throws Exception
    {
        final Path journal = Files.createDirectories(dir.resolve("input"));
        final Path old = journal.resolve("20261120.cq4");
        Files.write(old, new byte[64 * PAGE]); // present at start, and then superseded: never touched
        try (JournalPrefaulter prefaulter = new JournalPrefaulter(List.of(journal, dir.resolve("absent"))))
        {
            // a cycle file as Chronicle leaves it: written data at the front (no zero words where a page
            // starts), then the zeros of the block it has not reached
            final byte[] content = new byte[256 * PAGE + 100];
            final SplittableRandom random = new SplittableRandom(5);
            for (int i = 0; i < 100 * PAGE; i++)
            {
                content[i] = (byte)(1 + random.nextInt(255));
            }
            final Path today = journal.resolve("20261121.cq4");
            Files.write(today, content);
            awaitAtLeast(256, prefaulter::pagesTouched);
            assertArrayEquals(content, Files.readAllBytes(today));

            try (FileChannel grow = FileChannel.open(today, StandardOpenOption.WRITE)) // the next block
            {
                grow.write(ByteBuffer.wrap(new byte[]{7}), 512L * PAGE - 1);
            }
            awaitAtLeast(512, prefaulter::pagesTouched);
            final byte[] grown = Files.readAllBytes(today);
            assertEquals(512 * PAGE, grown.length);
            assertEquals(7, grown[grown.length - 1]);
            for (int i = 0; i < content.length; i++)
            {
                assertEquals(content[i], grown[i], "byte " + i);
            }
            Thread.sleep(50);
            assertEquals(512, prefaulter.pagesTouched(), "only the newest file was touched");
        }
        assertArrayEquals(new byte[64 * PAGE], Files.readAllBytes(old));
    }

    /** After a restart, today's file is already written up to some point: only what it grows by is touched. */
    @Test
    void shouldTouchOnlyTheGrowthOfAFilePresentAtStart() throws Exception
    {
        final Path journal = Files.createDirectories(dir.resolve("output"));
        final byte[] written = new byte[64 * PAGE];
        Arrays.fill(written, (byte)3);
        final Path today = journal.resolve("20261121.cq4");
        Files.write(today, written);
        Files.write(journal.resolve("20261120.cq4"), new byte[PAGE]);
        try (JournalPrefaulter prefaulter = new JournalPrefaulter(List.of(journal)))
        {
            try (FileChannel grow = FileChannel.open(today, StandardOpenOption.WRITE))
            {
                grow.write(ByteBuffer.wrap(new byte[]{9}), 96L * PAGE - 1);
            }
            awaitAtLeast(32, prefaulter::pagesTouched);
            Thread.sleep(50);
            assertEquals(32, prefaulter.pagesTouched());
        }
        final byte[] grown = Files.readAllBytes(today);
        assertArrayEquals(written, Arrays.copyOf(grown, written.length));
        assertEquals(9, grown[grown.length - 1]);
    }

    private static void awaitAtLeast(final long pages, final LongSupplier touched) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (touched.getAsLong() < pages && System.nanoTime() < deadline)
        {
            Thread.sleep(5);
        }
        assertTrue(touched.getAsLong() >= pages, "touched " + touched.getAsLong() + " of " + pages + " pages");
    }
}

package io.tickwire.model.journal;

import io.tickwire.config.Keys;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A process killed in the middle of an append leaves a torn tail: a document whose header says "not complete".
 * Played for real: a child JVM appends three records, opens a fourth and halts inside it. The next process reads
 * the three whole records and nothing of the torn one, and its first append takes the torn document's place — what
 * Chronicle Queue documents (the appender overwrites an incomplete header; the dead writer's lock is released).
 */
class TornTailTest
{
    @TempDir
    Path dir;

    @Test
    void shouldReadTheWholeRecordsAndAppendPastATornOne() throws Exception
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter((a) -> a.startsWith("--add-") || a.startsWith("-Dchronicle")).toList());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), TornWriter.class.getName(),
            dir.toString()));
        final Process child = new ProcessBuilder(command).inheritIO().start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the writer ended");
        assertEquals(TornWriter.HALTED, child.exitValue(), "the writer died inside its fourth append");

        try (ChronicleQueue queue = Journal.open(dir, Keys.RollCycleName.LARGE_DAILY, LocalTime.of(6, 0)))
        {
            assertEquals(List.of("one", "two", "three"), records(queue), "the whole records, nothing of the torn one");
            final long start = System.nanoTime();
            final byte[] four = "four".getBytes();
            new JournalAppender(queue).append(four, 0, four.length);
            final long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(List.of("one", "two", "three", "four"), records(queue), "the append took the torn one's place");
            System.out.println("append after a torn tail took " + millis + " ms");
        }
    }

    private static List<String> records(final ChronicleQueue queue)
    {
        final List<String> texts = new ArrayList<>();
        new JournalReader(queue).toStart().drain((buffer, length, index) ->
            texts.add(new String(buffer.byteArray(), 0, length)));
        return texts;
    }

    /** The child: three whole records, then dies inside the fourth. */
    static final class TornWriter
    {
        static final int HALTED = 77;

        public static void main(final String[] args)
        {
            final ChronicleQueue queue = Journal.open(Path.of(args[0]), Keys.RollCycleName.LARGE_DAILY,
                LocalTime.of(6, 0));
            final JournalAppender appender = new JournalAppender(queue);
            for (final String text : List.of("one", "two", "three"))
            {
                appender.append(text.getBytes(), 0, text.length());
            }
            final ExcerptAppender raw = queue.createAppender();
            final DocumentContext torn = raw.writingDocument();
            torn.wire().bytes().write("torn-record-never-finished".getBytes());
            Runtime.getRuntime().halt(HALTED); // as kill -9 does: no close, no shutdown hooks
        }
    }
}

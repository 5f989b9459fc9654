package io.tickwire.replay.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.RollingChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code tickwire journal verify}: reads every record and checks it against the schema (template, version,
 * block and variable-length data within the record), the index for continuity (within a daily cycle every
 * position follows the one before), and the tail (everything the journal says it holds can be read: a torn
 * write shows as an index it cannot reach). The problems found, each with its position; none means sound.
 */
public final class JournalVerify
{
    private static final int MAX_LISTED = 20;

    /** What verify found. */
    public record Result(long records, List<String> problems, long problemCount)
    {
        public boolean sound()
        {
            return problemCount == 0;
        }
    }

    private JournalVerify()
    {
    }

    public static Result verify(final ChronicleQueue journal)
    {
        final RecordDecoder decoder = new RecordDecoder();
        final RollCycle rollCycle = ((RollingChronicleQueue)journal).rollCycle();
        final List<String> problems = new ArrayList<>();
        long count = 0;
        long problemCount = 0;
        long previous = -1;
        byte[] bytes = new byte[1 << 16];
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        try (ExcerptTailer tailer = journal.createTailer().toStart())
        {
            while (true)
            {
                try (DocumentContext dc = tailer.readingDocument())
                {
                    if (!dc.isPresent())
                    {
                        break;
                    }
                    if (!dc.isData())
                    {
                        continue;
                    }
                    final long index = dc.index();
                    if (previous >= 0 && rollCycle.toCycle(index) == rollCycle.toCycle(previous) &&
                        rollCycle.toSequenceNumber(index) != rollCycle.toSequenceNumber(previous) + 1)
                    {
                        problemCount++;
                        list(problems, "index " + index + ": follows " + previous + " with positions missing");
                    }
                    previous = index;
                    final Bytes<?> in = dc.wire().bytes();
                    final int length = (int)in.readRemaining();
                    if (length > bytes.length)
                    {
                        bytes = new byte[Integer.highestOneBit(length) << 1];
                        buffer.wrap(bytes);
                    }
                    in.read(bytes, 0, length);
                    count++;
                    try
                    {
                        decoder.decode(buffer, length);
                    }
                    catch (final RuntimeException ex)
                    {
                        problemCount++;
                        list(problems, "index " + index + ": " + ex.getMessage());
                    }
                }
            }
        }
        final long last = journal.lastIndex();
        if (last > previous)
        {
            problemCount++;
            list(problems, "the journal says it holds up to index " + last + " but reading stopped after " + previous +
                ": a torn or damaged tail");
        }
        return new Result(count, problems, problemCount);
    }

    public static void print(final Result r, final PrintStream out)
    {
        out.printf("%,d records read; %s%n", r.records(), r.sound() ? "sound" : r.problemCount() + " problems:");
        r.problems().forEach((p) -> out.println("  " + p));
        if (r.problemCount() > r.problems().size())
        {
            out.println("  ... and " + (r.problemCount() - r.problems().size()) + " more");
        }
    }

    private static void list(final List<String> problems, final String problem)
    {
        if (problems.size() < MAX_LISTED)
        {
            problems.add(problem);
        }
    }
}

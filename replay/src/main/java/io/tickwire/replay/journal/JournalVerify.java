package io.tickwire.replay.journal;

import io.tickwire.model.journal.JournalReader;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.RollingChronicleQueue;

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
        final long[] state = {0, 0, -1}; // records, problems, previous index
        try (JournalReader reader = new JournalReader(journal).toStart())
        {
            reader.drain((buffer, length, index) ->
            {
                final long previous = state[2];
                if (previous >= 0 && rollCycle.toCycle(index) == rollCycle.toCycle(previous) &&
                    rollCycle.toSequenceNumber(index) != rollCycle.toSequenceNumber(previous) + 1)
                {
                    state[1]++;
                    list(problems, "index " + index + ": follows " + previous + " with positions missing");
                }
                state[2] = index;
                state[0]++;
                try
                {
                    decoder.decode(buffer, length);
                }
                catch (final RuntimeException ex)
                {
                    state[1]++;
                    list(problems, "index " + index + ": " + ex.getMessage());
                }
            });
        }
        final long last = journal.lastIndex();
        if (last > state[2])
        {
            state[1]++;
            list(problems, "the journal says it holds up to index " + last + " but reading stopped after " +
                state[2] + ": a torn or damaged tail");
        }
        return new Result(state[0], problems, state[1]);
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

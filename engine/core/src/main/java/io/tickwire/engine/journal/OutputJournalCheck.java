package io.tickwire.engine.journal;

import io.tickwire.model.journal.JournalAppender;
import io.tickwire.model.journal.JournalReader;
import io.tickwire.model.journal.RecordSink;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Arrays;

/**
 * The output stage's sink while the node rebuilds its state at start by replaying the input journal: each record
 * the stages produce must equal the output journal's next one; once the journal is exhausted (the process died
 * between an input's journaling and its outputs'), the rest is appended, so the output journal again equals what
 * replay produces. At the first difference (the configuration changed between runs, or the journal was damaged)
 * it stops comparing and appends nothing: the journal is left as it is and {@link #difference()} says where.
 */
public final class OutputJournalCheck implements RecordSink
{
    private final ChronicleQueue journal;
    private final JournalReader written;
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[1 << 16]);
    private byte[] expected;
    private int expectedOffset;
    private int expectedLength;
    private final JournalReader.RecordHandler compare = this::compare;
    private JournalAppender appender;
    private boolean read;
    private boolean equal;
    private long compared;
    /** The journal index of the last record compared; -1 before the first. */
    private long lastCompared = -1;
    private long appended;
    private String difference;

    /** Made on the output stage's thread: the reader and the appender are thread-bound. */
    public OutputJournalCheck(final ChronicleQueue journal)
    {
        this.journal = journal;
        this.written = new JournalReader(journal).toStart();
    }

    @Override
    public UnsafeBuffer scratch()
    {
        return scratch;
    }

    @Override
    public void append(final byte[] bytes, final int offset, final int length)
    {
        if (difference != null)
        {
            return;
        }
        if (appender == null)
        {
            expected = bytes;
            expectedOffset = offset;
            expectedLength = length;
            if (readNext(compare))
            {
                if (!equal)
                {
                    difference = "output record " + compared + " differs from its replay";
                }
                compared++;
                return;
            }
            appender = new JournalAppender(journal); // the journal ends here: the rest was never written
        }
        appender.append(bytes, offset, length);
        appended++;
    }

    /** Reads the journal's next data record (skipping Chronicle's metadata documents); false at its end. */
    private boolean readNext(final JournalReader.RecordHandler handler)
    {
        read = false;
        while (!read && written.poll(handler) == 1)
        {
            // a metadata document: poll read it without calling the handler
        }
        return read;
    }

    private void compare(final UnsafeBuffer buffer, final int length, final long index)
    {
        read = true;
        lastCompared = index;
        equal = length == expectedLength &&
            Arrays.equals(buffer.byteArray(), 0, length, expected, expectedOffset, expectedOffset + length);
    }

    /** Records the journal held that equal their replay (read once the stage has stopped). */
    public long compared()
    {
        return difference == null ? compared : compared - 1;
    }

    /** Records the journal lacked, appended. */
    public long appended()
    {
        return appended;
    }

    /** Null while the journal equals its replay; otherwise where it first differs. */
    public String difference()
    {
        return difference;
    }

    /**
     * Whether the journal holds records after the last the replay produced (a longer journal is a difference too).
     * From any thread once the stage has stopped.
     */
    public boolean journalHasMore()
    {
        return appender == null && difference == null && journal.lastIndex() > lastCompared;
    }
}

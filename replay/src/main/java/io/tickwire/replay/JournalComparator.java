package io.tickwire.replay;

import io.tickwire.model.journal.Journal;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Compares two journals record by record, byte for byte. The record bytes are what tickwire wrote; the
 * Chronicle framing around them (cycle files, index pages) depends on when they were written and is not
 * compared.
 */
public final class JournalComparator
{
    /** The outcome: equal, or where and how the journals first differ. */
    public record Result(boolean equal, long recordsCompared, String difference)
    {
    }

    private JournalComparator()
    {
    }

    public static Result compare(final Path left, final Path right)
    {
        try (ChronicleQueue a = Journal.openForRead(left); ChronicleQueue b = Journal.openForRead(right))
        {
            final ExcerptTailer ta = a.createTailer().toStart();
            final ExcerptTailer tb = b.createTailer().toStart();
            long n = 0;
            while (true)
            {
                final byte[] ra = next(ta);
                final byte[] rb = next(tb);
                if (ra == null && rb == null)
                {
                    return new Result(true, n, null);
                }
                if (ra == null || rb == null)
                {
                    return new Result(false, n, (ra == null ? left : right) + " ends after " + n + " records; the other goes on");
                }
                if (!Arrays.equals(ra, rb))
                {
                    return new Result(false, n, "record " + n + " differs (" + ra.length + " vs " + rb.length + " bytes)");
                }
                n++;
            }
        }
    }

    private static byte[] next(final ExcerptTailer tailer)
    {
        while (true)
        {
            try (DocumentContext dc = tailer.readingDocument())
            {
                if (!dc.isPresent())
                {
                    return null;
                }
                if (dc.isData())
                {
                    final Bytes<?> bytes = dc.wire().bytes();
                    final byte[] out = new byte[(int)bytes.readRemaining()];
                    bytes.read(out);
                    return out;
                }
            }
        }
    }
}

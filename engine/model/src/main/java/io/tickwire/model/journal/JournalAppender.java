package io.tickwire.model.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Appends SBE records, one Chronicle document each. Records are encoded into a reused heap buffer and copied
 * in with one bulk write: simple, garbage-free, and the copy of ~100 bytes is noise next to the append.
 * Must be created and used on one thread (Chronicle appenders are thread-bound).
 */
public final class JournalAppender implements RecordSink
{
    private final ExcerptAppender appender;
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[1 << 16]);
    private long bytesWritten;
    private long records;

    public JournalAppender(final ChronicleQueue queue)
    {
        this.appender = queue.createAppender();
    }

    @Override
    public UnsafeBuffer scratch()
    {
        return scratch;
    }

    @Override
    public void append(final byte[] bytes, final int offset, final int length)
    {
        try (DocumentContext dc = appender.writingDocument())
        {
            final Bytes<?> out = dc.wire().bytes();
            out.write(bytes, offset, length);
        }
        bytesWritten += length;
        records++;
    }

    public long lastIndex()
    {
        return appender.lastIndexAppended();
    }

    public long bytesWritten()
    {
        return bytesWritten;
    }

    public long records()
    {
        return records;
    }
}

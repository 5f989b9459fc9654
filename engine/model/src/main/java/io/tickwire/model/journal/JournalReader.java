package io.tickwire.model.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Reads SBE records from a journal in order, copying each into a reused buffer. Thread-bound like the
 * Chronicle tailer underneath.
 */
public final class JournalReader implements AutoCloseable
{
    /** Receives one record; the buffer is only valid during the call. */
    public interface RecordHandler
    {
        void onRecord(UnsafeBuffer buffer, int length, long index);
    }

    private final ExcerptTailer tailer;
    private byte[] bytes = new byte[1 << 16];
    private final UnsafeBuffer buffer = new UnsafeBuffer(bytes);

    public JournalReader(final ChronicleQueue queue)
    {
        this.tailer = queue.createTailer();
    }

    public JournalReader toStart()
    {
        tailer.toStart();
        return this;
    }

    /**
     * Positions the reader so the record at {@code index} is read next.
     * @return false when the journal holds no record at that index
     */
    public boolean moveTo(final long index)
    {
        return tailer.moveToIndex(index);
    }

    /** Positions the reader after the last record: it reads what is written from now on. */
    public JournalReader toEnd()
    {
        tailer.toEnd();
        return this;
    }

    /** Releases the tailer; the reader cannot be used after. */
    @Override
    public void close()
    {
        tailer.close();
    }

    /** Reads from the newest record back to the oldest. */
    public JournalReader backwardFromEnd()
    {
        tailer.direction(TailerDirection.BACKWARD).toEnd();
        return this;
    }

    /** @return 1 if a record was read, 0 if none is available yet. */
    public int poll(final RecordHandler handler)
    {
        try (DocumentContext dc = tailer.readingDocument())
        {
            if (!dc.isPresent())
            {
                return 0;
            }
            if (!dc.isData())
            {
                return 1;
            }
            final Bytes<?> in = dc.wire().bytes();
            final int length = (int)in.readRemaining();
            if (length > bytes.length)
            {
                bytes = new byte[Integer.highestOneBit(length) << 1];
                buffer.wrap(bytes);
            }
            in.read(bytes, 0, length);
            handler.onRecord(buffer, length, dc.index());
            return 1;
        }
    }

    /** Reads everything available now. @return the number of records read. */
    public long drain(final RecordHandler handler)
    {
        long count = 0;
        while (poll(handler) > 0)
        {
            count++;
        }
        return count;
    }
}

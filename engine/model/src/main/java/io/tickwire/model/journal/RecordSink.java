package io.tickwire.model.journal;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * Where a journal stage puts its records: a journal's appender live, or a check of an existing journal while the
 * node rebuilds its state at start. Used from one thread.
 */
public interface RecordSink
{
    /** A buffer to encode the next record into, at offset 0. */
    UnsafeBuffer scratch();

    /** Puts the {@code length} bytes encoded into {@link #scratch()}. */
    default void appendScratch(final int length)
    {
        append(scratch().byteArray(), 0, length);
    }

    void append(byte[] bytes, int offset, int length);
}

package io.tickwire.massive;

import io.tickwire.codecs.sbe.Cluster;
import io.tickwire.codecs.sbe.DeadLetterEncoder;
import io.tickwire.codecs.sbe.DeadLetterReason;
import io.tickwire.codecs.sbe.MessageHeaderEncoder;
import io.tickwire.model.EngineCounters;
import io.tickwire.model.journal.JournalAppender;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.ExpandableArrayBuffer;

/**
 * Keeps every frame tickwire could not fully take, whole, with its reason, in the dead-letter journal.
 * Runs on the ingest thread; the appender is created there on first use.
 */
public final class DeadLetterWriter
{
    private final ChronicleQueue queue;
    private final EngineCounters counters;
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final DeadLetterEncoder encoder = new DeadLetterEncoder();
    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(1 << 16);
    private JournalAppender appender;

    public DeadLetterWriter(final ChronicleQueue queue, final EngineCounters counters)
    {
        this.queue = queue;
        this.counters = counters;
    }

    public void write(
        final Cluster cluster, final long receiveTime, final DeadLetterReason reason, final int eventIndex,
        final String detail, final byte[] frame, final int frameLength)
    {
        if (appender == null)
        {
            appender = new JournalAppender(queue);
        }
        buffer.checkLimit(MessageHeaderEncoder.ENCODED_LENGTH + DeadLetterEncoder.BLOCK_LENGTH + 1024 + frameLength);
        encoder.wrapAndApplyHeader(buffer, 0, header)
            .eventTime(receiveTime)
            .receiveTime(receiveTime)
            .cluster(cluster)
            .reason(reason)
            .eventIndex(eventIndex)
            .detail(detail == null ? "" : detail)
            .putFrame(frame, 0, frameLength);
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
        appender.append(buffer.byteArray(), 0, length);
        counters.deadLetters.incrementRelease();
        counters.deadLetterJournalBytes.getAndAddRelease(length);
    }
}

package io.tickwire.massive;

import io.tickwire.codecs.sbe.Cluster;
import io.tickwire.codecs.sbe.MessageHeaderEncoder;
import io.tickwire.codecs.sbe.RawFrameEncoder;
import io.tickwire.model.EngineCounters;
import io.tickwire.model.journal.JournalAppender;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.ExpandableArrayBuffer;

/**
 * Raw capture: every upstream frame exactly as received, with its receive time, in the `raw` journal —
 * the evidence when a decoding question comes up, and the input for a recorded-session replay of the feed
 * itself. Runs on the ingest thread.
 */
public final class RawCaptureWriter
{
    private final ChronicleQueue queue;
    private final EngineCounters counters;
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final RawFrameEncoder encoder = new RawFrameEncoder();
    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(1 << 16);
    private JournalAppender appender;

    public RawCaptureWriter(final ChronicleQueue queue, final EngineCounters counters)
    {
        this.queue = queue;
        this.counters = counters;
    }

    public void write(final Cluster cluster, final long receiveTime, final byte[] frame, final int length)
    {
        if (appender == null)
        {
            appender = new JournalAppender(queue);
        }
        buffer.checkLimit(MessageHeaderEncoder.ENCODED_LENGTH + RawFrameEncoder.BLOCK_LENGTH + 4 + length);
        encoder.wrapAndApplyHeader(buffer, 0, header)
            .eventTime(receiveTime)
            .receiveTime(receiveTime)
            .cluster(cluster)
            .putFrame(frame, 0, length);
        final int encoded = MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
        appender.append(buffer.byteArray(), 0, encoded);
        counters.rawJournalBytes.getAndAddRelease(encoded);
    }
}

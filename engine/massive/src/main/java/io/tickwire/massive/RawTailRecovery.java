package io.tickwire.massive;

import io.tickwire.codecs.sbe.MessageHeaderDecoder;
import io.tickwire.codecs.sbe.RawFrameDecoder;
import io.tickwire.codecs.sbe.Source;
import io.tickwire.model.event.EventPublisher;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import io.tickwire.model.event.StagedBatch;
import io.tickwire.model.journal.EventCodec;
import io.tickwire.model.journal.JournalReader;
import io.tickwire.model.symbols.SymbolTable;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.LockSupport;

/**
 * After a crash: the frames the raw capture journal holds but the input journal does not (they were read and
 * captured, then lost in the ring when the process died) are decoded again and published ahead of the live feed,
 * in their original order, with their original receive times, marked {@link Source#RECOVERED}. The input
 * journal's newest frame-derived event gives the boundary: frames received after it are recovered whole; the
 * frame received at that instant keeps only its events the input journal lacks. Bounded: at most
 * {@code maxFrames} frames back. On the ring's producer thread, before the feed connects.
 */
public final class RawTailRecovery
{
    /** How long one batch may wait for room in the ring before the recovery gives up (and says so). */
    private static final long MAX_WAIT_NANOS = 10_000_000_000L;

    private RawTailRecovery()
    {
    }

    /** What the input journal holds of the live feed: its newest frame's receive time and that frame's events. */
    record Boundary(long receiveTime, int eventsJournaled)
    {
    }

    private record RawFrame(long receiveTime, byte[] bytes)
    {
    }

    /** @return how many events were recovered. */
    public static int recover(final ChronicleQueue rawJournal, final ChronicleQueue inputJournal,
        final SymbolTable symbols, final EventPublisher publisher, final int maxFrames)
    {
        final Boundary boundary = boundary(inputJournal, maxFrames * 64);
        if (boundary.eventsJournaled() == 0)
        {
            return 0; // no live event journaled within reach: nothing tells which raw frames are missing
        }
        final Deque<RawFrame> frames = framesAfter(rawJournal, boundary.receiveTime(), maxFrames);
        final MassiveFrameDecoder decoder = new MassiveFrameDecoder(symbols, (code, status, message) -> { });
        final StagedBatch batch = new StagedBatch();
        int recovered = 0;
        for (final RawFrame f : frames)
        {
            final long receiveTime = f.receiveTime();
            final byte[] frame = f.bytes();
            decoder.decode(frame, frame.length, receiveTime, batch);
            int skip = receiveTime == boundary.receiveTime() ? boundary.eventsJournaled() : 0;
            final StagedBatch out = new StagedBatch();
            for (int i = 0; i < batch.size(); i++)
            {
                final MarketEvent e = batch.get(i);
                if (isFeedEvent(e.type) && skip > 0)
                {
                    skip--; // journaled before the crash
                    continue;
                }
                final MarketEvent copy = out.add(e.type);
                copy.copyInputFrom(e);
                if (isFeedEvent(e.type))
                {
                    copy.source = Source.RECOVERED.value();
                    recovered++;
                }
            }
            final long deadline = System.nanoTime() + MAX_WAIT_NANOS;
            while (out.size() > 0 && !publisher.tryPublish(out))
            {
                if (System.nanoTime() > deadline) // a ring that does not drain: never hold the ingest thread
                {
                    throw new IllegalStateException("the ring did not take recovered events for " +
                        MAX_WAIT_NANOS / 1_000_000_000L + " s; " + recovered + " of them journaled");
                }
                LockSupport.parkNanos(100_000); // the stages are draining the ring: start-up may wait for them
            }
        }
        return recovered;
    }

    private static boolean isFeedEvent(final int type)
    {
        return type == EventType.TRADE || type == EventType.QUOTE || type == EventType.INDEX_VALUE ||
            type == EventType.AGGREGATE;
    }

    /** The newest receive time of a feed event (source TICK) in the input journal, and how many share it. */
    static Boundary boundary(final ChronicleQueue inputJournal, final int maxRecords)
    {
        final EventCodec codec = new EventCodec();
        final MarketEvent e = new MarketEvent();
        final long[] found = {Long.MIN_VALUE, 0};
        final boolean[] done = {false};
        final JournalReader reader = new JournalReader(inputJournal).backwardFromEnd();
        for (int i = 0; i < maxRecords && !done[0]; i++)
        {
            if (reader.poll((buffer, length, index) ->
            {
                if (!codec.decode(buffer, 0, e) || !isFeedEvent(e.type) || e.source != Source.TICK.value())
                {
                    return;
                }
                if (found[0] == Long.MIN_VALUE || e.receiveTime == found[0])
                {
                    found[0] = e.receiveTime;
                    found[1]++;
                }
                else
                {
                    done[0] = true;
                }
            }) == 0)
            {
                break;
            }
        }
        return new Boundary(found[0], (int)found[1]);
    }

    /** Raw frames received at or after {@code from}, oldest first. */
    private static Deque<RawFrame> framesAfter(final ChronicleQueue rawJournal, final long from, final int maxFrames)
    {
        final Deque<RawFrame> frames = new ArrayDeque<>();
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final RawFrameDecoder raw = new RawFrameDecoder();
        final boolean[] done = {false};
        final JournalReader reader = new JournalReader(rawJournal).backwardFromEnd();
        while (!done[0] && frames.size() < maxFrames)
        {
            if (reader.poll((buffer, length, index) ->
            {
                header.wrap(buffer, 0);
                if (header.templateId() != RawFrameDecoder.TEMPLATE_ID)
                {
                    return;
                }
                raw.wrapAndApplyHeader(buffer, 0, header);
                if (raw.receiveTime() < from)
                {
                    done[0] = true;
                    return;
                }
                final long receiveTime = raw.receiveTime();
                final byte[] bytes = new byte[raw.frameLength()];
                raw.getFrame(new UnsafeBuffer(bytes), 0, bytes.length);
                frames.addFirst(new RawFrame(receiveTime, bytes));
            }) == 0)
            {
                break;
            }
        }
        return frames;
    }
}

package io.tickwire.engine.journal;

import io.tickwire.model.journal.EventCodec;
import io.tickwire.model.journal.JournalAppender;
import io.tickwire.model.journal.RecordSink;
import com.lmax.disruptor.EventHandler;
import io.tickwire.model.EngineCounters;
import io.tickwire.model.EpochClock;
import io.tickwire.model.latency.LatencyHistogram;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.ExpandableArrayBuffer;

import java.util.function.Supplier;

/**
 * Last stage: writes what tickwire concluded from each input, in ring order — symbol definitions, accepted
 * trades, quotes, index values, upstream aggregates, feed states, then the bars the input closed and the
 * metrics computed at those closes, then setup transitions and tactical alerts. Timer
 * ticks and rejected inputs leave no output record. The gateway and the tools read this journal; replay
 * must reproduce it byte for byte. Its records go to a {@link RecordSink}: the journal's appender, or, while the
 * node rebuilds its state at start, an {@link OutputJournalCheck} of what the journal already holds.
 */
public final class OutputJournalHandler implements EventHandler<MarketEvent>
{
    private final Supplier<RecordSink> sinks;
    private final EngineCounters counters;
    private final EventCodec codec = new EventCodec();
    /** A live trade's receipt, and its publication on the ring, to its records in the journal: observed only. */
    private final LatencyHistogram latency;
    private final LatencyHistogram ringLatency;
    private RecordSink appender;

    /** Appends to {@code queue}. */
    public OutputJournalHandler(final ChronicleQueue queue, final EngineCounters counters)
    {
        this(() -> new JournalAppender(queue), counters, LatencyHistogram.NONE, LatencyHistogram.NONE);
    }

    /** Appends to {@code queue}, timing each trade from its receipt and from the ring (the live node's). */
    public OutputJournalHandler(final ChronicleQueue queue, final EngineCounters counters,
        final LatencyHistogram fromReceipt, final LatencyHistogram fromRing)
    {
        this(() -> new JournalAppender(queue), counters, fromReceipt, fromRing);
    }

    /** @param sinks made on the stage's thread (Chronicle appenders are thread-bound) */
    public OutputJournalHandler(final Supplier<RecordSink> sinks, final EngineCounters counters)
    {
        this(sinks, counters, LatencyHistogram.NONE, LatencyHistogram.NONE);
    }

    private OutputJournalHandler(final Supplier<RecordSink> sinks, final EngineCounters counters,
        final LatencyHistogram fromReceipt, final LatencyHistogram fromRing)
    {
        this.sinks = sinks;
        this.counters = counters;
        this.latency = fromReceipt;
        this.ringLatency = fromRing;
    }

    @Override
    public void onStart()
    {
        appender = sinks.get();
    }

    @Override
    public void onEvent(final MarketEvent event, final long sequence, final boolean endOfBatch)
    {
        if (event.accepted && event.type != EventType.TIMER)
        {
            final int length = codec.encodeOutput(event, appender.scratch(), 0);
            if (length > 0)
            {
                appender.appendScratch(length);
                count(length);
            }
        }
        appendAll(event.barOutput, event.barOutputLength);
        appendAll(event.metricsOutput, event.metricsOutputLength);
        appendAll(event.setupOutput, event.setupOutputLength);
        if (event.type == EventType.TRADE && latency.live())
        {
            // the process's epoch clock, as the receive time was stamped: a measurement beside the output, not in it
            final long now = EpochClock.INSTANCE.nanoTime();
            latency.record(now - event.receiveTime);
            ringLatency.record(now - event.publishNanos);
        }
    }

    private void appendAll(final ExpandableArrayBuffer records, final int limit)
    {
        final byte[] bytes = records.byteArray();
        int offset = 0;
        while (offset < limit)
        {
            final int length = records.getInt(offset);
            appender.append(bytes, offset + 4, length);
            count(length);
            offset += 4 + length;
        }
    }

    private void count(final int length)
    {
        counters.outputJournalRecords.incrementRelease();
        counters.outputJournalBytes.getAndAddRelease(length);
    }
}

package io.tickwire.engine.journal;

import io.tickwire.model.journal.EventCodec;
import io.tickwire.model.journal.JournalAppender;
import com.lmax.disruptor.EventHandler;
import io.tickwire.model.EngineCounters;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.ExpandableArrayBuffer;

/**
 * Last stage: writes what tickwire concluded from each input, in ring order — symbol definitions, accepted
 * trades, quotes, index values, upstream aggregates, feed states, then the bars the input closed and the
 * metrics computed at those closes, then setup transitions and tactical alerts. Timer
 * ticks and rejected inputs leave no output record. The gateway and the tools read this journal; replay
 * must reproduce it byte for byte.
 */
public final class OutputJournalHandler implements EventHandler<MarketEvent>
{
    private final ChronicleQueue queue;
    private final EngineCounters counters;
    private final EventCodec codec = new EventCodec();
    private JournalAppender appender;

    public OutputJournalHandler(final ChronicleQueue queue, final EngineCounters counters)
    {
        this.queue = queue;
        this.counters = counters;
    }

    @Override
    public void onStart()
    {
        appender = new JournalAppender(queue);
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

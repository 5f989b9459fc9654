package io.tickwire.engine.journal;

import io.tickwire.model.journal.EventCodec;
import io.tickwire.model.journal.JournalAppender;
import com.lmax.disruptor.EventHandler;
import io.tickwire.model.EngineCounters;
import io.tickwire.model.event.MarketEvent;
import net.openhft.chronicle.queue.ChronicleQueue;

/**
 * Journals every input exactly as it entered the ring — ticks, timer ticks, feed states, symbol
 * definitions, duplicates included — so replay can drive the same handlers through the same decisions.
 */
public final class InputJournalHandler implements EventHandler<MarketEvent>
{
    private final ChronicleQueue queue;
    private final EngineCounters counters;
    private final EventCodec codec = new EventCodec();
    private JournalAppender appender;

    public InputJournalHandler(final ChronicleQueue queue, final EngineCounters counters)
    {
        this.queue = queue;
        this.counters = counters;
    }

    @Override
    public void onStart()
    {
        appender = new JournalAppender(queue); // appenders belong to the thread that uses them
    }

    @Override
    public void onEvent(final MarketEvent event, final long sequence, final boolean endOfBatch)
    {
        final int length = codec.encodeInput(event, appender.scratch(), 0);
        if (length > 0)
        {
            appender.appendScratch(length);
            event.inputIndex = appender.lastIndex(); // stages after this one cite it as the cause
            counters.inputJournalRecords.incrementRelease();
            counters.inputJournalBytes.getAndAddRelease(length);
        }
    }
}

package io.tickwire.testing;

import io.tickwire.config.Keys;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import io.tickwire.model.journal.EventCodec;
import io.tickwire.model.journal.Journal;
import io.tickwire.model.journal.JournalAppender;
import net.openhft.chronicle.queue.ChronicleQueue;

import java.nio.file.Path;
import java.time.LocalTime;

/**
 * An input journal a test writes by hand: a real Chronicle journal with the node's roll cycle, its events
 * encoded as the input journal stage encodes them. Fill {@link #next} and {@link #append} it.
 */
public final class TestInputJournal implements AutoCloseable
{
    private final ChronicleQueue queue;
    private final JournalAppender appender;
    private final EventCodec codec = new EventCodec();
    private final MarketEvent event = new MarketEvent();

    private TestInputJournal(final Path path)
    {
        queue = Journal.open(path, Keys.RollCycleName.LARGE_DAILY, LocalTime.of(6, 0));
        appender = new JournalAppender(queue);
    }

    public static TestInputJournal open(final Path path)
    {
        return new TestInputJournal(path);
    }

    /** The event to fill next, cleared to {@code type}, at {@code time} (event and receive time). */
    public MarketEvent next(final int type, final long time)
    {
        event.reset(type);
        event.eventTime = time;
        event.receiveTime = time;
        return event;
    }

    /** Appends the event filled since {@link #next}. */
    public void append()
    {
        append(event);
    }

    public void append(final MarketEvent e)
    {
        appender.appendScratch(codec.encodeInput(e, appender.scratch(), 0));
    }

    /** A symbol's definition. */
    public void symbol(final int symbolId, final String ticker, final long time)
    {
        next(EventType.SYMBOL, time).symbolId = symbolId;
        event.text(ticker);
        append();
    }

    /** A timer tick. */
    public void timer(final long time)
    {
        next(EventType.TIMER, time);
        append();
    }

    @Override
    public void close()
    {
        queue.close();
    }
}

package io.tickwire.gateway;

import io.tickwire.codecs.sbe.BarKind;
import io.tickwire.codecs.sbe.MessageHeaderEncoder;
import io.tickwire.codecs.sbe.MicrobarEncoder;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import io.tickwire.model.journal.EventCodec;
import io.tickwire.model.journal.Journal;
import io.tickwire.model.journal.JournalAppender;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;
import java.time.LocalTime;

import static io.tickwire.config.Keys.RollCycleName.LARGE_DAILY;

/** An output journal the gateway tests (and the client's) write engine records into, as the engine would. */
public final class OutputRecords implements AutoCloseable
{
    public static final long T0 = 1_763_730_000_000_000_000L;

    public final ChronicleQueue journal;
    final JournalAppender appender;
    private final EventCodec codec = new EventCodec();

    public OutputRecords(final Path dir)
    {
        journal = Journal.open(dir, LARGE_DAILY, LocalTime.of(6, 0));
        appender = new JournalAppender(journal);
    }

    public void symbol(final int id, final String ticker)
    {
        final MarketEvent e = event(EventType.SYMBOL, id, T0);
        e.text(ticker);
        write(e);
    }

    /** @return the trade record's journal position */
    public long trade(final int id, final long time, final long price, final long size)
    {
        final MarketEvent e = event(EventType.TRADE, id, time);
        e.price = price;
        e.size = size * 1_000_000L;
        e.exchange = 4;
        write(e);
        return appender.lastIndex();
    }

    void quote(final int id, final long time)
    {
        final MarketEvent e = event(EventType.QUOTE, id, time);
        e.bidPrice = 599_990_000L;
        e.askPrice = 600_010_000L;
        e.bidSize = 100_000_000L;
        e.askSize = 200_000_000L;
        write(e);
    }

    void status()
    {
        final MarketEvent e = event(EventType.FEED_STATUS, 0, T0);
        e.cluster = 2;
        e.feedState = 1;
        e.statusCode = 3;
        e.text("authenticated");
        write(e);
    }

    void bar(final int id, final long start)
    {
        final UnsafeBuffer buffer = appender.scratch();
        new MicrobarEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .eventTime(start + 1_250_000_000L).receiveTime(start).symbolId(id).timeframeMillis(1000)
            .kind(BarKind.QUIET).revision(0).startTime(start).endTime(start + 1_000_000_000L)
            .open(520_500_000L).high(520_500_000L).low(520_500_000L).close(520_500_000L)
            .volume(0).vwap(0).tradeCount(0).firstTradeTime(0).lastTradeTime(0);
        appender.appendScratch(MessageHeaderEncoder.ENCODED_LENGTH + MicrobarEncoder.BLOCK_LENGTH);
    }

    static MarketEvent event(final int type, final int id, final long time)
    {
        final MarketEvent e = new MarketEvent();
        e.reset(type);
        e.symbolId = id;
        e.eventTime = time;
        e.receiveTime = time;
        return e;
    }

    void write(final MarketEvent e)
    {
        appender.appendScratch(codec.encodeOutput(e, appender.scratch(), 0));
    }

    @Override
    public void close()
    {
        journal.close();
    }
}

package io.tickwire.model.journal;

import io.tickwire.config.Keys;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JournaledTradesTest
{
    private static final long T0 = 1_795_186_800_000_000_000L;
    private static final long S = 1_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void shouldFindTheNewestEventAndTheTradesWithinTheWindowBeforeIt()
    {
        try (ChronicleQueue input = Journal.open(dir, Keys.RollCycleName.LARGE_DAILY, LocalTime.of(6, 0)))
        {
            final JournalAppender appender = new JournalAppender(input);
            final EventCodec codec = new EventCodec();
            for (int i = 0; i < 10; i++)
            {
                final MarketEvent e = new MarketEvent();
                e.reset(i == 5 ? EventType.QUOTE : EventType.TRADE);
                e.symbolId = 1;
                e.exchange = 4;
                e.trfId = i % 2 == 0 ? 0 : 202;
                e.tradeIdKey = 100 + i;
                e.eventTime = T0 + i * S;
                e.receiveTime = e.eventTime;
                appender.appendScratch(codec.encodeInput(e, appender.scratch(), 0));
            }
            final JournaledTrades.Tail tail = JournaledTrades.tail(input, 2 * S, 1_000);
            assertEquals(T0 + 9 * S, tail.lastEventTime(), "the newest market event");
            assertEquals(Set.of(new JournaledTrades.Identity(1, 4, 202, 107), new JournaledTrades.Identity(1, 4, 0, 108),
                new JournaledTrades.Identity(1, 4, 202, 109)), tail.trades(), "trades from 2 s before it on");
        }
    }

    @Test
    void shouldFindNothingInAnEmptyJournal()
    {
        try (ChronicleQueue input = Journal.open(dir, Keys.RollCycleName.LARGE_DAILY, LocalTime.of(6, 0)))
        {
            final JournaledTrades.Tail tail = JournaledTrades.tail(input, 2 * S, 1_000);
            assertEquals(0, tail.lastEventTime(), "a first run: no gap to declare");
            assertEquals(Set.of(), tail.trades());
        }
    }
}

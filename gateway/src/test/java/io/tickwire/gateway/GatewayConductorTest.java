package io.tickwire.gateway;

import io.tickwire.model.Telemetry;
import io.tickwire.model.latency.LatencyHistograms;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.tickwire.codecs.sbe.Source;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import io.tickwire.model.journal.EventCodec;
import io.tickwire.model.journal.Journal;
import io.tickwire.model.journal.JournalAppender;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import static io.tickwire.config.Keys.RollCycleName.LARGE_DAILY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The conductor driven duty cycle by duty cycle, a desk on an embedded channel: a desk that subscribes while the
 * conductor is still reading the journal's history gets no history as live, and its snapshot waits until the
 * cache holds the whole history.
 */
class GatewayConductorTest
{
    private static final long T0 = 1_763_730_000_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void shouldHoldHistoryBackFromADeskThatSubscribesDuringCatchUp() throws Exception
    {
        try (ChronicleQueue journal = Journal.open(dir.resolve("output"), LARGE_DAILY, LocalTime.of(6, 0)))
        {
            final JournalAppender appender = new JournalAppender(journal);
            final EventCodec codec = new EventCodec();
            write(appender, codec, symbol());
            for (int i = 0; i < 2_000; i++)
            {
                write(appender, codec, trade(T0 + i, 600_000_000L + i));
            }
            final Telemetry telemetry = Telemetry.inMemory();
            final GatewayCounters counters = new GatewayCounters(telemetry.counters());
            final GatewaySettings settings = GatewaySettings.defaults();
            final GatewayConductor conductor = new GatewayConductor(settings, journal, counters,
                new DeskAccess(settings, counters), telemetry.latencies().hop(LatencyHistograms.Hop.RECEIVE_TO_DESK_WRITE));
            conductor.onStart();
            final EmbeddedChannel desk = new EmbeddedChannel();
            conductor.onOpen(desk);
            conductor.doWork(); // the first 512 records of the history
            assertFalse(conductor.caughtUp());
            conductor.onText(desk, "{\"op\":\"subscribe\",\"channels\":[\"trades\"],\"symbols\":[\"SPY\"]}");
            while (!conductor.caughtUp())
            {
                conductor.doWork();
            }
            write(appender, codec, trade(T0 + 5_000, 700_000_000L));
            conductor.doWork();
            final List<String> trades = texts(desk).stream().filter((m) -> m.contains("\"type\":\"trade\"")).toList();
            assertEquals(2, trades.size(), "one snapshot, then the one live trade: " + trades);
            assertTrue(trades.get(0).contains("\"snapshot\":true") && trades.get(0).contains("\"price\":600.001999"),
                "the snapshot is the last of the whole history: " + trades.get(0));
            assertTrue(trades.get(1).contains("\"price\":700,") && !trades.get(1).contains("snapshot"), trades.get(1));
        }
    }

    private static void write(final JournalAppender appender, final EventCodec codec, final MarketEvent e)
    {
        appender.appendScratch(codec.encodeOutput(e, appender.scratch(), 0));
    }

    private static MarketEvent symbol()
    {
        final MarketEvent e = new MarketEvent();
        e.reset(EventType.SYMBOL);
        e.symbolId = 1;
        e.eventTime = T0;
        e.text("SPY");
        return e;
    }

    private static MarketEvent trade(final long time, final long price)
    {
        final MarketEvent e = new MarketEvent();
        e.reset(EventType.TRADE);
        e.symbolId = 1;
        e.eventTime = time;
        e.receiveTime = time;
        e.source = Source.TICK.value();
        e.price = price;
        e.size = 100_000_000L;
        return e;
    }

    /** The text of every WebSocket frame written to the channel (server frames: unmasked). */
    private static List<String> texts(final EmbeddedChannel channel)
    {
        final List<String> out = new ArrayList<>();
        Object o;
        while ((o = channel.readOutbound()) != null)
        {
            final ByteBuf b = (ByteBuf)o;
            b.readByte(); // FIN + text opcode
            int length = b.readByte() & 0x7F;
            if (length == 126)
            {
                length = b.readUnsignedShort();
            }
            else if (length == 127)
            {
                length = (int)b.readLong();
            }
            out.add(b.readCharSequence(length, StandardCharsets.UTF_8).toString());
            b.release();
        }
        return out;
    }
}

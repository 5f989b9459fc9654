package io.tickwire.replay;

import io.tickwire.config.Keys;
import io.tickwire.config.TickwireConfig;
import io.tickwire.gateway.EngineLink;
import io.tickwire.gateway.GatewayServer;
import io.tickwire.gateway.GatewaySettings;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import io.tickwire.model.journal.EventCodec;
import io.tickwire.model.journal.Journal;
import io.tickwire.model.journal.JournalAppender;
import io.tickwire.model.journal.JournalReader;
import io.tickwire.replay.journal.RecordFilter;
import io.tickwire.replay.journal.SliceCopy;
import io.tickwire.testing.WebSocketTestClient;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A slice of a recorded day: the stages warm up on everything before it, so its records are those of the whole
 * day's replay, byte for byte; served through a gateway at a chosen speed, a desk sees the state before the
 * slice as its snapshot and the slice as live.
 */
class SlicedReplayTest
{
    private static final long T0 = 1_763_730_000_000_000_000L;
    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000 * MS;

    @Test
    void shouldReplayASliceWithTheStateTheWholeDayHadAtItsStart(@TempDir final Path dir)
    {
        writeInput(dir.resolve("input"));
        final TickwireConfig config = TickwireConfig.load(null, Map.of(), Map.of());
        new JournalReplayer(config).replay(dir.resolve("input"), dir.resolve("whole"));
        final ReplaySlice slice = new ReplaySlice(T0 + 4 * SECOND, T0 + 8 * SECOND, Set.of("SPY"), 0);
        new JournalReplayer(config).replay(dir.resolve("input"), dir.resolve("working"), slice, () -> { });
        try (ChronicleQueue working = Journal.openForRead(dir.resolve("working"));
            ChronicleQueue sliced = Journal.open(dir.resolve("slice"), Keys.RollCycleName.LARGE_DAILY, LocalTime.of(6, 0)))
        {
            SliceCopy.copy(working, sliced, new RecordFilter(Set.of(), slice.symbols(), slice.fromNanos(),
                slice.toNanos()));
        }
        final Set<String> whole = records(dir.resolve("whole"));
        final List<byte[]> slice1 = new ArrayList<>();
        try (ChronicleQueue sliced = Journal.openForRead(dir.resolve("slice")))
        {
            new JournalReader(sliced).toStart().drain((buffer, length, index) ->
            {
                final byte[] bytes = new byte[length];
                buffer.getBytes(0, bytes);
                slice1.add(bytes);
            });
        }
        assertTrue(slice1.size() > 10, "the slice wrote records: " + slice1.size());
        for (final byte[] record : slice1)
        {
            assertTrue(whole.contains(Arrays.toString(record)), "every record of the slice is the whole day's, " +
                "byte for byte (metrics included, which need the history before the slice)");
        }
        assertTrue(slice1.size() < whole.size() / 2, "only SPY's, only the window");
    }

    @Test
    void shouldServeASliceLiveWithTheStateBeforeItAsTheSnapshot(@TempDir final Path dir) throws Exception
    {
        writeInput(dir.resolve("input"));
        final AtomicReference<GatewayServer> gateway = new AtomicReference<>();
        final AtomicReference<WebSocketTestClient> desk = new AtomicReference<>();
        final ReplaySlice slice = new ReplaySlice(T0 + 4 * SECOND, T0 + 6 * SECOND, Set.of(), 20);
        try (ChronicleQueue output = Journal.open(dir.resolve("served"), Keys.RollCycleName.LARGE_DAILY,
            LocalTime.of(6, 0)))
        {
            new JournalReplayer(TickwireConfig.load(null, Map.of(), Map.of())).replay(dir.resolve("input"),
                dir.resolve("served"), slice, () ->
                {
                    gateway.set(GatewayServer.start(GatewaySettings.defaults().port(0), output,
                        EngineLink.none((reason) -> { })));
                    try
                    {
                        final WebSocketTestClient client = WebSocketTestClient.connect(gateway.get().webSocketUrl());
                        client.await((m) -> m.contains("\"type\":\"welcome\""), 5_000);
                        client.send("{\"op\":\"subscribe\",\"channels\":[\"trades\"],\"symbols\":[\"SPY\"]}");
                        client.await((m) -> m.contains("\"type\":\"snapshot_end\""), 5_000);
                        desk.set(client);
                    }
                    catch (final InterruptedException ex)
                    {
                        throw new IllegalStateException(ex);
                    }
                });
            try (WebSocketTestClient client = desk.get())
            {
                final String lastLive = "\"t\":" + (T0 + 6 * SECOND - 40 * MS) + ",";
                client.await((m) -> m.contains(lastLive), 10_000);
                final List<String> trades = client.all().stream().map(WebSocketTestClient.Message::text)
                    .filter((m) -> m.contains("\"type\":\"trade\"")).toList();
                assertTrue(trades.get(0).contains("\"snapshot\":true") &&
                    trades.get(0).contains("\"t\":" + (T0 + 4 * SECOND - 40 * MS) + ","), "the state before: " +
                    trades.get(0));
                assertEquals(50, trades.size() - 1, "the slice's 50 SPY trades, live");
                assertFalse(trades.subList(1, trades.size()).stream().anyMatch((m) -> m.contains("snapshot")));
            }
            finally
            {
                gateway.get().close();
            }
        }
    }

    private static Set<String> records(final Path journal)
    {
        final Set<String> records = new HashSet<>();
        try (ChronicleQueue queue = Journal.openForRead(journal))
        {
            new JournalReader(queue).toStart().drain((buffer, length, index) ->
            {
                final byte[] bytes = new byte[length];
                buffer.getBytes(0, bytes);
                records.add(Arrays.toString(bytes));
            });
        }
        return records;
    }

    /** SPY and QQQ trades every 40 ms for 16 s, timer ticks every 100 ms. */
    private static void writeInput(final Path path)
    {
        try (ChronicleQueue queue = Journal.open(path, Keys.RollCycleName.LARGE_DAILY, LocalTime.of(6, 0)))
        {
            final JournalAppender appender = new JournalAppender(queue);
            final EventCodec codec = new EventCodec();
            final MarketEvent e = new MarketEvent();
            for (int id = 1; id <= 2; id++)
            {
                e.reset(EventType.SYMBOL);
                e.symbolId = id;
                e.eventTime = T0;
                e.receiveTime = T0;
                e.text(id == 1 ? "SPY" : "QQQ");
                appender.appendScratch(codec.encodeInput(e, appender.scratch(), 0));
            }
            for (long t = T0; t < T0 + 16 * SECOND; t += 20 * MS)
            {
                final long n = (t - T0) / (20 * MS);
                if (n % 5 == 0)
                {
                    e.reset(EventType.TIMER);
                    e.eventTime = t;
                    e.receiveTime = t;
                    appender.appendScratch(codec.encodeInput(e, appender.scratch(), 0));
                }
                e.reset(EventType.TRADE);
                e.symbolId = n % 2 == 0 ? 1 : 2;
                e.eventTime = t;
                e.receiveTime = t;
                e.price = (600 + n % 7) * 1_000_000L;
                e.size = 100_000_000L;
                e.tradeIdKey = n;
                e.exchange = 1;
                appender.appendScratch(codec.encodeInput(e, appender.scratch(), 0));
            }
        }
    }
}

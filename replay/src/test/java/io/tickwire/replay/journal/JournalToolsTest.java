package io.tickwire.replay.journal;

import io.tickwire.testing.TestInputJournal;
import io.tickwire.codecs.sbe.Cluster;
import io.tickwire.codecs.sbe.DeadLetterReason;
import io.tickwire.config.Keys;
import io.tickwire.config.TickwireConfig;
import io.tickwire.massive.DeadLetterWriter;
import io.tickwire.model.EngineCounters;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import io.tickwire.model.journal.EventCodec;
import io.tickwire.model.journal.Journal;
import io.tickwire.model.journal.JournalAppender;
import io.tickwire.replay.JournalReplayer;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The journal tools on real journals: an input journal replayed by the engine's own replay into an output
 * journal, a dead-letter journal written by the ingest's writer; dump, stats and verify read them from the
 * schema alone, verify fails on a damaged copy, tail follows appends.
 */
class JournalToolsTest
{
    private static final long T0 = 1_763_730_000_000_000_000L;
    private static final long MS = 1_000_000L;

    @TempDir
    Path dir;

    @Test
    void shouldDumpEveryRecordTypeWithFiltersAsJsonAndCsvAndCountTheSameInStats() throws Exception
    {
        writeInput(dir.resolve("input"), 200);
        new JournalReplayer(TickwireConfig.load(null, Map.of(), Map.of())).replay(dir.resolve("input"), dir.resolve("output"));
        try (ChronicleQueue output = Journal.openForRead(dir.resolve("output")))
        {
            final List<String> bars = dump(output, new RecordFilter(Set.of("Microbar"), Set.of("SPY"), Long.MIN_VALUE,
                Long.MAX_VALUE), JournalDump.Format.JSON);
            assertFalse(bars.isEmpty());
            assertTrue(bars.get(0).matches("\\{\"index\":\\d+,\"type\":\"Microbar\",\"ticker\":\"SPY\",\"eventTime\":\\d+,.*"),
                bars.get(0));
            assertTrue(bars.get(0).contains("\"open\":600.01,") || bars.get(0).contains("\"open\":600"), bars.get(0));
            assertTrue(bars.get(0).contains("\"kind\":\""), "enums by name: " + bars.get(0));

            final List<String> trades = dump(output, new RecordFilter(Set.of("Trade"), Set.of(), Long.MIN_VALUE,
                Long.MAX_VALUE), JournalDump.Format.CSV);
            assertTrue(trades.get(0).startsWith("index,ticker,eventTime,receiveTime,symbolId,"), trades.get(0));
            assertEquals(150 + 1, trades.size(), "a header and the 150 unique trades");
            assertTrue(trades.get(1).contains(",SPY,"), trades.get(1));

            final long windowStart = T0 + 400 * MS;
            final List<String> window = dump(output, new RecordFilter(Set.of("Trade"), Set.of(), windowStart,
                windowStart + 400 * MS), JournalDump.Format.JSON);
            assertEquals(10, window.size(), "trades 40 ms apart in a 400 ms window");

            final JournalStats.Result stats = JournalStats.of(output, dir.resolve("output"));
            assertEquals(150, stats.byType().get("Trade")[0]);
            assertEquals(bars.size(), stats.byType().get("Microbar")[0]);
            assertEquals(1, stats.symbols());
            assertTrue(stats.files().keySet().stream().anyMatch((f) -> f.endsWith(".cq4")), stats.files().toString());
            assertTrue(JournalVerify.verify(output).sound());
        }
    }

    @Test
    void shouldShowADeadLettersFrameAsText()
    {
        try (ChronicleQueue deadLetters = Journal.open(dir.resolve("deadletter"), Keys.RollCycleName.LARGE_DAILY,
            LocalTime.of(6, 0)))
        {
            final byte[] frame = "[{\"ev\":\"T\",\"sym\":\"SPY\",\"p\":60".getBytes(StandardCharsets.UTF_8);
            new DeadLetterWriter(deadLetters, new EngineCounters()).write(Cluster.STOCKS, T0, DeadLetterReason.MALFORMED_JSON,
                0, "truncated frame", frame, frame.length);
            final List<String> lines = dump(deadLetters, RecordFilter.ALL, JournalDump.Format.JSON);
            assertEquals(1, lines.size());
            assertTrue(lines.get(0).contains("\"reason\":\"MALFORMED_JSON\""), lines.get(0));
            assertTrue(lines.get(0).contains("\"frame\":\"[{\\\"ev\\\":\\\"T\\\",\\\"sym\\\":\\\"SPY\\\",\\\"p\\\":60\""),
                lines.get(0));
        }
    }

    @Test
    void shouldFailVerifyOnADamagedJournal() throws Exception
    {
        writeInput(dir.resolve("input"), 50);
        final Path file;
        try (Stream<Path> files = Files.list(dir.resolve("input")))
        {
            file = files.filter((f) -> f.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
        final byte[] bytes = Files.readAllBytes(file);
        // a trade record's SBE header: blockLength, templateId 2, schemaId 7401, version; make the 10th one's
        // template 999, a message the schema does not have
        int found = 0;
        for (int i = 2; i + 6 < bytes.length; i++)
        {
            if (bytes[i] == 2 && bytes[i + 1] == 0 && bytes[i + 2] == (byte)0xE9 && bytes[i + 3] == 0x1C && ++found == 10)
            {
                bytes[i] = (byte)0xE7;
                bytes[i + 1] = 0x03;
                break;
            }
        }
        assertEquals(10, found);
        Files.write(file, bytes);
        try (ChronicleQueue input = Journal.openForRead(dir.resolve("input")))
        {
            final JournalVerify.Result result = JournalVerify.verify(input);
            assertFalse(result.sound());
            assertEquals(1, result.problemCount());
            assertTrue(result.problems().get(0).contains("unknown template id 999"), result.problems().toString());
        }
    }

    @Test
    void shouldFollowAppendsLikeTailF() throws Exception
    {
        writeInput(dir.resolve("input"), 1);
        try (ChronicleQueue input = Journal.open(dir.resolve("input"), Keys.RollCycleName.LARGE_DAILY, LocalTime.of(6, 0)))
        {
            final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
            final AtomicBoolean stop = new AtomicBoolean();
            final CompletableFuture<Long> tail = CompletableFuture.supplyAsync(() ->
                new JournalDump(new RecordFilter(Set.of("Trade"), Set.of(), Long.MIN_VALUE, Long.MAX_VALUE),
                    JournalDump.Format.JSON, out).dump(input, true, stop::get));
            final MarketEvent e = trade(T0 + 5_000 * MS, 7_000);
            final JournalAppender appender = new JournalAppender(input);
            appender.appendScratch(new EventCodec().encodeInput(e, appender.scratch(), 0));
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!bytes.toString(StandardCharsets.UTF_8).contains("\"eventTime\":" + (T0 + 5_000 * MS)))
            {
                assertTrue(System.nanoTime() < deadline, "the appended trade within 10 s: " + bytes);
                TimeUnit.MILLISECONDS.sleep(10);
            }
            stop.set(true);
            assertEquals(2, tail.get(10, TimeUnit.SECONDS));
        }
    }

    private static List<String> dump(final ChronicleQueue journal, final RecordFilter filter,
        final JournalDump.Format format)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new JournalDump(filter, format, new PrintStream(bytes, true, StandardCharsets.UTF_8)).dump(journal, false,
            () -> false);
        final String text = bytes.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    private static MarketEvent trade(final long time, final int i)
    {
        final MarketEvent e = new MarketEvent();
        e.reset(EventType.TRADE);
        e.symbolId = 1;
        e.eventTime = time;
        e.receiveTime = time;
        e.price = 600_010_000L + i * 10_000L;
        e.size = 100_000_000L;
        e.exchange = 4;
        e.tradeIdKey = i; // the dedupe key: a repeated one is a duplicate
        return e;
    }

    /** SPY's definition, then {@code count} trades 40 ms apart (from the 151st, repeats), and a timer. */
    static void writeInput(final Path path, final int count) throws IOException
    {
        try (TestInputJournal input = TestInputJournal.open(path))
        {
            input.symbol(1, "SPY", T0);
            for (int i = 0; i < count; i++)
            {
                input.append(trade(T0 + i * 40 * MS, i % 150));
            }
            input.timer(T0 + 16_000 * MS);
        }
    }
}

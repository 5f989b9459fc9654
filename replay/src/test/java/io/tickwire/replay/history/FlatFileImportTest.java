package io.tickwire.replay.history;

import io.tickwire.replay.ProgressListener;
import io.tickwire.config.Keys;
import io.tickwire.config.TickwireConfig;
import io.tickwire.model.journal.Journal;
import io.tickwire.replay.JsonField;
import io.tickwire.replay.JournalComparator;
import io.tickwire.replay.JournalReplayer;
import io.tickwire.replay.UpstreamBarComparator;
import io.tickwire.replay.journal.JournalDump;
import io.tickwire.replay.journal.RecordFilter;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Massive flat files into an input journal, then the normal replay: the 1-minute bars equal bars computed here
 * straight from the CSV rows, and Massive's own minute aggregates in the same import; bad rows go to the rejects
 * with their line; a memory bound of a few hundred rows (many sorted runs) gives the same journal as one run.
 */
class FlatFileImportTest
{
    private static final Path SAMPLES = Path.of("../samples/flatfiles");
    private static final Path TRADES = SAMPLES.resolve(SampleFlatFiles.DAY + "_trades_v1.csv.gz");
    private static final Path MINUTES = SAMPLES.resolve(SampleFlatFiles.DAY + "_minute_aggs_v1.csv.gz");
    private static final long MINUTE = 60_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void shouldShipTheSamplesTheGeneratorMakes() throws Exception
    {
        SampleFlatFiles.write(dir);
        assertArrayEquals(Files.readAllBytes(TRADES), Files.readAllBytes(dir.resolve(TRADES.getFileName())));
        assertArrayEquals(Files.readAllBytes(MINUTES), Files.readAllBytes(dir.resolve(MINUTES.getFileName())));
    }

    @Test
    void shouldReplayAnImportIntoBarsEqualToTheRowsOwnBars() throws Exception
    {
        final FlatFileImport.Result imported = importInto(dir.resolve("input"), List.of(TRADES, MINUTES), 1 << 20,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(0, imported.rejected());
        assertEquals(3, imported.symbols());
        new JournalReplayer(TickwireConfig.load(null, Map.of(), Map.of())).replay(dir.resolve("input"),
            dir.resolve("output"));

        final Map<String, BigDecimal[]> expected = barsFromTheRows(); // ticker/minute -> o, h, l, c, v
        final Map<String, BigDecimal[]> replayed = new HashMap<>();
        try (ChronicleQueue output = Journal.openForRead(dir.resolve("output")))
        {
            final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            new JournalDump(new RecordFilter(Set.of("Microbar"), Set.of(), Long.MIN_VALUE, Long.MAX_VALUE),
                JournalDump.Format.JSON, new PrintStream(bytes, true, StandardCharsets.UTF_8)).dump(output, false,
                () -> false);
            for (final String line : bytes.toString(StandardCharsets.UTF_8).split("\n"))
            {
                if (JsonField.of(line, "timeframeMillis").equals("60000") &&
                    !JsonField.of(line, "kind").equals("\"QUIET\""))
                {
                    replayed.put(JsonField.of(line, "ticker").replace("\"", "") + "/" + JsonField.of(line, "startTime"),
                        new BigDecimal[]{dec(line, "open"), dec(line, "high"), dec(line, "low"), dec(line, "close"),
                            dec(line, "volume")}); // the latest revision wins, as it comes last
                }
            }
        }
        assertEquals(expected.keySet(), replayed.keySet(), "a bar with trades for every ticker and minute with trades " +
            "(the minutes after the last trade close quiet)");
        for (final Map.Entry<String, BigDecimal[]> bar : expected.entrySet())
        {
            final BigDecimal[] got = replayed.get(bar.getKey());
            for (int i = 0; i < 5; i++)
            {
                assertEquals(0, bar.getValue()[i].compareTo(got[i]), bar.getKey() + " field " + i + ": " +
                    bar.getValue()[i] + " vs " + got[i]);
            }
        }
        final UpstreamBarComparator.Result massive = UpstreamBarComparator.compare(dir.resolve("output"));
        assertEquals(0, massive.differing(), massive.examples().toString());
        // the first minute is PARTIAL (it began before the feed's first data), which the comparison leaves out
        assertEquals(expected.size() - 3, massive.matched(), "every other minute matched: " + massive);
        assertEquals(3, massive.upstreamOnly(), massive.toString());
    }

    @Test
    void shouldRejectBadRowsWithTheirLineAndKeepTheRest() throws Exception
    {
        final List<String> lines = new ArrayList<>(gunzip(TRADES));
        lines.add(3, "SPY,,,1,999999,1,not-a-price,1,1795530600300000000,100,3,,");
        lines.add(7, "SPY,,,1,999998,1,600.00,1,,100,3,,");
        final Path plain = dir.resolve("trades.csv");
        Files.write(plain, lines);
        final ByteArrayOutputStream rejects = new ByteArrayOutputStream();
        final FlatFileImport.Result imported = importInto(dir.resolve("input"), List.of(plain), 1 << 20,
            new PrintStream(rejects, true, StandardCharsets.UTF_8));
        assertEquals(2, imported.rejected());
        assertEquals(lines.size() - 3, imported.events(), "every other row imported");
        final String said = rejects.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("trades.csv:4: 'price' is not a decimal: 'not-a-price'"), said);
        assertTrue(said.contains("trades.csv:8: 'sip_timestamp' is not a time in ns: ''"), said);
    }

    @Test
    void shouldWriteTheSameJournalWhateverTheMemoryBound() throws Exception
    {
        final PrintStream none = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        final FlatFileImport.Result runs = importInto(dir.resolve("small"), List.of(TRADES, MINUTES), 300, none);
        importInto(dir.resolve("large"), List.of(TRADES, MINUTES), 1 << 20, none);
        assertTrue(runs.runs() > 10, "many sorted runs: " + runs.runs());
        final JournalComparator.Result same = JournalComparator.compare(dir.resolve("small"), dir.resolve("large"));
        assertTrue(same.equal(), same.difference());
    }

    private static FlatFileImport.Result importInto(final Path journal, final List<Path> files, final int runRows,
        final PrintStream rejects) throws Exception
    {
        try (ChronicleQueue input = Journal.open(journal, Keys.RollCycleName.LARGE_DAILY, LocalTime.of(6, 0)))
        {
            return new FlatFileImport(runRows, 100_000_000L).importFiles(files, input, rejects, ProgressListener.NONE);
        }
    }

    /** Minute OHLCV per ticker computed straight from the trades file, as a reader of the CSV would. */
    private static Map<String, BigDecimal[]> barsFromTheRows() throws Exception
    {
        final Map<String, TreeMap<Long, BigDecimal[]>> trades = new HashMap<>(); // ticker/minute -> time -> p, s
        for (final String row : gunzip(TRADES).subList(1, gunzip(TRADES).size()))
        {
            final String[] c = row.split(",", -1);
            final long sip = Long.parseLong(c[8]);
            trades.computeIfAbsent(c[0] + "/" + sip / MINUTE * MINUTE, (k) -> new TreeMap<>())
                .put(sip, new BigDecimal[]{new BigDecimal(c[6]), new BigDecimal(c[9])});
        }
        final Map<String, BigDecimal[]> bars = new HashMap<>();
        trades.forEach((key, byTime) ->
        {
            BigDecimal high = null;
            BigDecimal low = null;
            BigDecimal volume = BigDecimal.ZERO;
            for (final BigDecimal[] t : byTime.values())
            {
                high = high == null || t[0].compareTo(high) > 0 ? t[0] : high;
                low = low == null || t[0].compareTo(low) < 0 ? t[0] : low;
                volume = volume.add(t[1]);
            }
            bars.put(key, new BigDecimal[]{byTime.firstEntry().getValue()[0], high, low,
                byTime.lastEntry().getValue()[0], volume});
        });
        return bars;
    }

    private static List<String> gunzip(final Path file) throws Exception
    {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
            StandardCharsets.UTF_8)))
        {
            return in.lines().toList();
        }
    }

    private static BigDecimal dec(final String json, final String name)
    {
        return new BigDecimal(JsonField.of(json, name));
    }
}

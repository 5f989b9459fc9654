package io.tickwire.replay.journal;

import io.tickwire.config.TickwireConfig;
import io.tickwire.model.journal.Journal;
import io.tickwire.replay.ProgressListener;
import io.tickwire.replay.JsonField;
import io.tickwire.replay.JournalReplayer;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Export of a replayed output journal: bars to Parquet with typed columns, read back with SQL over the file
 * and compared value by value with the journal's records as the schema decoder reads them; trades to CSV.
 */
class JournalExportTest
{
    @TempDir
    Path dir;

    @Test
    void shouldExportBarsToTypedParquetThatReadsBackAsTheJournalHoldsThem() throws Exception
    {
        JournalToolsTest.writeInput(dir.resolve("input"), 200);
        new JournalReplayer(TickwireConfig.load(null, Map.of(), Map.of())).replay(dir.resolve("input"), dir.resolve("output"));
        final Path parquet = dir.resolve("bars.parquet");
        try (ChronicleQueue output = Journal.openForRead(dir.resolve("output")))
        {
            final JournalExport.Result result = JournalExport.export(output, JournalExport.Kind.BARS,
                new RecordFilter(Set.of(), Set.of("SPY"), Long.MIN_VALUE, Long.MAX_VALUE), false,
                JournalExport.Format.PARQUET, parquet, ProgressListener.NONE);
            final Map<Long, String[]> journal = barsInTheJournal(output); // index -> open, close, startTime
            assertEquals(journal.size(), result.rows());
            try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = db.createStatement())
            {
                final Map<String, String> types = new HashMap<>();
                try (ResultSet rs = sql.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + parquet + "')"))
                {
                    while (rs.next())
                    {
                        types.put(rs.getString(1), rs.getString(2));
                    }
                }
                assertEquals("TIMESTAMP_NS", types.get("startTime"));
                assertEquals("DECIMAL(18,6)", types.get("open"));
                assertEquals("VARCHAR", types.get("kind"));
                int rows = 0;
                try (ResultSet rs = sql.executeQuery("SELECT \"index\", ticker, \"open\", \"close\", " +
                    "epoch_ns(startTime) FROM read_parquet('" + parquet + "') ORDER BY \"index\""))
                {
                    while (rs.next())
                    {
                        rows++;
                        final String[] expected = journal.get(rs.getLong(1));
                        assertEquals("SPY", rs.getString(2));
                        assertEquals(0, new BigDecimal(expected[0]).compareTo(rs.getBigDecimal(3)), "open");
                        assertEquals(0, new BigDecimal(expected[1]).compareTo(rs.getBigDecimal(4)), "close");
                        assertEquals(Long.parseLong(expected[2]), rs.getLong(5), "startTime to the nanosecond");
                    }
                }
                assertEquals(journal.size(), rows);
            }
            final Path csv = dir.resolve("trades.csv");
            assertEquals(150, JournalExport.export(output, JournalExport.Kind.TRADES, RecordFilter.ALL, false,
                JournalExport.Format.CSV, csv, ProgressListener.NONE).rows());
            final List<String> lines = Files.readAllLines(csv);
            assertEquals(151, lines.size());
            assertTrue(lines.get(0).startsWith("index,ticker,eventTime,receiveTime,symbolId"), lines.get(0));
        }
    }

    /** The latest revision of every SPY bar, as the schema decoder reads the journal. */
    private static Map<Long, String[]> barsInTheJournal(final ChronicleQueue output)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new JournalDump(new RecordFilter(Set.of("Microbar"), Set.of(), Long.MIN_VALUE, Long.MAX_VALUE),
            JournalDump.Format.JSON, new PrintStream(bytes, true, StandardCharsets.UTF_8)).dump(output, false, () -> false);
        final Map<String, Long> latest = new HashMap<>();
        final Map<Long, String[]> byIndex = new HashMap<>();
        for (final String line : bytes.toString(StandardCharsets.UTF_8).split("\n"))
        {
            final long index = Long.parseLong(JsonField.of(line, "index"));
            final String bar = JsonField.of(line, "timeframeMillis") + "/" + JsonField.of(line, "startTime");
            final Long previous = latest.put(bar, index);
            if (previous != null)
            {
                byIndex.remove(previous);
            }
            byIndex.put(index, new String[]{JsonField.of(line, "open"), JsonField.of(line, "close"), JsonField.of(line, "startTime")});
        }
        return byIndex;
    }
}

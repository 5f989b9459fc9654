package io.tickwire.replay.journal;

import io.tickwire.model.journal.Journal;
import io.tickwire.model.journal.JournalReader;
import io.tickwire.replay.ProgressListener;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code tickwire export}: one kind of record from a journal (trades, quotes, bars, metrics, pairs, setups,
 * alerts), filtered by symbol and event time, to Parquet or CSV with typed columns — times as
 * {@code TIMESTAMP_NS} (0, "none", as null), prices as {@code DECIMAL(18,6)}, enums as text — written by DuckDB
 * (embedded). Bars keep
 * their latest revision unless all are asked for. The columns are the schema's fields (docs/analytics.md), after
 * {@code index} (the journal position) and {@code ticker}.
 */
public final class JournalExport
{
    /** What can be exported, by the schema message it reads. */
    public enum Kind
    {
        TRADES("Trade"), QUOTES("Quote"), BARS("Microbar"), METRICS("BarMetrics"), PAIRS("PairMetrics"),
        SETUPS("SetupTransition"), ALERTS("TacticalAlert");

        final String message;

        Kind(final String message)
        {
            this.message = message;
        }
    }

    /** How the file is written. */
    public enum Format
    {
        PARQUET, CSV
    }

    /** What was written. */
    public record Result(long rows, List<String> columns)
    {
    }

    private JournalExport()
    {
    }

    public static Result export(final ChronicleQueue journal, final Kind kind, final RecordFilter window,
        final boolean allRevisions, final Format format, final Path out, final ProgressListener progress)
        throws SQLException
    {
        final long total = Journal.documents(journal);
        final long[] read = new long[1];
        final RecordFilter filter = new RecordFilter(java.util.Set.of(kind.message), window.symbols(),
            window.fromNanos(), window.toNanos());
        final RecordDecoder decoder = new RecordDecoder();
        final SymbolTable symbols = new SymbolTable();
        try (DuckDBConnection db = (DuckDBConnection)DriverManager.getConnection("jdbc:duckdb:");
            Staged staged = new Staged(db))
        {
            try (JournalReader reader = new JournalReader(journal).toStart())
            {
                reader.drain((buffer, length, index) ->
                {
                    if (++read[0] % ProgressListener.EVERY == 0)
                    {
                        progress.progress(read[0], total);
                    }
                    final RecordDecoder.Decoded record = decoder.decode(buffer, length);
                    final String ticker = symbols.onRecord(record);
                    if (filter.passes(record, ticker, symbols.other(record)))
                    {
                        staged.add(index, ticker, record); // into DuckDB as read: nothing held on the Java heap
                    }
                });
            }
            return staged.copy(kind == Kind.BARS && !allRevisions, format, out);
        }
    }

    /**
     * The rows of an export, appended to a DuckDB table as they are read (times as BIGINT ns, decimals as text),
     * its columns those of the first row; then typed and written by one COPY. The rows live in DuckDB's columnar
     * table, off the Java heap, not as a decoded object each (which a day of quotes would not fit in).
     */
    private static final class Staged implements AutoCloseable
    {
        private final DuckDBConnection db;
        private RecordDecoder.Decoded first;
        private DuckDBAppender appender;

        Staged(final DuckDBConnection db)
        {
            this.db = db;
        }

        void add(final long index, final String ticker, final RecordDecoder.Decoded record)
        {
            try
            {
                if (first == null)
                {
                    first = record;
                    create();
                }
                appender.beginRow();
                appender.append(index);
                appender.append(ticker);
                final List<String> values = record.jsonValues();
                for (int i = 0; i < values.size(); i++)
                {
                    append(appender, first.kinds().get(i), values.get(i));
                }
                appender.endRow();
            }
            catch (final SQLException ex)
            {
                throw new IllegalStateException("staging row " + index + " for export: " + ex.getMessage(), ex);
            }
        }

        private void create() throws SQLException
        {
            final StringBuilder table = new StringBuilder("CREATE TABLE staged (\"index\" BIGINT, ticker VARCHAR");
            for (int i = 0; i < first.names().size(); i++)
            {
                table.append(", \"").append(first.names().get(i)).append("\" ").append(switch (first.kinds().get(i))
                {
                    case TIMESTAMP_NS, BIGINT -> "BIGINT";
                    case INTEGER -> "INTEGER";
                    case DOUBLE -> "DOUBLE";
                    default -> "VARCHAR";
                });
            }
            try (Statement sql = db.createStatement())
            {
                sql.execute(table.append(')').toString());
            }
            appender = db.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "staged");
        }

        /** Writes the file: typed columns, in journal order; with {@code latestRevisions}, each bar's last record. */
        Result copy(final boolean latestRevisions, final Format format, final Path out) throws SQLException
        {
            if (first == null)
            {
                throw new IllegalArgumentException("nothing to export: no record matches");
            }
            appender.close();
            appender = null;
            final StringBuilder typed = new StringBuilder("SELECT \"index\", ticker");
            for (int i = 0; i < first.names().size(); i++)
            {
                final String name = '"' + first.names().get(i) + '"';
                typed.append(", ").append(switch (first.kinds().get(i))
                {
                    case TIMESTAMP_NS -> "CASE WHEN " + name + " = 0 THEN NULL ELSE make_timestamp_ns(" + name +
                        ") END"; // 0: no such time (a TRF time on a non-TRF print)
                    case DECIMAL6 -> "CAST(" + name + " AS DECIMAL(18,6))";
                    default -> name;
                }).append(" AS ").append(name);
            }
            typed.append(" FROM staged");
            if (latestRevisions) // a bar is re-sent when late trades revise it: its identity's last record
            {
                typed.append(" QUALIFY row_number() OVER (PARTITION BY \"symbolId\", \"timeframeMillis\", " +
                    "\"startTime\" ORDER BY \"index\" DESC) = 1");
            }
            final List<String> columns = new ArrayList<>(List.of("index", "ticker"));
            columns.addAll(first.names());
            final String target = out.toAbsolutePath().toString().replace("'", "''");
            try (Statement sql = db.createStatement())
            {
                sql.execute("CREATE TABLE selected AS " + typed);
                sql.execute("COPY (SELECT * FROM selected ORDER BY \"index\") TO '" + target + "' (FORMAT " +
                    (format == Format.PARQUET ? "PARQUET" : "CSV, HEADER") + ")");
                try (ResultSet count = sql.executeQuery("SELECT count(*) FROM selected"))
                {
                    count.next();
                    return new Result(count.getLong(1), columns);
                }
            }
        }

        @Override
        public void close() throws SQLException
        {
            if (appender != null)
            {
                appender.close();
            }
        }
    }

    private static void append(final DuckDBAppender appender, final RecordDecoder.Kind kind, final String json)
        throws SQLException
    {
        if (json == null || json.equals("null"))
        {
            appender.appendNull();
            return;
        }
        switch (kind)
        {
            case TIMESTAMP_NS, BIGINT -> appender.append(new BigDecimal(json).longValueExact());
            case INTEGER -> appender.append(Integer.parseInt(json));
            case DOUBLE -> appender.append(Double.parseDouble(json));
            case TEXT -> appender.append(json.startsWith("\"") ? unquote(json) : json);
            default -> appender.append(json);
        }
    }

    private static String unquote(final String json)
    {
        return json.substring(1, json.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }

    /** The lower-case names the command line takes. */
    public static Kind kind(final String name)
    {
        try
        {
            return Kind.valueOf(name.toUpperCase(Locale.ROOT));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("--type is one of trades, quotes, bars, metrics, pairs, setups, alerts");
        }
    }
}

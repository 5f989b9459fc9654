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
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
        final Map<String, Row> rows = new LinkedHashMap<>(); // a bar's identity to its latest revision
        final List<Row> all = new ArrayList<>();
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
                    final Row row = new Row(index, ticker, record);
                    if (kind == Kind.BARS && !allRevisions)
                    {
                        rows.put(record.get("symbolId") + "/" + record.get("timeframeMillis") + "/" +
                            record.get("startTime"), row);
                    }
                    else
                    {
                        all.add(row);
                    }
                }
            });
        }
        final List<Row> selected = kind == Kind.BARS && !allRevisions ? List.copyOf(rows.values()) : all;
        return write(selected, format, out);
    }

    private static Result write(final List<Row> rows, final Format format, final Path out) throws SQLException
    {
        if (rows.isEmpty())
        {
            throw new IllegalArgumentException("nothing to export: no record matches");
        }
        final RecordDecoder.Decoded first = rows.get(0).record;
        final List<String> columns = new ArrayList<>(List.of("index", "ticker"));
        columns.addAll(first.names());
        try (DuckDBConnection db = (DuckDBConnection)DriverManager.getConnection("jdbc:duckdb:");
            Statement sql = db.createStatement())
        {
            // staged raw (times as BIGINT ns, decimals as text), then typed in the COPY's SELECT
            final StringBuilder staged = new StringBuilder("CREATE TABLE staged (\"index\" BIGINT, ticker VARCHAR");
            final StringBuilder typed = new StringBuilder("SELECT \"index\", ticker");
            for (int i = 0; i < first.names().size(); i++)
            {
                final String name = '"' + first.names().get(i) + '"';
                final RecordDecoder.Kind k = first.kinds().get(i);
                staged.append(", ").append(name).append(' ').append(switch (k)
                {
                    case TIMESTAMP_NS, BIGINT -> "BIGINT";
                    case INTEGER -> "INTEGER";
                    case DOUBLE -> "DOUBLE";
                    default -> "VARCHAR";
                });
                typed.append(", ").append(switch (k)
                {
                    case TIMESTAMP_NS -> "CASE WHEN " + name + " = 0 THEN NULL ELSE make_timestamp_ns(" + name +
                        ") END"; // 0: no such time (a TRF time on a non-TRF print)
                    case DECIMAL6 -> "CAST(" + name + " AS DECIMAL(18,6))";
                    default -> name;
                }).append(" AS ").append(name);
            }
            sql.execute(staged.append(')').toString());
            try (DuckDBAppender appender = db.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "staged"))
            {
                for (final Row row : rows)
                {
                    appender.beginRow();
                    appender.append(row.index);
                    appender.append(row.ticker);
                    final List<String> values = row.record.jsonValues();
                    for (int i = 0; i < values.size(); i++)
                    {
                        append(appender, first.kinds().get(i), values.get(i));
                    }
                    appender.endRow();
                }
            }
            final String target = out.toAbsolutePath().toString().replace("'", "''");
            sql.execute("COPY (" + typed + " FROM staged ORDER BY \"index\") TO '" + target + "' (FORMAT " +
                (format == Format.PARQUET ? "PARQUET" : "CSV, HEADER") + ")");
        }
        return new Result(rows.size(), columns);
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

    private record Row(long index, String ticker, RecordDecoder.Decoded record)
    {
    }
}

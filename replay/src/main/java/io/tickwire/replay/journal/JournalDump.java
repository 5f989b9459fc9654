package io.tickwire.replay.journal;

import io.tickwire.model.journal.JournalReader;
import net.openhft.chronicle.queue.ChronicleQueue;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * {@code tickwire journal dump} and {@code tail}: every record of a journal, decoded from the schema, as JSON
 * lines ({@code {"index":N,"type":"Trade","ticker":"SPY",...fields}}) or as CSV for one record type (a header
 * of its field names, then one row per record), filtered by type, symbol and time. Dead letters print their
 * frames as text.
 */
public final class JournalDump
{
    /** How records are written. */
    public enum Format
    {
        JSON, CSV
    }

    private final RecordDecoder decoder = new RecordDecoder();
    private final SymbolTable symbols = new SymbolTable();
    private final RecordFilter filter;
    private final Format format;
    private final PrintStream out;
    private boolean headerWritten;
    private long written;

    public JournalDump(final RecordFilter filter, final Format format, final PrintStream out)
    {
        if (format == Format.CSV && filter.types().size() != 1)
        {
            throw new IllegalArgumentException("CSV needs exactly one record type (--type Trade, for one): " +
                "each type has its own columns");
        }
        this.filter = filter;
        this.format = format;
        this.out = out;
    }

    /**
     * Writes what the journal holds; with {@code follow}, then what is appended, until {@code stop} says so.
     * @return the records written
     */
    public long dump(final ChronicleQueue journal, final boolean follow, final BooleanSupplier stop)
    {
        try (JournalReader reader = new JournalReader(journal).toStart())
        {
            final JournalReader.RecordHandler handler = (buffer, length, index) ->
            {
                try
                {
                    write(decoder.decode(buffer, length), index);
                }
                catch (final IllegalArgumentException ex) // a damaged record: said, and the dump goes on
                {
                    out.println(format == Format.JSON ? "{\"index\":" + index + ",\"error\":" + quoted(ex.getMessage()) +
                        "}" : "# index " + index + ": " + ex.getMessage());
                }
            };
            while (!stop.getAsBoolean())
            {
                if (reader.poll(handler) == 0)
                {
                    if (!follow)
                    {
                        break;
                    }
                    out.flush();
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
                }
            }
        }
        out.flush();
        return written;
    }

    private void write(final RecordDecoder.Decoded record, final long index)
    {
        final String ticker = symbols.onRecord(record);
        if (!filter.passes(record, ticker, symbols.other(record)))
        {
            return;
        }
        written++;
        final List<String> names = record.names();
        final List<String> values = record.jsonValues();
        final StringBuilder line = new StringBuilder(256);
        if (format == Format.JSON)
        {
            line.append("{\"index\":").append(index).append(",\"type\":\"").append(record.type()).append('"');
            if (ticker != null)
            {
                line.append(",\"ticker\":\"").append(ticker).append('"');
            }
            for (int i = 0; i < names.size(); i++)
            {
                line.append(",\"").append(names.get(i)).append("\":").append(values.get(i));
            }
            out.println(line.append('}'));
            return;
        }
        if (!headerWritten)
        {
            headerWritten = true;
            out.println("index,ticker," + String.join(",", names));
        }
        line.append(index).append(',').append(ticker == null ? "" : ticker);
        for (final String value : values)
        {
            line.append(',').append(csv(value));
        }
        out.println(line);
    }

    private static String quoted(final String text)
    {
        final StringBuilder out = new StringBuilder("\"");
        uk.co.real_logic.sbe.otf.Types.jsonEscape(String.valueOf(text), out);
        return out.append('"').toString();
    }

    /** A JSON value as a CSV cell: strings unquoted (quoted again only if they need it), the rest as is. */
    static String csv(final String json)
    {
        String text = json;
        if (json.length() >= 2 && json.startsWith("\"") && json.endsWith("\""))
        {
            text = json.substring(1, json.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        if (text.equals("null"))
        {
            return "";
        }
        return text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 ?
            '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}

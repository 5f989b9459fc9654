package io.tickwire.replay.journal;

import io.tickwire.model.journal.JournalAppender;
import io.tickwire.model.journal.JournalReader;
import net.openhft.chronicle.queue.ChronicleQueue;

/**
 * The records of a sliced replay that belong in its output: every symbol definition (the output reads on its
 * own), and the records with event time in the window about the chosen symbols or about no symbol (status,
 * regime). Copied byte for byte.
 */
public final class SliceCopy
{
    private SliceCopy()
    {
    }

    /** @return the records copied */
    public static long copy(final ChronicleQueue from, final ChronicleQueue to, final RecordFilter window)
    {
        final RecordDecoder decoder = new RecordDecoder();
        final SymbolTable symbols = new SymbolTable();
        final JournalAppender appender = new JournalAppender(to);
        final RecordFilter extended = window;
        final long[] copied = new long[1];
        try (JournalReader reader = new JournalReader(from).toStart())
        {
            reader.drain((buffer, length, index) ->
            {
                final RecordDecoder.Decoded record = decoder.decode(buffer, length);
                final String ticker = symbols.onRecord(record);
                final boolean symbolLess = record.get("symbolId") == null && record.get("etfSymbolId") == null;
                final RecordFilter filter = symbolLess ? new RecordFilter(extended.types(), java.util.Set.of(),
                    extended.fromNanos(), extended.toNanos()) : extended;
                if (record.type().equals("SymbolDefinition") || filter.passes(record, ticker, symbols.other(record)))
                {
                    appender.append(buffer.byteArray(), 0, length);
                    copied[0]++;
                }
            });
        }
        return copied[0];
    }
}

package io.tickwire.replay.journal;

import java.util.HashMap;
import java.util.Map;

/** Symbol ids to tickers, learned from the SymbolDefinition records a journal tool reads on its way. */
final class SymbolTable
{
    private final Map<Long, String> tickers = new HashMap<>();

    /** Learns a definition; @return the record's ticker (by its symbolId, or etfSymbolId), or null */
    String onRecord(final RecordDecoder.Decoded record)
    {
        if (record.type().equals("SymbolDefinition"))
        {
            final String quoted = record.get("ticker");
            tickers.put(record.number("symbolId", 0), quoted.substring(1, quoted.length() - 1));
        }
        return ticker(record, record.get("symbolId") != null ? "symbolId" : "etfSymbolId");
    }

    /** The ticker of a record's second symbol (a pair's index), or null. */
    String other(final RecordDecoder.Decoded record)
    {
        return ticker(record, "indexSymbolId");
    }

    int size()
    {
        return tickers.size();
    }

    private String ticker(final RecordDecoder.Decoded record, final String field)
    {
        final long id = record.number(field, 0);
        return id == 0 ? null : tickers.get(id);
    }
}

package io.tickwire.gateway;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Symbol id to ticker and back, learned from the symbol definitions in the output journal. */
final class SymbolNames
{
    private String[] tickers = new String[256];
    private final Map<String, Integer> ids = new HashMap<>();
    private int maxId;

    void define(final int id, final String ticker)
    {
        if (id >= tickers.length)
        {
            tickers = Arrays.copyOf(tickers, Integer.highestOneBit(id) << 1);
        }
        tickers[id] = ticker;
        ids.put(ticker, id);
        maxId = Math.max(maxId, id);
    }

    String ticker(final int id)
    {
        return id > 0 && id < tickers.length ? tickers[id] : null;
    }

    /** @return the id, or 0 when the ticker has not been seen. */
    int id(final String ticker)
    {
        final Integer id = ids.get(ticker);
        return id == null ? 0 : id;
    }

    int maxId()
    {
        return maxId;
    }
}

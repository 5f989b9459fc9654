package io.tickwire.massive;

import io.tickwire.model.symbols.SymbolTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tickers a feed connection has delivered events for since the node started: what the recovery of a wildcard
 * subscription ({@code T.*}) polls and backfills, since a wildcard names no symbol. Marked on the ingest thread
 * (a symbol's first event only costs anything), read on the REST thread.
 */
final class SessionSymbols
{
    private boolean[] seen = new boolean[1024];
    private final Set<String> tickers = ConcurrentHashMap.newKeySet();

    /** Ingest thread: the symbol delivered an event. */
    void saw(final int symbolId, final SymbolTable symbols)
    {
        if (symbolId >= seen.length)
        {
            seen = Arrays.copyOf(seen, Math.max(symbolId + 1, seen.length * 2));
        }
        if (!seen[symbolId])
        {
            seen[symbolId] = true;
            tickers.add(symbols.ticker(symbolId));
        }
    }

    /** Any thread: the tickers seen so far, sorted (a stable order for polls and backfills). */
    List<String> tickers()
    {
        final List<String> out = new ArrayList<>(tickers);
        Collections.sort(out);
        return out;
    }
}

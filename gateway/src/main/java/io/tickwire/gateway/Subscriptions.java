package io.tickwire.gateway;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a desk asked for, by channel: every symbol (less the tickers it then unsubscribed: exclusions), or a
 * set of tickers, resolved to ids as symbols become known. A session's live subscription is one; a replay in
 * progress has its own until it joins live. Conductor thread only.
 */
final class Subscriptions
{
    private final boolean[] allSymbols;
    /** Per channel: the tickers asked for by name, or with every symbol, the tickers excluded. */
    private final Set<String>[] tickers;
    /** Per channel and symbol id: wanted, or with every symbol, excluded. */
    private final boolean[][] wants;

    @SuppressWarnings("unchecked")
    Subscriptions(final int channelCount)
    {
        allSymbols = new boolean[channelCount];
        tickers = new Set[channelCount];
        wants = new boolean[channelCount][256];
        for (int c = 0; c < channelCount; c++)
        {
            tickers[c] = new HashSet<>();
        }
    }

    boolean wants(final int channelIndex, final int symbolId)
    {
        final boolean[] row = wants[channelIndex];
        final boolean marked = symbolId < row.length && row[symbolId];
        return allSymbols[channelIndex] != marked;
    }

    /** Subscriptions held: one per channel for every symbol, one per named ticker. */
    int count()
    {
        int count = 0;
        for (int c = 0; c < allSymbols.length; c++)
        {
            count += allSymbols[c] ? 1 : tickers[c].size();
        }
        return count;
    }

    boolean wantsEverySymbol(final int channelIndex)
    {
        return allSymbols[channelIndex] && tickers[channelIndex].isEmpty();
    }

    /** Is this ticker wanted on the channel now (by name, or as one of every symbol and not excluded)? */
    boolean wantsTicker(final int channelIndex, final String ticker)
    {
        return allSymbols[channelIndex] != tickers[channelIndex].contains(ticker);
    }

    void subscribe(final int channelIndex, final List<String> symbols, final SymbolNames names, final boolean symbolLess)
    {
        if (symbols.isEmpty() || symbolLess)
        {
            everySymbol(channelIndex, true);
            return;
        }
        mark(channelIndex, symbols, names, !allSymbols[channelIndex]); // every symbol: lifts the exclusions
    }

    /** From every symbol, the named tickers become exclusions; from named tickers, they are removed. */
    void unsubscribe(final int channelIndex, final List<String> symbols, final SymbolNames names, final boolean symbolLess)
    {
        if (symbols.isEmpty() || symbolLess)
        {
            everySymbol(channelIndex, false);
            return;
        }
        mark(channelIndex, symbols, names, allSymbols[channelIndex]);
    }

    private void everySymbol(final int channelIndex, final boolean value)
    {
        allSymbols[channelIndex] = value;
        tickers[channelIndex].clear();
        Arrays.fill(wants[channelIndex], false);
    }

    /** Adds the tickers to the channel's named set (marked) or takes them out of it. */
    private void mark(final int channelIndex, final List<String> symbols, final SymbolNames names, final boolean add)
    {
        for (final String ticker : symbols)
        {
            if (add)
            {
                tickers[channelIndex].add(ticker);
            }
            else
            {
                tickers[channelIndex].remove(ticker);
            }
            final int symbolId = names.id(ticker);
            if (symbolId > 0)
            {
                set(channelIndex, symbolId, add);
            }
        }
    }

    /** A ticker named (asked for, or excluded) has just been defined. */
    void onSymbolDefined(final int symbolId, final String ticker)
    {
        for (int c = 0; c < tickers.length; c++)
        {
            if (tickers[c].contains(ticker))
            {
                set(c, symbolId, true);
            }
        }
    }

    private void set(final int channelIndex, final int symbolId, final boolean value)
    {
        if (symbolId >= wants[channelIndex].length)
        {
            wants[channelIndex] = Arrays.copyOf(wants[channelIndex], Integer.highestOneBit(symbolId) << 1);
        }
        wants[channelIndex][symbolId] = value;
    }
}

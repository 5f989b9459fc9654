package io.tickwire.gateway;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a desk asked for, by channel: every symbol, or a set of tickers resolved to ids as symbols become
 * known. A session's live subscription is one; a replay in progress has its own until it joins live.
 * Conductor thread only.
 */
final class Subscriptions
{
    private final boolean[] allSymbols;
    private final Set<String>[] tickers;
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
        if (allSymbols[channelIndex])
        {
            return true;
        }
        final boolean[] row = wants[channelIndex];
        return symbolId < row.length && row[symbolId];
    }

    boolean isEmpty()
    {
        for (int c = 0; c < allSymbols.length; c++)
        {
            if (allSymbols[c] || !tickers[c].isEmpty())
            {
                return false;
            }
        }
        return true;
    }

    void subscribe(final int channelIndex, final List<String> symbols, final SymbolNames names, final boolean symbolLess)
    {
        if (symbols.isEmpty() || symbolLess)
        {
            allSymbols[channelIndex] = true;
            return;
        }
        for (final String ticker : symbols)
        {
            tickers[channelIndex].add(ticker);
            final int symbolId = names.id(ticker);
            if (symbolId > 0)
            {
                set(channelIndex, symbolId, true);
            }
        }
    }

    void unsubscribe(final int channelIndex, final List<String> symbols, final SymbolNames names, final boolean symbolLess)
    {
        if (symbols.isEmpty() || symbolLess)
        {
            allSymbols[channelIndex] = false;
            tickers[channelIndex].clear();
            Arrays.fill(wants[channelIndex], false);
            return;
        }
        for (final String ticker : symbols)
        {
            tickers[channelIndex].remove(ticker);
            final int symbolId = names.id(ticker);
            if (symbolId > 0)
            {
                set(channelIndex, symbolId, false);
            }
        }
    }

    /** A ticker asked for by name has just been defined. */
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

package io.tickwire.engine.setups;

import org.agrona.collections.Long2ObjectHashMap;

import java.util.Arrays;

/**
 * The live setups, by id and by symbol, with what the evaluator keeps per symbol (last price, ATR). Only the
 * evaluator's thread touches it. Arrays grow to the next power of two past the highest symbol id seen, so a
 * tick finds its symbol's setups with two array loads.
 */
final class SetupBook
{
    private final Long2ObjectHashMap<Setup> byId = new Long2ObjectHashMap<>();
    private Setup[][] bySymbol = new Setup[256][];
    private ThresholdIndex[] indexBySymbol = new ThresholdIndex[256];
    private int[] countBySymbol = new int[256];
    private double[] atr = new double[256];
    private long[] lastPrice = new long[256];
    private int maxSymbolId;

    Setup get(final long id)
    {
        return byId.get(id);
    }

    void add(final Setup s)
    {
        byId.put(s.id, s);
        ensure(s.symbolId);
        maxSymbolId = Math.max(maxSymbolId, s.symbolId);
        Setup[] list = bySymbol[s.symbolId];
        if (list == null)
        {
            list = new Setup[4];
        }
        else if (countBySymbol[s.symbolId] == list.length)
        {
            list = Arrays.copyOf(list, list.length * 2);
        }
        bySymbol[s.symbolId] = list;
        s.position = countBySymbol[s.symbolId];
        list[countBySymbol[s.symbolId]++] = s;
        if (indexBySymbol[s.symbolId] == null)
        {
            indexBySymbol[s.symbolId] = new ThresholdIndex();
        }
        indexBySymbol[s.symbolId].add(s);
    }

    /**
     * Swap-remove: deterministic, since every step is a pure function of the input order. A caller walking a
     * symbol's setups from the last index down may remove the one it stands on.
     */
    void remove(final Setup s)
    {
        byId.remove(s.id);
        final Setup[] list = bySymbol[s.symbolId];
        final int n = countBySymbol[s.symbolId];
        for (int i = 0; i < n; i++)
        {
            if (list[i] == s)
            {
                list[i] = list[n - 1];
                list[i].position = i;
                list[n - 1] = null;
                countBySymbol[s.symbolId] = n - 1;
                indexBySymbol[s.symbolId].remove(s);
                return;
            }
        }
    }

    /** Whether the symbol id is within the book's arrays (a symbol past them has no setups and no state). */
    boolean covers(final int symbolId)
    {
        return symbolId < countBySymbol.length;
    }

    /** The symbol's threshold index; null before its first setup. */
    ThresholdIndex index(final int symbolId)
    {
        return indexBySymbol[symbolId];
    }

    /** Marks the symbol's index stale (its setups changed other than by a tick): the next tick rescans it. */
    void touched(final int symbolId)
    {
        if (symbolId < indexBySymbol.length && indexBySymbol[symbolId] != null)
        {
            indexBySymbol[symbolId].stale = true;
        }
    }

    /** Walk from {@code count - 1} down to 0: see {@link #remove}. */
    Setup[] setups(final int symbolId)
    {
        return bySymbol[symbolId];
    }

    int count(final int symbolId)
    {
        return countBySymbol[symbolId];
    }

    /** Live setups on a symbol, 0 for one past the arrays. */
    int liveOn(final int symbolId)
    {
        return symbolId < countBySymbol.length ? countBySymbol[symbolId] : 0;
    }

    int live()
    {
        return byId.size();
    }

    int maxSymbolId()
    {
        return maxSymbolId;
    }

    double atr(final int symbolId)
    {
        return symbolId < atr.length ? atr[symbolId] : 0;
    }

    void atr(final int symbolId, final double value)
    {
        ensure(symbolId);
        atr[symbolId] = value;
    }

    long lastPrice(final int symbolId)
    {
        return lastPrice[symbolId];
    }

    void lastPrice(final int symbolId, final long price)
    {
        lastPrice[symbolId] = price;
    }

    private void ensure(final int s)
    {
        if (s >= countBySymbol.length)
        {
            final int n = Integer.highestOneBit(s) << 1;
            bySymbol = Arrays.copyOf(bySymbol, n);
            indexBySymbol = Arrays.copyOf(indexBySymbol, n);
            countBySymbol = Arrays.copyOf(countBySymbol, n);
            atr = Arrays.copyOf(atr, n);
            lastPrice = Arrays.copyOf(lastPrice, n);
        }
    }
}

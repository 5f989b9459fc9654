package io.tickwire.model.symbols;

import io.tickwire.codecs.sbe.AssetClass;

import java.util.Arrays;

/**
 * Interns tickers to dense int ids (from 1) straight from a parser's char buffer, so the hot path never
 * builds a String. Owned by the ingest thread. A new ticker is the only thing that allocates, once.
 *
 * <p>"Announced" tracks whether the symbol's definition has been published into the ring: a definition
 * staged in a frame that is then rejected must be staged again with the next use.
 */
public final class SymbolTable
{
    public interface NewSymbolListener
    {
        void onNewSymbol(int symbolId, String ticker);
    }

    private static final int MISSING = 0;

    private int[] slots = new int[1024];
    private char[][] tickers = new char[256][];
    private String[] names = new String[256];
    private boolean[] announced = new boolean[256];
    private int count;
    private final NewSymbolListener listener;

    public SymbolTable(final NewSymbolListener listener)
    {
        this.listener = listener;
    }

    /** The id of a ticker, interning it if new. */
    public int intern(final char[] chars, final int offset, final int length)
    {
        final int hash = hash(chars, offset, length);
        int mask = slots.length - 1;
        int index = hash & mask;
        while (true)
        {
            final int id = slots[index];
            if (id == MISSING)
            {
                break;
            }
            if (equals(tickers[id], chars, offset, length))
            {
                return id;
            }
            index = (index + 1) & mask;
        }
        final String ticker = new String(chars, offset, length);
        final int id = add(ticker);
        listener.onNewSymbol(id, ticker);
        return id;
    }

    public int intern(final String ticker)
    {
        final char[] chars = ticker.toCharArray();
        return intern(chars, 0, chars.length);
    }

    /** Restores a persisted mapping at start-up, before any tick; does not notify the listener. */
    public void restore(final String ticker, final int id)
    {
        if (id != count + 1)
        {
            throw new IllegalStateException("symbol ids must be restored densely in order; got " + id + " after " + count);
        }
        add(ticker);
    }

    public int size()
    {
        return count;
    }

    public String ticker(final int id)
    {
        return names[id];
    }

    public boolean isAnnounced(final int id)
    {
        return announced[id];
    }

    public void markAnnounced(final int id)
    {
        announced[id] = true;
    }

    public static int assetClass(final CharSequence ticker)
    {
        if (ticker.length() > 2 && ticker.charAt(1) == ':')
        {
            if (ticker.charAt(0) == 'O')
            {
                return AssetClass.OPTION.value();
            }
            if (ticker.charAt(0) == 'I')
            {
                return AssetClass.INDEX.value();
            }
        }
        return AssetClass.STOCK.value();
    }

    private int add(final String ticker)
    {
        final int id = ++count;
        if (id >= tickers.length)
        {
            tickers = Arrays.copyOf(tickers, tickers.length * 2);
            names = Arrays.copyOf(names, names.length * 2);
            announced = Arrays.copyOf(announced, announced.length * 2);
        }
        tickers[id] = ticker.toCharArray();
        names[id] = ticker;
        if (count * 2 > slots.length)
        {
            rehash(slots.length * 2);
        }
        insert(slots, id);
        return id;
    }

    private void rehash(final int capacity)
    {
        final int[] fresh = new int[capacity];
        for (int id = 1; id < count; id++)
        {
            insert(fresh, id);
        }
        slots = fresh;
    }

    private void insert(final int[] table, final int id)
    {
        final char[] t = tickers[id];
        final int mask = table.length - 1;
        int index = hash(t, 0, t.length) & mask;
        while (table[index] != MISSING)
        {
            index = (index + 1) & mask;
        }
        table[index] = id;
    }

    private static int hash(final char[] chars, final int offset, final int length)
    {
        int h = 0x811C9DC5;
        for (int i = offset, end = offset + length; i < end; i++)
        {
            h = (h ^ chars[i]) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }

    private static boolean equals(final char[] stored, final char[] chars, final int offset, final int length)
    {
        if (stored.length != length)
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (stored[i] != chars[offset + i])
            {
                return false;
            }
        }
        return true;
    }
}

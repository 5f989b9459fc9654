package io.tickwire.model.symbols;

import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ChronicleMapBuilder;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The symbol table's persistent half: ticker to id in a Chronicle Map file, so ids survive restarts and a
 * journal written today uses the same ids as yesterday's.
 */
public final class SymbolStore implements AutoCloseable
{
    private final ChronicleMap<CharSequence, Integer> map;

    public SymbolStore(final File file, final long maxSymbols)
    {
        try
        {
            file.getParentFile().mkdirs();
            map = ChronicleMapBuilder.of(CharSequence.class, Integer.class)
                .name("tickwire-symbols")
                .entries(maxSymbols)
                .averageKeySize(24)
                .createPersistedTo(file);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot open symbol store " + file, ex);
        }
    }

    /** Loads every stored symbol into the table, in id order. */
    public void restoreInto(final SymbolTable table)
    {
        final Map<Integer, String> byId = new TreeMap<>();
        map.forEach((ticker, id) -> byId.put(id, ticker.toString()));
        byId.forEach((id, ticker) -> table.restore(ticker, id));
    }

    public void put(final int id, final String ticker)
    {
        map.put(ticker, id);
    }

    public int size()
    {
        return map.size();
    }

    @Override
    public void close()
    {
        map.close();
    }
}

package io.tickwire.model.symbols;

import io.tickwire.codecs.sbe.AssetClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SymbolTableTest
{
    @TempDir
    Path dir;

    @Test
    void shouldInternTickersToStableDenseIds()
    {
        final List<String> added = new ArrayList<>();
        final SymbolTable table = new SymbolTable((id, ticker) -> added.add(id + "=" + ticker));
        for (int i = 0; i < 5000; i++)
        {
            assertEquals(i + 1, table.intern("T" + i));
        }
        for (int i = 0; i < 5000; i++)
        {
            assertEquals(i + 1, table.intern("T" + i), "stable after rehashing");
        }
        assertEquals(5000, added.size());
        assertEquals("T42", table.ticker(43));
    }

    @Test
    void shouldSurviveARestartThroughTheStore()
    {
        try (SymbolStore store = new SymbolStore(dir.resolve("symbols.cmap").toFile(), 1000))
        {
            final SymbolTable table = new SymbolTable(store::put);
            table.intern("SPY");
            table.intern("I:SPX");
            table.intern("O:SPY261218C00600000");
        }
        try (SymbolStore store = new SymbolStore(dir.resolve("symbols.cmap").toFile(), 1000))
        {
            final SymbolTable table = new SymbolTable((id, ticker) -> { });
            store.restoreInto(table);
            assertEquals(3, table.size());
            assertEquals(2, table.intern("I:SPX"));
            assertEquals(4, table.intern("QQQ"));
        }
    }

    @Test
    void shouldClassifyTickers()
    {
        assertEquals(AssetClass.OPTION.value(), SymbolTable.assetClass("O:SPY261218C00600000"));
        assertEquals(AssetClass.INDEX.value(), SymbolTable.assetClass("I:SPX"));
        assertEquals(AssetClass.STOCK.value(), SymbolTable.assetClass("SPY"));
    }
}

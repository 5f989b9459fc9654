package io.tickwire.model.symbols;

import io.tickwire.model.event.StagedBatch;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;

/**
 * Stages a symbol's definition ahead of its first use, until a batch carrying it has been published (the
 * publisher marks it announced), so every journal defines a symbol before using it.
 */
public final class SymbolDefinitions
{
    private SymbolDefinitions()
    {
    }

    public static void stageIfNew(final SymbolTable symbols, final StagedBatch batch, final int symbolId, final long receiveTime)
    {
        if (symbols.isAnnounced(symbolId))
        {
            return;
        }
        for (int i = 0; i < batch.size(); i++)
        {
            final MarketEvent e = batch.get(i);
            if (e.type == EventType.SYMBOL && e.symbolId == symbolId)
            {
                return;
            }
        }
        final MarketEvent def = batch.add(EventType.SYMBOL);
        def.eventTime = receiveTime;
        def.receiveTime = receiveTime;
        def.symbolId = symbolId;
        def.assetClass = SymbolTable.assetClass(symbols.ticker(symbolId));
        def.text(symbols.ticker(symbolId));
    }
}

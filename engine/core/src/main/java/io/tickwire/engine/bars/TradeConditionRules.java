package io.tickwire.engine.bars;

import java.util.List;

/**
 * Which trades count toward a bar, by Massive condition id (bars.priceExcludedConditions,
 * bars.volumeExcludedConditions): a trade with any price-excluded condition does not set open, high, low or
 * close; one with any volume-excluded condition is not in volume, VWAP or trade count. The setup evaluator and
 * its key levels take prices by the same rules (docs/setups.md): one definition of an eligible trade.
 */
public final class TradeConditionRules
{
    private final boolean[] priceExcluded = new boolean[256];
    private final boolean[] volumeExcluded = new boolean[256];

    public TradeConditionRules(final List<Integer> priceExcludedConditions, final List<Integer> volumeExcludedConditions)
    {
        priceExcludedConditions.forEach((c) -> priceExcluded[c] = true);
        volumeExcludedConditions.forEach((c) -> volumeExcluded[c] = true);
    }

    public boolean updatesPrice(final byte[] conditions, final int count)
    {
        return none(priceExcluded, conditions, count);
    }

    public boolean updatesVolume(final byte[] conditions, final int count)
    {
        return none(volumeExcluded, conditions, count);
    }

    private static boolean none(final boolean[] excluded, final byte[] conditions, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            if (excluded[conditions[i] & 0xFF])
            {
                return false;
            }
        }
        return true;
    }
}

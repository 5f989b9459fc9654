package io.tickwire.engine.setups;

/**
 * Snaps a target given in ATRs to a nearby key level (docs/setups.md, "Targets"): among the key levels and
 * the two round numbers around the raw target, those beyond the entry in the trade's direction and within
 * {@code snapAtr} ATRs of the raw target are candidates; the nearest to the raw target wins (a tie goes to
 * the one nearer the entry: the more conservative target). No candidate: the raw target stands.
 */
final class LevelSnapper
{
    private LevelSnapper()
    {
    }

    static long snap(final long raw, final long entry, final boolean isLong, final double atr, final double snapAtr,
        final long[] levels, final int count)
    {
        if (!(atr > 0) || snapAtr <= 0)
        {
            return raw;
        }
        final double reach = snapAtr * atr * 1e6;
        long best = raw;
        double bestDistance = Double.MAX_VALUE;
        final long step = roundStep(raw);
        for (int i = 0; i < count + 2; i++)
        {
            final long c = i < count ? levels[i] : i == count ? Math.floorDiv(raw, step) * step :
                (Math.floorDiv(raw, step) + 1) * step;
            if (isLong ? c <= entry : c >= entry)
            {
                continue;
            }
            final double d = Math.abs(c - raw);
            if (d <= reach && (d < bestDistance || d == bestDistance && Math.abs(c - entry) < Math.abs(best - entry)))
            {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Round numbers by price: 0.50 under $10, 1 under $100, 5 under $1,000, 50 above. Fixed point. */
    static long roundStep(final long price)
    {
        if (price < 10_000_000L)
        {
            return 500_000L;
        }
        if (price < 100_000_000L)
        {
            return 1_000_000L;
        }
        return price < 1_000_000_000L ? 5_000_000L : 50_000_000L;
    }
}

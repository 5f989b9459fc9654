package io.tickwire.engine.setups;

/**
 * Hands a tick to the setups it may change, in the order the evaluator has always used (each symbol's list from
 * its last entry down), so outputs are the same as evaluating every setup: the others are inside their quiet
 * intervals, where evaluating them would change nothing. The candidates come from the symbol's
 * {@link ThresholdIndex}; when that is stale, an expiry is due, or most setups are candidates anyway, the
 * symbol is rescanned: every setup evaluated, every quiet interval recomputed, the index rebuilt.
 */
final class TickDispatch
{
    /** The evaluator's rules for one setup and one tick. */
    interface Rules
    {
        void evaluate(Setup s, long price, long time);
    }

    private final SetupBook book;
    private final Rules rules;
    private final double stopThreatAtr;
    private final boolean indexed;
    private Setup[] due = new Setup[64];

    TickDispatch(final SetupBook book, final Rules rules, final double stopThreatAtr, final boolean indexed)
    {
        this.book = book;
        this.rules = rules;
        this.stopThreatAtr = stopThreatAtr;
        this.indexed = indexed;
    }

    /** @param now the event clock, or {@code Long.MIN_VALUE} before it is set (no expiry can be due then) */
    void onPrice(final int symbolId, final long price, final long time, final long now)
    {
        final ThresholdIndex index = book.index(symbolId);
        if (index == null || index.size() == 0)
        {
            return;
        }
        if (!indexed || index.stale || now >= index.nextExpiry)
        {
            rescan(symbolId, index, price, time);
            return;
        }
        if (due.length < index.size())
        {
            due = new Setup[Integer.highestOneBit(index.size()) << 1]; // grows with the book, not per tick
        }
        final int k = index.due(price, due);
        if (k > index.size() / 4 + 8)
        {
            rescan(symbolId, index, price, time); // most of them: the plain walk is cheaper than ordering them
            return;
        }
        byPositionDescending(due, k);
        for (int i = 0; i < k; i++)
        {
            rules.evaluate(due[i], price, time);
        }
        final double atr = book.atr(symbolId);
        for (int i = 0; i < k; i++)
        {
            final Setup s = due[i];
            due[i] = null;
            if (!index.stale && !s.terminal()) // a transition marked it stale: the next tick rescans anyway
            {
                index.remove(s); // under the bounds it is sorted by
                QuietRange.compute(s, price, atr, stopThreatAtr);
                index.reinsert(s);
            }
        }
    }

    private void rescan(final int symbolId, final ThresholdIndex index, final long price, final long time)
    {
        final Setup[] setups = book.setups(symbolId);
        for (int i = book.count(symbolId) - 1; i >= 0; i--)
        {
            rules.evaluate(setups[i], price, time);
        }
        final double atr = book.atr(symbolId);
        long nextExpiry = Long.MAX_VALUE;
        for (int i = 0; i < book.count(symbolId); i++)
        {
            final Setup s = setups[i];
            QuietRange.compute(s, price, atr, stopThreatAtr);
            if (s.beforeTrigger() && s.expiry > 0)
            {
                nextExpiry = Math.min(nextExpiry, s.expiry);
            }
        }
        index.nextExpiry = nextExpiry;
        index.rebuild();
    }

    /** Insertion sort of the few candidates by their place in the symbol's list, last first. */
    private static void byPositionDescending(final Setup[] a, final int n)
    {
        for (int i = 1; i < n; i++)
        {
            final Setup s = a[i];
            int j = i - 1;
            while (j >= 0 && a[j].position < s.position)
            {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = s;
        }
    }
}

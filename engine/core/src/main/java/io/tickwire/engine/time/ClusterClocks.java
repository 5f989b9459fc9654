package io.tickwire.engine.time;

import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;

import java.util.Arrays;

/**
 * One {@link EventClock} per feed connection — stocks, options, indices (a symbol's cluster is its asset class,
 * learned from its journaled definition) — so a symbol's bars close, and its trades are judged late, on the clock
 * of the feed that carries it, never on another feed's: Massive's clusters run on clocks hundreds of
 * milliseconds apart, and a delayed feed runs minutes behind a real-time one. A timer tick moves every clock on,
 * each by its own feed's lag. A pure function of the inputs, like the clock it holds three of.
 */
public final class ClusterClocks
{
    /** Clusters, as the AssetClass and Cluster values: stocks 0, options 1, indices 2. */
    public static final int CLUSTERS = 3;

    private final EventClock[] clocks = new EventClock[CLUSTERS];
    private byte[] clusterOf = new byte[1024];

    public ClusterClocks()
    {
        for (int c = 0; c < CLUSTERS; c++)
        {
            clocks[c] = new EventClock();
        }
    }

    /** @return the cluster whose clock this event started (its first reading), or -1. */
    public int advance(final MarketEvent e)
    {
        switch (e.type)
        {
            case EventType.SYMBOL:
                if (e.symbolId < 0)
                {
                    return -1;
                }
                if (e.symbolId >= clusterOf.length)
                {
                    clusterOf = Arrays.copyOf(clusterOf, Math.max(e.symbolId + 1, clusterOf.length * 2));
                }
                clusterOf[e.symbolId] = (byte)Math.min(Math.max(e.assetClass, 0), CLUSTERS - 1);
                return -1;
            case EventType.TRADE:
            case EventType.QUOTE:
            case EventType.INDEX_VALUE:
                final int c = clusterOf(e.symbolId);
                return clocks[c].advance(e) ? c : -1;
            case EventType.TIMER:
                for (final EventClock clock : clocks)
                {
                    clock.advance(e);
                }
                return -1;
            default:
                return -1;
        }
    }

    /** The cluster of a symbol: stocks until its definition says otherwise. */
    public int clusterOf(final int symbolId)
    {
        return symbolId >= 0 && symbolId < clusterOf.length ? clusterOf[symbolId] : 0;
    }

    /** The clock of a symbol's feed. */
    public EventClock of(final int symbolId)
    {
        return clocks[clusterOf(symbolId)];
    }

    public EventClock cluster(final int cluster)
    {
        return clocks[cluster];
    }
}

package io.tickwire.massive;

import io.tickwire.codecs.sbe.Cluster;
import io.tickwire.codecs.sbe.FeedState;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The last state published for each configured cluster, and whether it has ever been up, for health and
 * readiness. Written on the ring's producer thread as each feed status is published; read from any thread.
 */
public final class FeedStates
{
    private static final int NONE = -1;

    private final List<Cluster> clusters;
    private final AtomicIntegerArray last = new AtomicIntegerArray(Cluster.values().length);
    private final AtomicIntegerArray everUp = new AtomicIntegerArray(Cluster.values().length);

    FeedStates(final List<Cluster> clusters)
    {
        this.clusters = List.copyOf(clusters);
        for (int i = 0; i < last.length(); i++)
        {
            last.set(i, NONE);
        }
    }

    void onPublished(final Cluster cluster, final FeedState state)
    {
        last.set(cluster.ordinal(), state.value());
        if (state == FeedState.UP || state == FeedState.RECOVERED)
        {
            everUp.set(cluster.ordinal(), 1);
        }
    }

    /** Each configured cluster's latest state; null for one that has published none yet. */
    public Map<Cluster, FeedState> states()
    {
        final Map<Cluster, FeedState> states = new EnumMap<>(Cluster.class);
        for (final Cluster cluster : clusters)
        {
            final int value = last.get(cluster.ordinal());
            states.put(cluster, value == NONE ? null : FeedState.get((short)value));
        }
        return states;
    }

    /** Every configured cluster has been up (connected, authenticated and subscribed) at least once. */
    public boolean allEverUp()
    {
        for (final Cluster cluster : clusters)
        {
            if (everUp.get(cluster.ordinal()) == 0)
            {
                return false;
            }
        }
        return true;
    }
}

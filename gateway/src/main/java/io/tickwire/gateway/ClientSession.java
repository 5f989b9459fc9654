package io.tickwire.gateway;

import io.netty.channel.Channel;
import org.agrona.collections.IntArrayList;

import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;

/**
 * One desk connection's state, owned by the conductor thread: what it subscribed to, its replays in
 * progress, its message sequence, and the per-symbol throttle of its prices channel.
 */
final class ClientSession
{
    final Channel channel;
    final long id;
    /** Sequence of the last data message sent; the next one carries seq + 1. */
    long seq;
    boolean needsFlush;
    /** When something last went out to the desk (the conductor's clock): a heartbeat is due an interval later. */
    long lastWriteNanos;
    /** The desk asked for binary SBE ({@code /ws?encoding=sbe}): records as the journal holds them. */
    boolean sbe;
    /** The key the desk authenticated with; null until it has (it may then only send auth and ping). */
    DeskKey key;
    /** When the connection opened (the conductor's clock): a desk without a key has until the auth timeout. */
    long openedNanos;
    /** When the desk last sent a request: a desk silent past the client timeout is closed. */
    long lastReadNanos;
    /** At most one {@code prices} update per symbol in this time: the gateway's, or the desk's own choice. */
    long pricesThrottleNanos;
    /** Warned of its backlog; re-armed when the backlog falls below half the warning threshold. */
    boolean warnedSlow;
    /** The gateway is closing this connection: nothing more is owed to it. */
    boolean closing;
    /** The desk's request rate limit: the gateway's, then its key's tier's. */
    TokenBucket requests;

    /** The live subscription: what the desk receives as records are written. */
    final Subscriptions live;
    /** Replays in progress, each joining {@link #live} when it reaches the live stream. */
    final List<DeskReplay> replays = new ArrayList<>(2);
    private long[] lastPriceSentNanos = new long[256];
    private boolean[] pricePending = new boolean[256];
    final IntArrayList pendingPrices = new IntArrayList();

    ClientSession(final Channel channel, final long id, final int channelCount, final TokenBucket requests)
    {
        this.channel = channel;
        this.id = id;
        this.requests = requests;
        this.live = new Subscriptions(channelCount);
        Arrays.fill(lastPriceSentNanos, Long.MIN_VALUE / 2);
    }

    boolean wants(final int channelIndex, final int symbolId)
    {
        return live.wants(channelIndex, symbolId);
    }

    /** A ticker this session asked for by name has just been defined. */
    void onSymbolDefined(final int symbolId, final String ticker)
    {
        live.onSymbolDefined(symbolId, ticker);
        for (int i = 0; i < replays.size(); i++)
        {
            replays.get(i).filter.onSymbolDefined(symbolId, ticker);
        }
    }

    /** @return true when a price for this symbol may go out now; else it is marked pending (latest wins). */
    boolean admitPrice(final int symbolId, final long nowNanos, final long throttleNanos)
    {
        ensurePriceCapacity(symbolId);
        if (nowNanos - lastPriceSentNanos[symbolId] >= throttleNanos)
        {
            lastPriceSentNanos[symbolId] = nowNanos;
            return true;
        }
        markPricePending(symbolId);
        return false;
    }

    void markPricePending(final int symbolId)
    {
        ensurePriceCapacity(symbolId);
        if (!pricePending[symbolId])
        {
            pricePending[symbolId] = true;
            pendingPrices.addInt(symbolId);
        }
    }

    boolean priceDue(final int symbolId, final long nowNanos, final long throttleNanos)
    {
        return nowNanos - lastPriceSentNanos[symbolId] >= throttleNanos;
    }

    void priceSent(final int symbolId, final long nowNanos)
    {
        ensurePriceCapacity(symbolId);
        lastPriceSentNanos[symbolId] = nowNanos;
        pricePending[symbolId] = false;
    }

    private void ensurePriceCapacity(final int symbolId)
    {
        if (symbolId >= lastPriceSentNanos.length)
        {
            final int old = lastPriceSentNanos.length;
            final int size = Integer.highestOneBit(symbolId) << 1;
            lastPriceSentNanos = Arrays.copyOf(lastPriceSentNanos, size);
            Arrays.fill(lastPriceSentNanos, old, size, Long.MIN_VALUE / 2);
            pricePending = Arrays.copyOf(pricePending, size);
        }
    }
}

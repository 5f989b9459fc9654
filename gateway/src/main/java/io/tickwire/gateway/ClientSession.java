package io.tickwire.gateway;

import io.netty.channel.Channel;
import org.agrona.collections.IntArrayList;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One desk connection's state, owned by the conductor thread: what it subscribed to (by channel: every
 * symbol, or a set of tickers, resolved to ids as symbols become known), its message sequence, and the
 * per-symbol throttle of its prices channel.
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
    /** When the desk last sent a request: a desk silent past the client timeout is closed. */
    long lastReadNanos;
    /** The gateway is closing this connection: nothing more is owed to it. */
    boolean closing;
    /** The desk's request rate limit. */
    final TokenBucket requests;

    private final boolean[] allSymbols;
    private final Set<String>[] tickers;
    private boolean[][] wants;
    private long[] lastPriceSentNanos = new long[256];
    private boolean[] pricePending = new boolean[256];
    final IntArrayList pendingPrices = new IntArrayList();

    @SuppressWarnings("unchecked")
    ClientSession(final Channel channel, final long id, final int channelCount, final TokenBucket requests)
    {
        this.channel = channel;
        this.id = id;
        this.requests = requests;
        allSymbols = new boolean[channelCount];
        tickers = new Set[channelCount];
        wants = new boolean[channelCount][256];
        for (int c = 0; c < channelCount; c++)
        {
            tickers[c] = new HashSet<>();
        }
        Arrays.fill(lastPriceSentNanos, Long.MIN_VALUE / 2);
    }

    boolean wants(final int channelIndex, final int symbolId)
    {
        if (allSymbols[channelIndex])
        {
            return true;
        }
        final boolean[] row = wants[channelIndex];
        return symbolId < row.length && row[symbolId];
    }

    boolean wantsAny(final int channelIndex)
    {
        return allSymbols[channelIndex] || !tickers[channelIndex].isEmpty();
    }

    boolean wantsAllSymbols(final int channelIndex)
    {
        return allSymbols[channelIndex];
    }

    void subscribe(final int channelIndex, final List<String> symbols, final SymbolNames names, final boolean symbolLess)
    {
        if (symbols.isEmpty() || symbolLess)
        {
            allSymbols[channelIndex] = true;
            return;
        }
        for (final String ticker : symbols)
        {
            tickers[channelIndex].add(ticker);
            final int symbolId = names.id(ticker);
            if (symbolId > 0)
            {
                set(channelIndex, symbolId, true);
            }
        }
    }

    void unsubscribe(final int channelIndex, final List<String> symbols, final SymbolNames names, final boolean symbolLess)
    {
        if (symbols.isEmpty() || symbolLess)
        {
            allSymbols[channelIndex] = false;
            tickers[channelIndex].clear();
            Arrays.fill(wants[channelIndex], false);
            return;
        }
        for (final String ticker : symbols)
        {
            tickers[channelIndex].remove(ticker);
            final int symbolId = names.id(ticker);
            if (symbolId > 0)
            {
                set(channelIndex, symbolId, false);
            }
        }
    }

    /** A ticker this session asked for by name has just been defined. */
    void onSymbolDefined(final int symbolId, final String ticker)
    {
        for (int c = 0; c < tickers.length; c++)
        {
            if (tickers[c].contains(ticker))
            {
                set(c, symbolId, true);
            }
        }
    }

    Set<String> tickers(final int channelIndex)
    {
        return tickers[channelIndex];
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

    private void set(final int channelIndex, final int symbolId, final boolean value)
    {
        if (symbolId >= wants[channelIndex].length)
        {
            wants[channelIndex] = Arrays.copyOf(wants[channelIndex], Integer.highestOneBit(symbolId) << 1);
        }
        wants[channelIndex][symbolId] = value;
    }
}

package io.tickwire.gateway;

import io.tickwire.model.latency.LatencyHistogram;
import org.agrona.DirectBuffer;
import org.agrona.collections.IntArrayList;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.List;
import java.util.function.Consumer;

/**
 * Live records out to the sessions that want them, on the conductor's thread: by channel and symbol (a setup's
 * records only to its owner's sessions), each JSON message rendered once for all its desks, prices throttled and
 * conflated per session (latest wins), and a session whose socket stopped taking writes handed back as slow.
 */
final class LiveFanOut
{
    private final List<ClientSession> sessions;
    private final LastValueCache cache;
    private final JsonRenderer renderer;
    private final ChannelRenderer channelRenderer;
    private final DeskWriter desks;
    private final GatewayCounters counters;
    private final EpochNanoClock epochClock;
    /** From a record's receipt ({@code rt}) to its write to the desks it goes to. */
    private final LatencyHistogram deskWriteLatency;
    private final Consumer<ClientSession> slow;
    private final JsonOut body = new JsonOut();

    LiveFanOut(final List<ClientSession> sessions, final LastValueCache cache, final JsonRenderer renderer,
        final ChannelRenderer channelRenderer, final DeskWriter desks, final GatewayCounters counters,
        final EpochNanoClock epochClock, final LatencyHistogram deskWriteLatency, final Consumer<ClientSession> slow)
    {
        this.sessions = sessions;
        this.cache = cache;
        this.renderer = renderer;
        this.channelRenderer = channelRenderer;
        this.desks = desks;
        this.counters = counters;
        this.epochClock = epochClock;
        this.deskWriteLatency = deskWriteLatency;
        this.slow = slow;
    }

    /** A live price: to each session on the prices channel, at most one per its throttle, else conflated. */
    void price(final int symbolId, final DirectBuffer buffer, final int length, final long position,
        final long nowNanos)
    {
        boolean rendered = false;
        for (int i = 0; i < sessions.size(); i++)
        {
            final ClientSession s = sessions.get(i);
            if (s.wants(GatewayChannels.PRICES, symbolId))
            {
                if (!s.channel.isWritable())
                {
                    s.markPricePending(symbolId); // conflate for a client that is behind: latest wins
                    counters.pricesConflated.increment();
                }
                else if (s.admitPrice(symbolId, nowNanos, s.pricesThrottleNanos))
                {
                    if (s.sbe)
                    {
                        desks.sendRecord(s, GatewayChannels.PRICES, false, false, buffer, length, position);
                        continue;
                    }
                    if (!rendered)
                    {
                        renderer.gatewayTime(epochClock.nanoTime());
                        renderer.price(buffer, 0, false, body.reset());
                        rendered = true;
                    }
                    desks.send(s, body, position);
                }
                else
                {
                    counters.pricesConflated.increment();
                }
            }
        }
    }

    /** Sends each conflated price whose session's throttle interval is up. @return how many */
    int flushDuePrices(final long nowNanos)
    {
        int sent = 0;
        for (int i = 0; i < sessions.size(); i++)
        {
            final ClientSession s = sessions.get(i);
            final IntArrayList pending = s.pendingPrices;
            for (int k = pending.size() - 1; k >= 0; k--)
            {
                final int symbolId = pending.getInt(k);
                if (s.priceDue(symbolId, nowNanos, s.pricesThrottleNanos) && s.channel.isWritable())
                {
                    final UnsafeBuffer latest = cache.get(LastValueCache.PRICE, symbolId);
                    if (s.sbe)
                    {
                        desks.sendRecord(s, GatewayChannels.PRICES, false, false, latest, latest.capacity(),
                            cache.position(LastValueCache.PRICE, symbolId));
                    }
                    else
                    {
                        renderer.gatewayTime(epochClock.nanoTime());
                        renderer.price(latest, 0, false, body.reset());
                        desks.send(s, body, cache.position(LastValueCache.PRICE, symbolId));
                    }
                    s.priceSent(symbolId, nowNanos);
                    pending.fastUnorderedRemove(k);
                    sent++;
                }
            }
        }
        return sent;
    }

    /**
     * To every session on the channel that wants either symbol (a pair is of interest to both sides) and, for a
     * setup's records, whose key owns the setup.
     */
    void fanOut(final int channel, final int symbolId, final int otherSymbolId, final long owner,
        final DirectBuffer buffer, final int length, final long position)
    {
        boolean rendered = false;
        boolean written = false;
        for (int i = sessions.size() - 1; i >= 0; i--)
        {
            final ClientSession s = sessions.get(i);
            if ((s.wants(channel, symbolId) || s.wants(channel, otherSymbolId)) &&
                (owner == GatewayConductor.NOT_OWNED || s.key.owns(owner)))
            {
                if (!s.channel.isWritable())
                {
                    slow.accept(s);
                    continue;
                }
                written = true;
                if (s.sbe)
                {
                    desks.sendRecord(s, channel, false, false, buffer, length, position);
                    continue;
                }
                if (!rendered)
                {
                    renderer.gatewayTime(epochClock.nanoTime());
                    channelRenderer.render(channel, buffer, false, body.reset());
                    rendered = true;
                }
                desks.send(s, body, position);
            }
        }
        if (written)
        {
            deskWriteLatency.record(epochClock.nanoTime() - renderer.receiveTimeOf(buffer, 0));
        }
    }
}

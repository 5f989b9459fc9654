package io.tickwire.gateway;

import org.agrona.concurrent.UnsafeBuffer;

import java.util.List;
import java.util.function.LongSupplier;

/**
 * What a desk gets when it subscribes, before any live update: the last value of every channel and symbol it
 * asked for (trades, quotes, prices, bars, metrics and pairs, regime, feed status, every setup's latest
 * transition), rendered from the conductor's last-value cache and marked as snapshots. Alerts are events, not
 * state, so they have none. Runs on the conductor's thread.
 */
final class SnapshotSender
{

    private final GatewayChannels channels;
    private final SymbolNames names;
    private final LastValueCache cache;
    private final SetupLedger setups;
    private final ChannelRenderer channelRenderer;
    private final DeskWriter desks;
    private final GatewayCounters counters;
    private final JsonOut body = new JsonOut();

    /** The channels and symbol names are the renderer's: one conductor, one view of them. */
    /** @param journalPosition the output journal position the caches are up to (the conductor's) */
    private final LongSupplier journalPosition;

    SnapshotSender(final LastValueCache cache, final SetupLedger setups, final ChannelRenderer channelRenderer,
        final DeskWriter desks, final GatewayCounters counters, final LongSupplier journalPosition)
    {
        this.journalPosition = journalPosition;
        this.channels = channelRenderer.channels();
        this.names = channelRenderer.names();
        this.cache = cache;
        this.setups = setups;
        this.channelRenderer = channelRenderer;
        this.desks = desks;
        this.counters = counters;
    }

    GatewayChannels channels()
    {
        return channels;
    }

    SymbolNames names()
    {
        return names;
    }

    /**
     * The snapshots of what a subscribe added (one part per channel), then {@code snapshot_end} with the
     * position they reflect.
     */
    void send(final ClientSession session, final List<ClientRequest> parts, final String requestId,
        final long nowNanos)
    {
        for (int i = 0; i < parts.size(); i++)
        {
            sendSnapshots(session, parts.get(i), nowNanos);
        }
        desks.snapshotEnd(session, requestId, journalPosition.getAsLong());
    }

    private void sendSnapshots(final ClientSession session, final ClientRequest request, final long nowNanos)
    {
        for (final String name : request.channels)
        {
            final int channel = channels.indexOf(name);
            if (channel == GatewayChannels.STATUS)
            {
                for (int cluster = 0; cluster < cache.clusterSlots(); cluster++)
                {
                    final UnsafeBuffer record = cache.status(cluster);
                    if (record != null)
                    {
                        sendSnapshot(session, channel, record);
                    }
                }
                continue;
            }
            if (channel == channels.setups())
            {
                for (final LastSetup setup : setups.all())
                {
                    if (session.key.owns(setup.owner()) &&
                        (request.symbols.isEmpty() || request.symbols.contains(names.ticker(setup.symbolId()))))
                    {
                        sendSnapshot(session, channel, setup.record());
                    }
                }
                continue;
            }
            if (channel == channels.alerts())
            {
                continue; // alerts are events: nothing to snapshot
            }
            if (channel == channels.regime())
            {
                if (cache.regime() != null)
                {
                    sendSnapshot(session, channel, cache.regime());
                }
                continue;
            }
            final int firstMetrics = channels.metricsChannel(channels.firstTimeframe());
            final int kind = channel == GatewayChannels.TRADES ? LastValueCache.TRADE :
                channel == GatewayChannels.QUOTES ? LastValueCache.QUOTE :
                channel == GatewayChannels.PRICES ? LastValueCache.PRICE :
                channels.isBars(channel) ? cache.barKind(channel - GatewayChannels.FIRST_BARS) :
                channels.stateOf(channel) >= 0 ? cache.symbolStateKind(channels.stateOf(channel)) :
                cache.metricsKind(channel - firstMetrics);
            if (channels.isMetrics(channel))
            {
                snapshotPairs(session, channel, cache.pairKind(channel - firstMetrics), request);
            }
            if (request.symbols.isEmpty())
            {
                for (int symbolId = 1; symbolId <= names.maxId(); symbolId++)
                {
                    snapshotSymbol(session, channel, kind, symbolId, nowNanos);
                }
            }
            else
            {
                for (final String ticker : request.symbols)
                {
                    final int symbolId = names.id(ticker);
                    if (symbolId > 0)
                    {
                        snapshotSymbol(session, channel, kind, symbolId, nowNanos);
                    }
                }
            }
        }
    }

    private void snapshotPairs(final ClientSession session, final int channel, final int kind,
        final ClientRequest request)
    {
        for (int symbolId = 1; symbolId <= names.maxId(); symbolId++)
        {
            final UnsafeBuffer record = cache.get(kind, symbolId);
            if (record != null && (request.symbols.isEmpty() || request.symbols.contains(names.ticker(symbolId))))
            {
                sendSnapshot(session, channel, record);
            }
        }
    }

    private void snapshotSymbol(final ClientSession session, final int channel, final int kind, final int symbolId,
        final long nowNanos)
    {
        final UnsafeBuffer record = cache.get(kind, symbolId);
        if (record != null)
        {
            sendSnapshot(session, channel, record);
            if (channel == GatewayChannels.PRICES)
            {
                session.priceSent(symbolId, nowNanos);
            }
        }
    }

    private void sendSnapshot(final ClientSession session, final int channel, final UnsafeBuffer record)
    {
        if (session.sbe)
        {
            desks.sendRecord(session, channel, true, false, record, record.capacity(), -1);
        }
        else
        {
            channelRenderer.render(channel, record, true, body.reset());
            desks.send(session, body, -1); // a snapshot: the state as of snapshot_end's position
        }
        counters.snapshotMessages.increment();
    }
}

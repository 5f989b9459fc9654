package io.tickwire.gateway;

import java.util.function.Consumer;

/**
 * A desk's requests, on the conductor's thread: rate-limited per session ({@code gateway.requestsPerSecond}),
 * parsed, and acted on — ping answered, subscriptions changed and confirmed, each new subscription followed by
 * its snapshot, or by its replay from the journal when it asks for one — or answered with an error code. Every reply is flushed at once.
 */
final class DeskRequests
{
    private final GatewaySettings settings;
    private final DeskWriter desks;
    private final SnapshotSender snapshots;
    private final DeskReplays replays;
    private final GatewayCounters counters;
    /** The conductor's gate: a snapshot waits until the caches hold the whole journal. */
    private final Consumer<Runnable> whenCaughtUp;

    /** The channels and symbol names are the snapshots' own: one conductor, one view of them. */
    DeskRequests(final GatewaySettings settings, final DeskWriter desks, final SnapshotSender snapshots,
        final DeskReplays replays, final GatewayCounters counters, final Consumer<Runnable> whenCaughtUp)
    {
        this.replays = replays;
        this.settings = settings;
        this.desks = desks;
        this.snapshots = snapshots;
        this.counters = counters;
        this.whenCaughtUp = whenCaughtUp;
    }

    void onText(final ClientSession session, final String text, final long nowNanos)
    {
        counters.requests.incrementAndGet();
        if (!session.requests.tryTake(nowNanos))
        {
            counters.rateLimited.incrementAndGet();
            desks.error(session, null, "rate_limited", "at most " + settings.requestsPerSecond + " requests a second");
            session.channel.flush();
            return;
        }
        final GatewayChannels channels = snapshots.channels();
        final SymbolNames names = snapshots.names();
        final ClientRequest request = ClientRequest.parse(text, settings.maxClientMessageBytes, channels);
        if (request.isError())
        {
            desks.error(session, request.id, request.errorCode, request.errorMessage);
        }
        else if (request.op.equals("ping"))
        {
            desks.pong(session, request.id);
        }
        else if (request.isReplay())
        {
            whenCaughtUp.accept(() ->
            {
                if (session.channel.isActive())
                {
                    replays.start(session, request, nowNanos);
                    session.channel.flush();
                }
            });
        }
        else
        {
            final boolean subscribe = request.op.equals("subscribe");
            for (final String name : request.channels)
            {
                final int c = channels.indexOf(name);
                if (subscribe)
                {
                    session.live.subscribe(c, request.symbols, names, channels.isSymbolLess(c));
                }
                else
                {
                    session.live.unsubscribe(c, request.symbols, names, channels.isSymbolLess(c));
                    for (int k = 0; k < session.replays.size(); k++)
                    {
                        session.replays.get(k).filter.unsubscribe(c, request.symbols, names, channels.isSymbolLess(c));
                    }
                }
            }
            desks.subscribed(session, request, subscribe, -1);
            if (subscribe)
            {
                whenCaughtUp.accept(() ->
                {
                    if (session.channel.isActive())
                    {
                        snapshots.send(session, request, nowNanos);
                        session.channel.flush();
                    }
                });
            }
        }
        session.channel.flush();
    }
}

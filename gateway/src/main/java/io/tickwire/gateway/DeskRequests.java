package io.tickwire.gateway;

import java.util.ArrayList;
import java.util.List;
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
    private final DeskAuth auth;
    private final GatewayCounters counters;
    /** The conductor's gate: a snapshot waits until the caches hold the whole journal. */
    private final Consumer<Runnable> whenCaughtUp;

    /** The channels and symbol names are the snapshots' own: one conductor, one view of them. */
    DeskRequests(final GatewaySettings settings, final DeskWriter desks, final SnapshotSender snapshots,
        final DeskReplays replays, final DeskAuth auth, final GatewayCounters counters,
        final Consumer<Runnable> whenCaughtUp)
    {
        this.replays = replays;
        this.auth = auth;
        this.settings = settings;
        this.desks = desks;
        this.snapshots = snapshots;
        this.counters = counters;
        this.whenCaughtUp = whenCaughtUp;
    }

    /**
     * What a subscribe adds to the session, channel by channel: only that gets a snapshot, so repeating a
     * subscribe costs a reply, not a snapshot (the amplification a desk could otherwise cause).
     */
    private static List<ClientRequest> newParts(final ClientSession session, final ClientRequest request,
        final GatewayChannels channels)
    {
        final List<ClientRequest> parts = new ArrayList<>();
        for (final String name : request.channels)
        {
            final int c = channels.indexOf(name);
            if (session.live.wantsEverySymbol(c))
            {
                continue;
            }
            if (request.symbols.isEmpty() || channels.isSymbolLess(c))
            {
                parts.add(request.part(name, List.of()));
                continue;
            }
            final List<String> added = new ArrayList<>();
            for (final String ticker : request.symbols)
            {
                if (!session.live.wantsTicker(c, ticker))
                {
                    added.add(ticker);
                }
            }
            if (!added.isEmpty())
            {
                parts.add(request.part(name, added));
            }
        }
        return parts;
    }

    DeskAuth auth()
    {
        return auth;
    }

    /** What in a subscribe the session's key may not have, in words; null when it may have all of it. */
    private static String entitlement(final ClientSession session, final ClientRequest request,
        final GatewayChannels channels)
    {
        final DeskTier tier = session.key.tier();
        final String key = "key '" + session.key.name() + "' (tier " + tier.name() + ")";
        int added = 0;
        for (final String name : request.channels)
        {
            if (!tier.channelAllowed(name))
            {
                return key + " may not receive channel '" + name + "'; it may receive " + tier.channels();
            }
            final boolean symbolLess = channels.isSymbolLess(channels.indexOf(name));
            if (!symbolLess && request.symbols.isEmpty() && !tier.everySymbol())
            {
                return key + " may receive only " + tier.symbols() + ": name the symbols";
            }
            added += symbolLess || request.symbols.isEmpty() ? 1 : request.symbols.size();
        }
        final List<String> refused = new ArrayList<>();
        for (final String ticker : request.symbols)
        {
            if (!tier.symbolAllowed(ticker))
            {
                refused.add(ticker);
            }
        }
        if (!refused.isEmpty())
        {
            return key + " may not receive " + refused + "; it may receive " + tier.symbols();
        }
        final int held = session.live.count();
        if (held + added > tier.maxSubscriptions())
        {
            return key + " may hold " + tier.maxSubscriptions() + " subscriptions (one per channel and ticker, or " +
                "per channel for every symbol); it holds " + held + " and this adds up to " + added;
        }
        return null;
    }

    /** A subscribe may set the desk's own {@code prices} throttle, within the gateway's bounds (checked before). */
    private static void throttle(final ClientSession session, final ClientRequest request)
    {
        if (request.throttleMillis >= 0)
        {
            session.pricesThrottleNanos = request.throttleMillis * 1_000_000L;
        }
    }

    /** Tickers the journal has not defined yet: accepted (they flow once they appear), and named in the reply. */
    static List<String> unknown(final ClientRequest request, final SymbolNames names)
    {
        final List<String> unknown = new ArrayList<>();
        for (final String ticker : request.symbols)
        {
            if (names.id(ticker) == 0)
            {
                unknown.add(ticker);
            }
        }
        return unknown;
    }

    void onText(final ClientSession session, final String text, final long nowNanos)
    {
        counters.requests.increment();
        if (!session.requests.tryTake(nowNanos))
        {
            counters.rateLimited.increment();
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
        else if (request.op.equals("auth"))
        {
            auth.onAuth(session, request, nowNanos);
        }
        else if (session.key == null)
        {
            desks.error(session, request.id, "unauthenticated",
                "send {\"op\":\"auth\",\"key\":\"KEY\"} first, or connect with /ws?key=KEY");
        }
        else if (request.op.equals("subscribe") && entitlement(session, request, channels) != null)
        {
            counters.notEntitled.increment();
            desks.error(session, request.id, "not_entitled", entitlement(session, request, channels));
        }
        else if (request.throttleMillis >= 0 && request.throttleMillis < settings.pricesThrottleMinMillis)
        {
            desks.error(session, request.id, "bad_request", "'throttleMs' " + request.throttleMillis +
                " is below this gateway's least, " + settings.pricesThrottleMinMillis + " (gateway.pricesThrottleMinMs)");
        }
        else if (request.isReplay() || request.op.equals("subscribe") && session.key.tier().delayMinutes() > 0)
        {
            whenCaughtUp.accept(() ->
            {
                if (session.channel.isActive())
                {
                    throttle(session, request);
                    replays.start(session, request, nowNanos);
                    session.channel.flush();
                }
            });
        }
        else
        {
            final boolean subscribe = request.op.equals("subscribe");
            if (subscribe)
            {
                throttle(session, request);
            }
            final List<ClientRequest> news = subscribe ? newParts(session, request, channels) : List.of();
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
            desks.subscribed(session, request, subscribe, -1, unknown(request, names));
            if (subscribe)
            {
                whenCaughtUp.accept(() ->
                {
                    if (session.channel.isActive())
                    {
                        snapshots.send(session, news, request.id, nowNanos);
                        session.channel.flush();
                    }
                });
            }
        }
        session.channel.flush();
    }
}

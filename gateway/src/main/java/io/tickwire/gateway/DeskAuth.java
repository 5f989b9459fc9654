package io.tickwire.gateway;

import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * A desk's identity on its WebSocket, on the conductor's thread: the key it connected with, or the one its
 * {@code auth} message names; the key's connection limit; the close of a desk that never authenticated. An
 * unknown key is an error reply, counted and charged to the address's failure limit; past that limit the
 * connection is closed.
 */
final class DeskAuth
{
    static final WebSocketCloseStatus UNAUTHENTICATED = new WebSocketCloseStatus(4003, "unauthenticated");
    static final WebSocketCloseStatus TOO_MANY_CONNECTIONS = new WebSocketCloseStatus(4008, "too many connections");
    static final WebSocketCloseStatus TOO_MANY_FAILURES = new WebSocketCloseStatus(4029, "too many failures");

    private final GatewaySettings settings;
    private final DeskAccess access;
    private final DeskWriter desks;
    private final GatewayCounters counters;
    private final List<ClientSession> sessions;

    DeskAuth(final GatewaySettings settings, final DeskAccess access, final DeskWriter desks,
        final GatewayCounters counters, final List<ClientSession> sessions)
    {
        this.settings = settings;
        this.access = access;
        this.desks = desks;
        this.counters = counters;
        this.sessions = sessions;
    }

    /**
     * The session is now this key's, within the key's connection limit; its request rate becomes its tier's.
     * @param key null: the desk connected without one and must send {@code auth}
     * @param requestId the auth request's id, or null at connection
     */
    void admit(final ClientSession session, final DeskKey presented, final String requestId, final long nowNanos)
    {
        final DeskKey key = presented == null && access.open() ? access.authenticate(null) : presented;
        if (key == null)
        {
            return;
        }
        int connections = 0;
        for (int i = 0; i < sessions.size(); i++)
        {
            final ClientSession other = sessions.get(i);
            connections += other != session && other.key != null && other.key.id() == key.id() && !other.closing ? 1 : 0;
        }
        if (connections >= key.tier().maxConnections())
        {
            counters.notEntitled.increment();
            desks.close(session, TOO_MANY_CONNECTIONS, "key '" + key.name() + "' already has its " +
                key.tier().maxConnections() + " connections (tier " + key.tier().name() + ")");
            return;
        }
        session.key = key;
        session.requests = new TokenBucket(key.tier().requestsPerSecond(), nowNanos);
        if (requestId != null || !access.open())
        {
            desks.authenticated(session, requestId, key);
        }
    }

    void onAuth(final ClientSession session, final ClientRequest request, final long nowNanos)
    {
        final InetAddress from = ((InetSocketAddress)session.channel.remoteAddress()).getAddress();
        if (!access.mayTry(from, nowNanos))
        {
            counters.authFailures.increment();
            desks.close(session, TOO_MANY_FAILURES, "too many failed authentications from this address " +
                "(gateway.authFailuresPerMinute)");
            return;
        }
        final DeskKey key = access.authenticate(request.key);
        if (key == null)
        {
            access.failed(from, nowNanos);
            desks.error(session, request.id, "unauthorized", "unknown key");
            return;
        }
        admit(session, key, request.id, nowNanos);
    }

    /** Every desk still without a key past {@code gateway.authTimeoutMs} is closed with 4003 and the reason. */
    void closeUnauthenticated(final long nowNanos)
    {
        for (int i = 0; i < sessions.size(); i++)
        {
            closeIfUnauthenticated(sessions.get(i), nowNanos);
        }
    }

    private void closeIfUnauthenticated(final ClientSession session, final long nowNanos)
    {
        if (session.key == null && !session.closing && nowNanos - session.openedNanos > settings.authTimeoutNanos)
        {
            counters.authFailures.increment();
            desks.close(session, UNAUTHENTICATED, "no key within " + settings.authTimeoutNanos / 1_000_000 +
                " ms (gateway.authTimeoutMs): connect with /ws?key=KEY or send {\"op\":\"auth\",\"key\":\"KEY\"}");
        }
    }
}

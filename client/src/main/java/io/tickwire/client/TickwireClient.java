package io.tickwire.client;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A desk's connection to a tickwire gateway (docs/client.md): connect with a key, subscribe, typed callbacks,
 * and a connection that mends itself. When the socket drops, goes quiet past the heartbeat timeout or skips a
 * sequence number, the client reconnects and resubscribes each subscription from the journal position after
 * the last one it delivered ({@code from}), one at a time, so the desk's code never sees a gap or a
 * duplicate. A key the gateway refuses (HTTP 401/403 at the upgrade) ends the client: retrying cannot help.
 * <p>
 * Everything the client does happens on one thread: the socket's callbacks and the reconnect timer hand their
 * work to it, so its state needs no locks and the listener is called in order.
 */
public final class TickwireClient implements AutoCloseable
{
    private final URI uri;
    private final DeskListener listener;
    private final Duration heartbeatTimeout;
    private final Duration reconnectDelay;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor((r) ->
    {
        final Thread t = new Thread(r, "tickwire-client");
        t.setDaemon(true);
        return t;
    });
    private final List<DeskSubscription> subscriptions = new ArrayList<>();
    private WebSocket socket;
    /** Which connection the socket's callbacks are from: callbacks of a dropped one are ignored. */
    private int connection;
    private long lastSeq;
    /** The journal position of the last live record delivered (or a snapshot's or replay's end). */
    private long lastLive = -1;
    private long lastHeard;
    private int nextRequestId = 1;
    private boolean closed;
    private long duplicatesDropped;
    private long reconnects;

    private TickwireClient(final Builder builder)
    {
        final String key = builder.key == null ? "" :
            (builder.uri.getQuery() == null ? "?" : "&") + "key=" + URLEncoder.encode(builder.key, StandardCharsets.UTF_8);
        this.uri = URI.create(builder.uri + key);
        this.listener = builder.listener;
        this.heartbeatTimeout = builder.heartbeatTimeout;
        this.reconnectDelay = builder.reconnectDelay;
        final long checkMillis = Math.max(10, heartbeatTimeout.toMillis() / 4);
        thread.scheduleAtFixedRate(this::checkLiveness, checkMillis, checkMillis, TimeUnit.MILLISECONDS);
        thread.execute(this::connect);
    }

    public static Builder builder(final URI gateway)
    {
        return new Builder(gateway);
    }

    /**
     * Subscribes (docs/protocol.md: channels, and symbols — empty for every symbol): a snapshot, then live
     * messages; after a reconnect, the journal's records from where this subscription left off.
     */
    public void subscribe(final List<String> channels, final List<String> symbols)
    {
        thread.execute(() ->
        {
            subscriptions.add(new DeskSubscription(channels, symbols, nextRequestId++));
            sendNextWaiting();
        });
    }

    /** Records the gateway sent again that the client had delivered already, and dropped. 0 on a sound gateway. */
    public long duplicatesDropped()
    {
        return call(() -> duplicatesDropped);
    }

    /** Connections made after the first. */
    public long reconnects()
    {
        return call(() -> reconnects);
    }

    @Override
    public void close()
    {
        thread.execute(() ->
        {
            closed = true;
            if (socket != null)
            {
                socket.abort();
            }
        });
        thread.shutdown();
        try
        {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    // ---- the client's thread -------------------------------------------------------------------------

    private void connect()
    {
        if (closed)
        {
            return;
        }
        final int id = ++connection;
        lastSeq = 0;
        lastHeard = System.nanoTime();
        http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5)).buildAsync(uri,
                new SocketCallbacks(id, thread, () -> connection, this::onText, this::dropped))
            .whenComplete((ws, ex) -> thread.execute(() ->
            {
                if (id != connection)
                {
                    return;
                }
                if (ex == null)
                {
                    socket = ws;
                    sendNextWaiting(); // the welcome may have come before the socket was handed over
                    return;
                }
                final Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
                if (cause instanceof WebSocketHandshakeException refused &&
                    (refused.getResponse().statusCode() == 401 || refused.getResponse().statusCode() == 403))
                {
                    closed = true;
                    listener.onDisconnected("refused by the gateway: HTTP " + refused.getResponse().statusCode() +
                        " " + refused.getResponse().body());
                    return;
                }
                dropped("cannot connect: " + cause);
            }));
    }

    private void dropped(final String reason)
    {
        if (socket != null)
        {
            socket.abort();
            socket = null;
        }
        connection++; // what the old socket still says is ignored
        for (final DeskSubscription s : subscriptions)
        {
            s.freeze(lastLive);
        }
        listener.onDisconnected(reason);
        if (!closed)
        {
            reconnects++;
            thread.schedule(this::connect, reconnectDelay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void checkLiveness()
    {
        if (socket != null && System.nanoTime() - lastHeard > heartbeatTimeout.toNanos())
        {
            dropped("nothing from the gateway for " + heartbeatTimeout.toMillis() + " ms");
        }
    }

    private void onText(final String text)
    {
        lastHeard = System.nanoTime();
        final DeskMessage m = DeskMessage.parse(text);
        if (m.isData())
        {
            if (m.seq() != lastSeq + 1)
            {
                dropped("sequence gap: expected " + (lastSeq + 1) + ", got " + m.seq());
                return;
            }
            lastSeq = m.seq();
            onData(m);
            return;
        }
        switch (m.type())
        {
            case "welcome" ->
            {
                listener.onConnected(m);
                sendNextWaiting();
            }
            case "snapshot_end", "replay_end" -> joined(m);
            case "error", "warning", "closing" ->
            {
                listener.onNotice(m);
                if (m.type().equals("error"))
                {
                    refused(m);
                }
            }
            default ->
            {
                // subscribed, pong, heartbeat, authenticated: nothing to deliver
            }
        }
    }

    private void onData(final DeskMessage m)
    {
        final long js = m.js();
        if (m.isReplay())
        {
            final DeskSubscription replaying = inState(DeskSubscription.State.REPLAYING);
            if (replaying != null)
            {
                if (js <= replaying.lastReplayed)
                {
                    duplicatesDropped++;
                    return;
                }
                replaying.lastReplayed = js;
            }
        }
        else if (js >= 0 && !m.type().equals("price")) // prices are throttled, latest-wins state: not a sequence
        {
            if (js <= lastLive)
            {
                duplicatesDropped++;
                return;
            }
            lastLive = js;
        }
        switch (m.type())
        {
            case "trade" -> listener.onTrade(Trade.of(m));
            case "bar" -> listener.onBar(Bar.of(m));
            default ->
            {
                // typed callbacks exist for the common types; every message reaches onMessage
            }
        }
        listener.onMessage(m);
    }

    /** A subscription's snapshot or replay has ended at a journal position: it is live from the next one. */
    private void joined(final DeskMessage end)
    {
        final DeskSubscription s = byRequest(end.number("id", -1));
        if (s != null)
        {
            s.state = DeskSubscription.State.LIVE;
            lastLive = Math.max(lastLive, end.js());
        }
        sendNextWaiting();
    }

    /**
     * An error about a subscription being established: a replay that fell behind is asked again from where it
     * got to; any other refusal (an unknown channel, a journal that no longer holds the position) ends that
     * subscription, and the desk has heard why through {@link DeskListener#onNotice}.
     */
    private void refused(final DeskMessage error)
    {
        final DeskSubscription s = error.get("id") == null ? null : byRequest(error.number("id", -1));
        if (s == null || s.state != DeskSubscription.State.REPLAYING)
        {
            return;
        }
        if ("replay_behind".equals(error.get("code")))
        {
            s.freeze(lastLive);
        }
        else
        {
            subscriptions.remove(s);
        }
        sendNextWaiting();
    }

    /** Subscriptions are (re)established one at a time, so a replay's records are always its own. */
    private void sendNextWaiting()
    {
        if (socket == null || inState(DeskSubscription.State.REPLAYING) != null)
        {
            return;
        }
        final DeskSubscription next = inState(DeskSubscription.State.WAITING);
        if (next != null)
        {
            next.state = DeskSubscription.State.REPLAYING;
            socket.sendText(next.request(), true);
        }
    }

    private DeskSubscription inState(final DeskSubscription.State state)
    {
        for (final DeskSubscription s : subscriptions)
        {
            if (s.state == state)
            {
                return s;
            }
        }
        return null;
    }

    private DeskSubscription byRequest(final long requestId)
    {
        for (final DeskSubscription s : subscriptions)
        {
            if (s.requestId == requestId)
            {
                return s;
            }
        }
        return null;
    }

    private <T> T call(final java.util.concurrent.Callable<T> query)
    {
        try
        {
            return thread.submit(query).get(5, TimeUnit.SECONDS);
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException("the client's thread did not answer", ex);
        }
    }

    /** How a client connects. */
    public static final class Builder
    {
        private final URI uri;
        private String key;
        private DeskListener listener = new DeskListener()
        {
        };
        private Duration heartbeatTimeout = Duration.ofSeconds(15);
        private Duration reconnectDelay = Duration.ofMillis(500);

        private Builder(final URI uri)
        {
            this.uri = uri;
        }

        /** The desk's key (sent as {@code ?key=}); none for an open gateway. */
        public Builder key(final String value)
        {
            key = value;
            return this;
        }

        public Builder listener(final DeskListener value)
        {
            listener = value;
            return this;
        }

        /**
         * Silence longer than this means the connection is dead: reconnect. Keep it above the gateway's
         * {@code gateway.heartbeatIntervalMs} (default 5 s); default 15 s.
         */
        public Builder heartbeatTimeout(final Duration value)
        {
            heartbeatTimeout = value;
            return this;
        }

        public Builder reconnectDelay(final Duration value)
        {
            reconnectDelay = value;
            return this;
        }

        public TickwireClient connect()
        {
            return new TickwireClient(this);
        }
    }
}

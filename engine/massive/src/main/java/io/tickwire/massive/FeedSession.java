package io.tickwire.massive;

import io.tickwire.codecs.sbe.Cluster;
import io.tickwire.codecs.sbe.FeedState;
import io.tickwire.codecs.sbe.StatusCode;
import io.tickwire.model.EngineCounters;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.NanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One cluster's session with Massive as a pure state machine: connect, authenticate, subscribe (every item,
 * again after each reconnect), count the acks, keep the connection honest (ping, liveness timeout on any
 * inbound frame, data watchdog) and reconnect by {@link ReconnectPolicy}. It owns no socket and reads no
 * clock of its own: the transport ({@link MassiveConnection}) reports what happened, the injected clocks say
 * when, and what must be done goes out through {@link Actions}. Every state change is a feed status; a
 * reconnect after a loss carries the gap's event-time window, which drives the backfill and the gap marking
 * of bars. All calls come from one thread (the ring's producer).
 */
final class FeedSession
{
    private static final Logger LOG = LoggerFactory.getLogger(FeedSession.class);
    private static final long MS = 1_000_000L;

    /** What the session asks of its transport and of the rest of the adapter. */
    interface Actions
    {
        void connect();

        void connectAfter(long delayMillis);

        void sendAuth();

        void sendSubscribe();

        void sendPing();

        void closeChannel();

        void feedStatus(FeedState state, StatusCode code, String message, long gapStart, long gapEnd);

        /** The stream is back; a non-zero window is the gap to backfill now that live data flows. */
        void recoveryUp(long gapStart, long gapEnd);

        void recoveryDown();

        void fatal(String reason);
    }

    enum State
    {
        CONNECTING, AUTHENTICATING, LIVE, WAITING, FAILED, CLOSED
    }

    /** The session's timing rules, in milliseconds (0 turns the data watchdog off). */
    record Timeouts(long pingIntervalMillis, long livenessTimeoutMillis, long dataWatchdogMillis, long ackTimeoutMillis)
    {
        /** How often the transport should call {@link #onTimer()}: a quarter of the shortest rule, 20 ms..1 s. */
        long checkIntervalMillis()
        {
            final long watchdog = dataWatchdogMillis > 0 ? dataWatchdogMillis : Long.MAX_VALUE;
            final long shortest = Math.min(Math.min(livenessTimeoutMillis, watchdog), pingIntervalMillis);
            return Math.max(20, Math.min(1000, shortest / 4));
        }
    }

    private final Cluster cluster;
    private final String where;
    private final String apiKeyEnv;
    private final int subscribeItems;
    private final ReconnectPolicy policy;
    private final Timeouts timeouts;
    private final NanoClock clock;
    private final EpochNanoClock eventClock;
    private final EngineCounters counters;
    private final Actions actions;

    private State state = State.WAITING;
    private boolean connected;
    private boolean authSent;
    private boolean evicted;
    private boolean everLive;
    private int acksExpected;
    private int acksReceived;
    private boolean ackPending;
    private long ackDeadlineNanos;
    private long liveSinceNanos;
    private long lastInboundNanos;
    private long lastDataNanos;
    private long lastPingNanos;
    /** Newest event time decoded on this cluster: where a gap starts when the connection is lost. */
    private long lastEventTime;
    /** Event time from which data is missing since the last loss, 0 while nothing is missing. */
    private long gapStart;
    /** After a reconnect: the gap to backfill once live data flows again (0 when none is waiting). */
    private long pendingBackfillStart;
    /**
     * How far the feed's clock runs behind the wall clock (receipt less event time of the newest event): a gap's
     * end is estimated on the feed's own clock, so a delayed feed's gap is as wide as the data missing, no wider.
     */
    private long feedLagNanos;

    FeedSession(final Cluster cluster, final String where, final String apiKeyEnv, final int subscribeItems,
        final ReconnectPolicy policy, final Timeouts timeouts, final NanoClock clock, final EpochNanoClock eventClock,
        final EngineCounters counters, final Actions actions)
    {
        this.cluster = cluster;
        this.where = where;
        this.apiKeyEnv = apiKeyEnv;
        this.subscribeItems = subscribeItems;
        this.policy = policy;
        this.timeouts = timeouts;
        this.clock = clock;
        this.eventClock = eventClock;
        this.counters = counters;
        this.actions = actions;
    }

    State state()
    {
        return state;
    }

    /**
     * At start, before the first {@link #connect}: the node stopped (cleanly or not) after journaling an event at
     * {@code lastJournaledEventTime}, so everything since is a gap, declared now ({@code down} from there) and,
     * once the feed is live again, recovered and backfilled like any reconnect gap.
     */
    void resumeAfter(final long lastJournaledEventTime)
    {
        if (lastJournaledEventTime <= 0)
        {
            return;
        }
        lastEventTime = lastJournaledEventTime;
        gapStart = lastJournaledEventTime + 1;
        everLive = true; // the next live connection is a reconnect
        actions.recoveryDown();
        actions.feedStatus(FeedState.DOWN, StatusCode.NONE, "restarted: data since the last journaled event may be " +
            "missing", gapStart, Long.MAX_VALUE);
    }

    /** Starts a connection attempt (at start, and when a reconnect delay is over). */
    void connect()
    {
        if (state == State.CLOSED || state == State.FAILED)
        {
            return;
        }
        state = State.CONNECTING;
        authSent = false;
        actions.feedStatus(FeedState.CONNECTING, StatusCode.NONE, where, 0, 0);
        actions.connect();
    }

    void onChannelActive()
    {
        connected = true;
        lastInboundNanos = clock.nanoTime();
    }

    void onHandshakeComplete()
    {
        lastInboundNanos = clock.nanoTime();
        lastPingNanos = lastInboundNanos;
    }

    /** Any frame at all — data, status, ping, pong, close — is a sign of life. */
    void onInbound()
    {
        lastInboundNanos = clock.nanoTime();
    }

    /** A frame held market data; {@code newestEventTime} is its newest event time (0 when none counts). */
    void onMarketData(final long newestEventTime)
    {
        if (newestEventTime > lastEventTime)
        {
            lastEventTime = newestEventTime;
            feedLagNanos = Math.max(0, eventClock.nanoTime() - newestEventTime);
        }
        lastDataNanos = clock.nanoTime();
        if (pendingBackfillStart > 0)
        {
            recovered(lastEventTime, "live data again");
        }
    }

    /**
     * The gap since {@code pendingBackfillStart} ends at {@code gapEnd}, on the feed's clock: declared recovered
     * with that window (bars overlapping it are gap bars) and backfilled.
     */
    private void recovered(final long gapEnd, final String how)
    {
        final long start = pendingBackfillStart;
        pendingBackfillStart = 0;
        actions.feedStatus(FeedState.RECOVERED, StatusCode.AUTH_SUCCESS, how + ": data from " + start + " to " +
            gapEnd + " (event time, ns) may be missing; backfilling it", start, gapEnd);
        actions.recoveryUp(start, gapEnd);
    }

    void onStatus(final StatusCode code, final String status, final String message)
    {
        counters.statusEvents.incrementRelease();
        switch (code)
        {
            case CONNECTED -> sendAuth();
            case SUCCESS -> onSuccess(message);
            case AUTH_SUCCESS -> onLive(message);
            case AUTH_FAILED -> onAuthFailed(message);
            case MAX_CONNECTIONS ->
            {
                evicted = true;
                counters.evictions.incrementRelease();
                LOG.error("Massive {} evicted this connection: another connection logged in with the same key " +
                    "(max_connections). Cooling down before reconnecting, so the two do not evict each other in a " +
                    "loop. Message: {}", cluster, message);
                actions.feedStatus(FeedState.DEGRADED, code, message, 0, 0);
            }
            default ->
            {
                LOG.warn("Massive {} status {}: {}", cluster, status, message);
                actions.feedStatus(FeedState.DEGRADED, code, message, 0, 0);
            }
        }
    }

    /** The connection attempt failed or the connection closed, for whatever reason. */
    void onDisconnected(final String reason)
    {
        connected = false;
        ackPending = false;
        if (state == State.CLOSED || state == State.FAILED || state == State.WAITING)
        {
            return;
        }
        final boolean wasLive = state == State.LIVE;
        if (pendingBackfillStart > 0)
        {
            gapStart = pendingBackfillStart; // lost again before any data: one gap, still to backfill
            pendingBackfillStart = 0;
        }
        final long upMillis = wasLive ? (clock.nanoTime() - liveSinceNanos) / MS : 0;
        if (wasLive && gapStart == 0)
        {
            gapStart = lastEventTime > 0 ? lastEventTime + 1 : eventClock.nanoTime();
            actions.recoveryDown();
        }
        final long delay = policy.nextDelayMillis(upMillis, evicted);
        counters.nextReconnectDelayMs.setRelease(delay);
        counters.disconnects.incrementRelease(); // after the delay: whoever sees this disconnect sees its delay
        final String text = reason + "; reconnecting in " + delay + " ms" + (evicted ? " (eviction cool-down)" : "");
        LOG.warn("Massive {}: {}", cluster, text);
        actions.feedStatus(FeedState.DOWN, evicted ? StatusCode.MAX_CONNECTIONS : StatusCode.NONE, text,
            gapStart, gapStart > 0 ? Long.MAX_VALUE : 0);
        evicted = false;
        state = State.WAITING;
        actions.connectAfter(delay);
    }

    /** The periodic check while a channel is open: liveness, data watchdog, ack shortfall, ping. */
    void onTimer()
    {
        if (!connected)
        {
            return;
        }
        final long now = clock.nanoTime();
        if (now - lastInboundNanos > timeouts.livenessTimeoutMillis() * MS)
        {
            counters.livenessTimeouts.incrementRelease();
            LOG.warn("Massive {}: nothing received for {} ms (no data, status or pong): closing", cluster,
                (now - lastInboundNanos) / MS);
            actions.closeChannel();
            return;
        }
        final long watchdog = timeouts.dataWatchdogMillis() * MS;
        if (state == State.LIVE && watchdog > 0 && now - lastDataNanos > watchdog)
        {
            counters.watchdogTimeouts.incrementRelease();
            LOG.warn("Massive {}: no market data for {} ms while subscribed: reconnecting", cluster,
                (now - lastDataNanos) / MS);
            actions.closeChannel();
            return;
        }
        if (ackPending && now - ackDeadlineNanos >= 0)
        {
            ackPending = false;
            reportAckShortfall();
        }
        if (state == State.LIVE && pendingBackfillStart > 0 && now - liveSinceNanos >= timeouts.ackTimeoutMillis() * MS)
        {
            // a quiet market: no live data since the subscriptions had time to be acknowledged, so nothing older
            // than now is still on its way; the gap ends now on the feed's clock (the wall clock less its lag)
            recovered(Math.max(lastEventTime, eventClock.nanoTime() - feedLagNanos), "a quiet market since reconnecting");
        }
        if (now - lastPingNanos >= timeouts.pingIntervalMillis() * MS)
        {
            lastPingNanos = now;
            actions.sendPing();
        }
    }

    void close()
    {
        state = State.CLOSED;
    }

    private void onSuccess(final String message)
    {
        if (!authSent)
        {
            sendAuth(); // the spec's first status is "success"; live servers send "connected"
        }
        else if (message != null && message.startsWith("subscribed to"))
        {
            acksReceived++;
            counters.subscriptionAcks.incrementRelease();
        }
    }

    private void onAuthFailed(final String message)
    {
        state = State.FAILED;
        final String why = "Massive refused authentication for cluster " + Subscriptions.path(cluster) + " at " +
            where + ": " + message + " (check the key in $" + apiKeyEnv + " and that your plan includes this cluster)";
        LOG.error(why);
        actions.feedStatus(FeedState.FAILED, StatusCode.AUTH_FAILED, message, 0, 0);
        actions.fatal(why);
    }

    private void onLive(final String message)
    {
        state = State.LIVE;
        liveSinceNanos = clock.nanoTime();
        lastDataNanos = liveSinceNanos;
        counters.connects.incrementRelease();
        if (everLive)
        {
            counters.reconnects.incrementRelease();
        }
        if (gapStart > 0)
        {
            LOG.info("Massive {} back at {}; data may be missing from event time {}, up to the first live data",
                cluster, where, gapStart);
            // up again, the gap still open: it ends at the first live data's event time, on the feed's own clock
            // (never the wall clock: a delayed or recorded feed's gap is as wide as the data missing), and is
            // backfilled then, when everything older exists upstream
            actions.feedStatus(FeedState.UP, StatusCode.AUTH_SUCCESS, message + "; data may be missing since " +
                gapStart + " until the first live data", gapStart, Long.MAX_VALUE);
            pendingBackfillStart = gapStart;
        }
        else
        {
            LOG.info("authenticated to Massive {} at {}; subscribing to {} items", cluster, where, subscribeItems);
            actions.feedStatus(FeedState.UP, StatusCode.AUTH_SUCCESS, message, 0, 0);
        }
        actions.recoveryUp(0, 0);
        everLive = true;
        gapStart = 0;
        if (subscribeItems > 0)
        {
            acksExpected = subscribeItems;
            acksReceived = 0;
            ackPending = true;
            ackDeadlineNanos = clock.nanoTime() + timeouts.ackTimeoutMillis() * MS;
            actions.sendSubscribe();
        }
    }

    private void reportAckShortfall()
    {
        if (state != State.LIVE || acksReceived >= acksExpected)
        {
            return;
        }
        counters.subscriptionAckShortfall.getAndAddRelease(acksExpected - acksReceived);
        final String text = acksReceived + " of " + acksExpected + " subscriptions acknowledged within " +
            timeouts.ackTimeoutMillis() + " ms";
        LOG.warn("Massive {}: {}", cluster, text);
        actions.feedStatus(FeedState.DEGRADED, StatusCode.NONE, text, 0, 0);
    }

    private void sendAuth()
    {
        if (!authSent && connected)
        {
            authSent = true;
            state = State.AUTHENTICATING;
            actions.sendAuth();
        }
    }
}

package io.tickwire.massive;

import io.tickwire.codecs.sbe.Cluster;
import io.tickwire.codecs.sbe.FeedState;
import io.tickwire.codecs.sbe.StatusCode;
import io.tickwire.model.EngineCounters;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The connection's protocol and liveness rules on an injected clock: no sockets, no sleeps. */
class FeedSessionTest
{
    private static final long MS = 1_000_000L;
    private static final FeedSession.Timeouts TIMEOUTS = new FeedSession.Timeouts(1_000, 3_000, 5_000, 2_000);

    /** Monotonic and event time, moved by the test. */
    private long now = 1_000_000 * MS;
    private final EngineCounters counters = new EngineCounters();
    private final List<String> actions = new ArrayList<>();
    private final List<long[]> recoveriesUp = new ArrayList<>();
    private final ReconnectPolicy policy = new ReconnectPolicy(100, 30_000, 10_000, 60_000, () -> Long.MAX_VALUE);
    private final FeedSession session = new FeedSession(Cluster.STOCKS, "feed.test", "MASSIVE_API_KEY", 2, policy,
        TIMEOUTS, () -> now, () -> now, counters, new FeedSession.Actions()
    {
        @Override
        public void connect()
        {
            actions.add("connect");
        }

        @Override
        public void connectAfter(final long delayMillis)
        {
            actions.add("connectAfter " + delayMillis);
        }

        @Override
        public void sendAuth()
        {
            actions.add("auth");
        }

        @Override
        public void sendSubscribe()
        {
            actions.add("subscribe");
        }

        @Override
        public void sendPing()
        {
            actions.add("ping");
        }

        @Override
        public void closeChannel()
        {
            actions.add("close");
        }

        @Override
        public void feedStatus(final FeedState state, final StatusCode code, final String message, final long gapStart,
            final long gapEnd)
        {
            actions.add("status " + state + " " + code + (gapStart != 0 ? " gap " + gapStart + ".." + gapEnd : ""));
        }

        @Override
        public void recoveryUp(final long gapStart, final long gapEnd)
        {
            recoveriesUp.add(new long[]{gapStart, gapEnd});
        }

        @Override
        public void recoveryDown()
        {
            actions.add("recoveryDown");
        }

        @Override
        public void fatal(final String reason)
        {
            actions.add("fatal " + reason);
        }
    });

    private void advanceMillis(final long millis)
    {
        now += millis * MS;
    }

    private void goLive()
    {
        session.connect();
        session.onChannelActive();
        session.onHandshakeComplete();
        session.onStatus(StatusCode.CONNECTED, "connected", "Connected Successfully");
        session.onStatus(StatusCode.AUTH_SUCCESS, "auth_success", "authenticated");
    }

    @Test
    void shouldDeclareTheDowntimeSinceTheLastJournaledEventAndBackfillItOnceLive()
    {
        final long lastJournaled = now - 30_000 * MS; // the node stopped half a minute ago
        session.resumeAfter(lastJournaled);
        assertEquals(List.of("recoveryDown", "status DOWN NONE gap " + (lastJournaled + 1) + ".." + Long.MAX_VALUE),
            actions, "down from the last journaled event, at start-up");
        actions.clear();
        goLive();
        assertTrue(actions.contains("status UP AUTH_SUCCESS gap " + (lastJournaled + 1) + ".." + Long.MAX_VALUE),
            "up, the gap still open until the first live data: " + actions);
        assertEquals(1, counters.reconnects.get(), "a restart's first connection is a reconnect");
        recoveriesUp.clear();
        final long first = now - 5 * MS;
        session.onMarketData(first);
        assertTrue(actions.contains("status RECOVERED AUTH_SUCCESS gap " + (lastJournaled + 1) + ".." + first),
            "recovered with the window, up to the first live event: " + actions);
        assertEquals(1, recoveriesUp.size());
        assertEquals(lastJournaled + 1, recoveriesUp.get(0)[0], "the backfill starts where the journal stopped");
    }

    @Test
    void shouldBackfillTheGapOfAQuietMarketOnceTheSubscriptionsHadTimeToBeAcknowledged()
    {
        final long lastJournaled = now - 30_000 * MS;
        session.resumeAfter(lastJournaled);
        goLive();
        recoveriesUp.clear();
        advanceMillis(1_999);
        session.onInbound();
        session.onTimer();
        assertTrue(recoveriesUp.isEmpty(), "still within the ack timeout: data may yet come");
        advanceMillis(1);
        session.onInbound();
        session.onTimer();
        assertEquals(1, recoveriesUp.size(), "no data: backfilled up to now anyway");
        assertEquals(lastJournaled + 1, recoveriesUp.get(0)[0]);
        assertEquals(now, recoveriesUp.get(0)[1]);
        session.onMarketData(now);
        assertEquals(1, recoveriesUp.size(), "once");
    }

    @Test
    void shouldDeclareNoGapOnAFirstStart()
    {
        session.resumeAfter(0);
        assertTrue(actions.isEmpty());
        goLive();
        assertTrue(actions.contains("status UP AUTH_SUCCESS"), actions.toString());
    }

    @Test
    void shouldAuthenticateOnConnectedThenSubscribeOnAuthSuccess()
    {
        goLive();
        assertEquals(List.of("status CONNECTING NONE", "connect", "auth", "status UP AUTH_SUCCESS", "subscribe"), actions);
        assertEquals(FeedSession.State.LIVE, session.state());
        assertEquals(1, counters.connects.get());
    }

    @Test
    void shouldAuthenticateOnTheSpecsSuccessStatusOnlyOnce()
    {
        session.connect();
        session.onChannelActive();
        session.onStatus(StatusCode.SUCCESS, "success", "connected");
        session.onStatus(StatusCode.SUCCESS, "success", "connected");
        assertEquals(1, actions.stream().filter("auth"::equals).count());
        assertEquals(FeedSession.State.AUTHENTICATING, session.state());
    }

    @Test
    void shouldCountAcksAndReportAShortfallAfterTheAckTimeout()
    {
        goLive();
        session.onStatus(StatusCode.SUCCESS, "success", "subscribed to: T.SPY");
        actions.clear();
        advanceMillis(1_999);
        session.onInbound();
        session.onMarketData(now);
        session.onTimer();
        assertTrue(actions.stream().noneMatch((a) -> a.startsWith("status")), actions.toString());
        advanceMillis(1);
        session.onInbound();
        session.onMarketData(now);
        session.onTimer();
        assertTrue(actions.contains("status DEGRADED NONE"), actions.toString());
        assertEquals(1, counters.subscriptionAcks.get());
        assertEquals(1, counters.subscriptionAckShortfall.get());
        actions.clear();
        advanceMillis(500);
        session.onInbound();
        session.onTimer();
        assertTrue(actions.stream().noneMatch((a) -> a.startsWith("status")), "reported once: " + actions);
    }

    @Test
    void shouldReportNoShortfallWhenEveryItemWasAcknowledged()
    {
        goLive();
        session.onStatus(StatusCode.SUCCESS, "success", "subscribed to: T.SPY");
        session.onStatus(StatusCode.SUCCESS, "success", "subscribed to: Q.SPY");
        advanceMillis(2_500);
        session.onInbound();
        session.onMarketData(now);
        session.onTimer();
        assertEquals(0, counters.subscriptionAckShortfall.get());
    }

    @Test
    void shouldPingEveryIntervalWhileConnected()
    {
        goLive();
        actions.clear();
        for (int i = 0; i < 5; i++)
        {
            advanceMillis(500);
            session.onInbound();
            session.onMarketData(now);
            session.onTimer();
        }
        assertEquals(2, actions.stream().filter("ping"::equals).count(), actions.toString());
    }

    @Test
    void shouldCloseWhenNothingAtAllArrivesForTheLivenessTimeout()
    {
        goLive();
        actions.clear();
        advanceMillis(3_000);
        session.onTimer();
        assertTrue(actions.stream().noneMatch("close"::equals), "exactly the timeout is not yet past it");
        advanceMillis(1);
        session.onTimer();
        assertTrue(actions.contains("close"), actions.toString());
        assertEquals(1, counters.livenessTimeouts.get());
    }

    @Test
    void shouldTreatAPongAsLifeButNotAsData()
    {
        goLive();
        actions.clear();
        long elapsed = 0;
        while (!actions.contains("close"))
        {
            advanceMillis(600);
            elapsed += 600;
            session.onInbound(); // pongs and statuses only
            session.onTimer();
        }
        assertEquals(5_400, elapsed, "closed at the first check past the 5 s watchdog");
        assertEquals(0, counters.livenessTimeouts.get());
        assertEquals(1, counters.watchdogTimeouts.get(), "no market data for 5 s while subscribed");
        assertTrue(actions.contains("close"));
    }

    @Test
    void shouldDeclareTheGapFromTheNewestEventAndBackfillItOnceLiveDataFlowsAgain()
    {
        goLive();
        final long newest = now - 7 * MS;
        session.onMarketData(newest);
        actions.clear();
        session.onDisconnected("connection closed");
        assertEquals(FeedSession.State.WAITING, session.state());
        assertEquals("recoveryDown", actions.get(0));
        assertTrue(actions.get(1).startsWith("status DOWN NONE gap " + (newest + 1) + ".." + Long.MAX_VALUE), actions.toString());
        assertTrue(actions.get(2).startsWith("connectAfter "), actions.toString());

        actions.clear();
        recoveriesUp.clear();
        advanceMillis(100);
        goLive();
        assertTrue(actions.contains("status UP AUTH_SUCCESS gap " + (newest + 1) + ".." + Long.MAX_VALUE),
            actions.toString());
        assertEquals(1, recoveriesUp.size(), "up, nothing to backfill yet");
        assertEquals(0, recoveriesUp.get(0)[0]);
        session.onMarketData(now);
        assertTrue(actions.contains("status RECOVERED AUTH_SUCCESS gap " + (newest + 1) + ".." + now), actions.toString());
        assertEquals(2, recoveriesUp.size());
        assertEquals(newest + 1, recoveriesUp.get(1)[0], "the backfill starts where the data stopped");
        assertEquals(now, recoveriesUp.get(1)[1]);
        assertEquals(1, counters.reconnects.get());
    }

    /** A feed 15 minutes behind the wall clock (Massive's delayed plan, a recorded session): its gaps stay narrow. */
    @Test
    void shouldMeasureAGapOnTheFeedsOwnClock()
    {
        final long delay = 15 * 60_000 * MS;
        goLive();
        session.onMarketData(now - delay);
        session.onDisconnected("connection closed");
        advanceMillis(400);
        goLive();
        actions.clear();
        session.onMarketData(now - delay); // the first live data: the feed's clock 400 ms on, still 15 min behind
        assertTrue(actions.contains("status RECOVERED AUTH_SUCCESS gap " + (now - 400 * MS - delay + 1) + ".." +
            (now - delay)), "400 ms of data missing, not 15 minutes: " + actions);

        session.onDisconnected("connection closed");
        advanceMillis(300);
        goLive();
        actions.clear();
        advanceMillis(2_000); // a quiet market: no data within the ack timeout
        session.onInbound();
        session.onTimer();
        assertTrue(actions.contains("status RECOVERED AUTH_SUCCESS gap " + (now - 2_300 * MS - delay + 1) + ".." +
            (now - delay)), "ends now on the feed's clock, the wall clock less its lag: " + actions);
    }

    @Test
    void shouldKeepOneGapWhenLostAgainBeforeAnyData()
    {
        goLive();
        final long newest = now;
        session.onMarketData(newest);
        session.onDisconnected("connection closed");
        advanceMillis(100);
        goLive();
        actions.clear();
        session.onDisconnected("connection closed"); // before any live data
        assertTrue(actions.stream().anyMatch((a) -> a.startsWith("status DOWN NONE gap " + (newest + 1) + "..")),
            actions.toString());
        assertTrue(actions.stream().noneMatch("recoveryDown"::equals), "still the same gap: " + actions);
    }

    @Test
    void shouldBackOffAndResetOnlyAfterAConnectionStayedUp()
    {
        session.connect();
        session.onDisconnected("connect failed");
        session.connect();
        session.onDisconnected("connect failed");
        assertEquals(2, policy.attempt(), "never live: the back-off grows");
        goLive();
        advanceMillis(10_000);
        session.onDisconnected("connection closed");
        assertEquals(1, policy.attempt(), "up for the reset time: back to the first step");
        assertEquals(3, counters.disconnects.get());
    }

    @Test
    void shouldCoolDownAfterAnEvictionForMaxConnections()
    {
        goLive();
        session.onStatus(StatusCode.MAX_CONNECTIONS, "max_connections", "Maximum number of connections exceeded.");
        actions.clear();
        session.onDisconnected("connection closed");
        assertTrue(actions.contains("connectAfter 60000"), actions.toString());
        assertTrue(actions.stream().anyMatch((a) -> a.startsWith("status DOWN MAX_CONNECTIONS")), actions.toString());
        assertEquals(1, counters.evictions.get());
        actions.clear();
        session.onDisconnected("connection closed"); // already waiting: nothing more
        assertEquals(List.of(), actions);
    }

    @Test
    void shouldStopForGoodWhenAuthenticationIsRefused()
    {
        session.connect();
        session.onChannelActive();
        session.onStatus(StatusCode.CONNECTED, "connected", "Connected Successfully");
        session.onStatus(StatusCode.AUTH_FAILED, "auth_failed", "authentication failed");
        assertEquals(FeedSession.State.FAILED, session.state());
        assertTrue(actions.stream().anyMatch((a) -> a.startsWith("fatal Massive refused authentication for cluster stocks")),
            actions.toString());
        actions.clear();
        session.onDisconnected("connection closed");
        session.connect();
        assertEquals(List.of(), actions, "terminal: no reconnect, no retry loop");
        assertEquals(0, counters.reconnects.get());
    }

    @Test
    void shouldDoNothingAfterClose()
    {
        goLive();
        session.close();
        actions.clear();
        session.onDisconnected("connection closed");
        session.connect();
        assertEquals(List.of(), actions);
        assertEquals(0, counters.disconnects.get());
    }

    @Test
    void shouldCheckAQuarterOfTheShortestRuleBetween20MsAndOneSecond()
    {
        assertEquals(250, TIMEOUTS.checkIntervalMillis());
        assertEquals(20, new FeedSession.Timeouts(40, 50, 0, 100).checkIntervalMillis());
        assertEquals(1_000, new FeedSession.Timeouts(25_000, 30_000, 0, 5_000).checkIntervalMillis());
    }
}

package io.tickwire.system;

import io.tickwire.codecs.sbe.FeedState;
import io.tickwire.codecs.sbe.Source;
import io.tickwire.codecs.sbe.StatusCode;
import io.tickwire.model.EngineCounters;
import io.tickwire.model.event.MarketEvent;
import io.tickwire.model.journal.Journal;
import io.tickwire.simulator.SimulatorSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.tickwire.system.FeedHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One test per way the real feed misbehaves (../shared/massive-protocol.md), each injected by the simulator:
 * the engine must recover, say so in its counters and feed statuses, and end with a journal that, compared
 * with what the market generated, has nothing lost and nothing doubled — or a gap explicitly marked.
 */
class FeedFaultsTest
{
    @TempDir
    Path dir;

    private static SimulatorSettings market(final int events)
    {
        return new SimulatorSettings().rate(1_000).maxEvents(events).maxEventsPerFrame(8).seed(5);
    }

    private static long count(final JournalContents journal, final FeedState state)
    {
        return journal.feedStatuses.stream().filter((e) -> e.feedState == state.value()).count();
    }

    @ParameterizedTest(name = "close frame: {0}")
    @ValueSource(booleans = {false, true})
    void shouldReconnectAndBackfillADroppedConnection(final boolean closeFrame) throws Exception
    {
        try (FeedHarness h = FeedHarness.start(dir, market(4_000), Map.of()))
        {
            await(() -> h.counters().tradesAccepted.get() > 200, 10_000, "trading");
            h.simulator.faults().dropConnections("stocks", closeFrame);
            await(() -> h.counters().reconnects.get() == 1, 10_000, "reconnected");
            h.awaitAllTradesAccepted(20_000);
            await(() -> h.counters().backfills.get() == 1, 10_000, "backfilled");
            assertTrue(h.counters().backfillEvents.get() > 0);
            assertEquals(1, h.counters().disconnects.get());
            h.assertNothingLostNothingDoubled();
            final JournalContents input = JournalContents.read(h.dataDir.resolve("journals").resolve(Journal.INPUT));
            assertEquals(1, count(input, FeedState.DOWN));
            final MarketEvent recovered = input.feedStatuses.stream()
                .filter((e) -> e.feedState == FeedState.RECOVERED.value() && e.statusCode == StatusCode.AUTH_SUCCESS.value())
                .findFirst().orElseThrow();
            assertTrue(recovered.gapStart > 0 && recovered.gapEnd > recovered.gapStart, "the gap window is journaled");
            final JournalContents output = JournalContents.read(h.dataDir.resolve("journals").resolve(Journal.OUTPUT));
            assertTrue(output.bars.stream().anyMatch((b) -> b.kind().equals("gap")), "bars say the feed was down");
            assertTrue(output.trades.size() > 0);
        }
    }

    /** A drop of seconds, backfilled: each bar it touched is sent a handful of times, not once per late trade. */
    @Test
    void shouldReviseEachBarAHandfulOfTimesAfterASecondsDropAndItsBackfill() throws Exception
    {
        // an eviction's cool-down makes the drop last exactly 2.5 s, so whole 1 s bars close inside it before the
        // backfill comes; no REST polling: all of it is backfilled
        try (FeedHarness h = FeedHarness.start(dir, market(8_000), Map.of("feed.evictionCooldownMs", "2500",
            "feed.pollAfterMs", "60000")))
        {
            await(() -> h.counters().tradesAccepted.get() > 200, 10_000, "trading");
            h.simulator.faults().evict("stocks");
            await(() -> h.counters().backfills.get() == 1, 20_000, "backfilled");
            h.awaitAllTradesAccepted(20_000);
            h.assertNothingLostNothingDoubled();
            final JournalContents output = JournalContents.read(h.dataDir.resolve("journals").resolve(Journal.OUTPUT));
            final Map<String, Long> perBar = output.bars.stream().collect(java.util.stream.Collectors.groupingBy(
                (b) -> b.ticker() + "/" + b.tf() + "/" + b.start(), java.util.stream.Collectors.counting()));
            final long most = perBar.values().stream().mapToLong(Long::longValue).max().orElse(0);
            System.out.println("a 2.5 s drop and its backfill: " + h.counters().backfillEvents.get() +
                " events backfilled, " + h.counters().barRevisions.get() + " bar revisions, at most " + most +
                " records of one bar (" + h.counters().lateTrades.get() + " late trades)");
            assertTrue(h.counters().barRevisions.get() > 0, "the backfill revised closed bars");
            assertTrue(most <= 4, "a bar, a revision per interval at most and one at the backfill's end: " + most);
        }
    }

    /** A wildcard subscription (T.*) names no symbol: its drop is backfilled for the symbols seen this session. */
    @Test
    void shouldBackfillAWildcardSubscriptionsDrop() throws Exception
    {
        try (FeedHarness h = FeedHarness.start(dir, market(4_000).recordGroundTruth(true), Map.of(
            "feed.stocks.symbols", "*", "feed.evictionCooldownMs", "1000", "feed.pollAfterMs", "60000")))
        {
            await(() -> h.counters().tradesAccepted.get() > 200, 10_000, "trading");
            h.simulator.faults().evict("stocks");
            await(() -> h.counters().backfills.get() == 1, 20_000, "backfilled");
            assertTrue(h.simulator.awaitFinished(20, java.util.concurrent.TimeUnit.SECONDS), "the market ended");
            // every trade the market made — sent live, or made during the drop and only in its history
            final Set<String> tickers = new HashSet<>();
            h.simulator.groundTruth().trades().forEach((t) -> tickers.add(t.ticker()));
            final Set<String> generated = new HashSet<>();
            tickers.forEach((ticker) -> h.simulator.history().trades(ticker).forEach((t) ->
                generated.add(t.ticker() + "/" + t.exchange() + "/" + t.trfId() + "/" + t.tradeId())));
            await(() -> h.counters().tradesAccepted.get() >= generated.size(), 20_000, "every trade accepted");
            final Set<String> journaled = new HashSet<>();
            h.journal(Journal.OUTPUT).trades.forEach((t) ->
                journaled.add(t.ticker() + "/" + t.exchange() + "/" + t.trfId() + "/" + t.id()));
            assertTrue(generated.size() > 500 && tickers.size() > 2, generated.size() + " trades of " + tickers);
            assertEquals(generated, journaled, "every trade of every symbol, the drop's included, once");
            assertTrue(h.counters().backfillEvents.get() > 0);
        }
    }

    @Test
    void shouldReconnectWhenTheStreamStallsPastTheDataWatchdog() throws Exception
    {
        try (FeedHarness h = FeedHarness.start(dir, market(5_000), Map.of()))
        {
            await(() -> h.counters().tradesAccepted.get() > 200, 10_000, "trading");
            h.simulator.faults().stall("stocks", 3_000);
            await(() -> h.counters().reconnects.get() == 1, 10_000, "reconnected");
            assertTrue(h.counters().watchdogTimeouts.get() + h.counters().livenessTimeouts.get() >= 1);
            h.awaitAllTradesAccepted(20_000);
            await(() -> h.counters().backfills.get() == 1, 10_000, "backfilled");
            h.assertNothingLostNothingDoubled();
        }
    }

    @Test
    void shouldTakeAnyFrameAsLifeButDropAConnectionThatFallsSilent() throws Exception
    {
        try (FeedHarness h = FeedHarness.start(dir, market(6_000), Map.of("feed.dataWatchdogMs", "0")))
        {
            h.simulator.faults().ignorePings(true);
            await(() -> h.counters().tradesAccepted.get() > 200, 10_000, "trading");
            // pongs never come, but data does: that data counts as life is FeedSessionTest's to show, on its clock
            h.simulator.faults().stall("stocks", 3_000); // now nothing at all comes in
            await(() -> h.counters().livenessTimeouts.get() == 1, 10_000, "liveness timeout");
            await(() -> h.counters().reconnects.get() == 1, 10_000, "reconnected");
            h.awaitAllTradesAccepted(20_000);
            await(() -> h.counters().backfills.get() == 1, 10_000, "backfilled");
            h.assertNothingLostNothingDoubled();
        }
    }

    @Test
    void shouldDropExactDuplicatesDeliveredTwice() throws Exception
    {
        try (FeedHarness h = FeedHarness.start(dir, market(3_000), Map.of()))
        {
            await(() -> h.counters().tradesAccepted.get() > 100, 10_000, "trading");
            h.simulator.faults().duplicateFrames(20);
            h.awaitAllTradesAccepted(20_000);
            assertTrue(h.counters().duplicateTrades.get() > 0, "duplicates counted");
            h.assertNothingLostNothingDoubled();
        }
    }

    @Test
    void shouldKeepDistinctTradesThatRepeatASequenceNumber() throws Exception
    {
        try (FeedHarness h = FeedHarness.start(dir, market(3_000), Map.of()))
        {
            await(() -> h.counters().tradesAccepted.get() > 100, 10_000, "trading");
            h.simulator.faults().duplicateSequences(30);
            h.awaitAllTradesAccepted(20_000);
            assertTrue(h.counters().duplicateSequences.get() >= 5, "repeated q counted, trades kept");
            assertEquals(0, h.counters().duplicateTrades.get());
            h.assertNothingLostNothingDoubled();
        }
    }

    @Test
    void shouldNeverLetAnOlderQuoteOverwriteANewerOne() throws Exception
    {
        try (FeedHarness h = FeedHarness.start(dir, market(3_000), Map.of()))
        {
            await(() -> h.counters().tradesAccepted.get() > 100, 10_000, "trading");
            h.simulator.faults().reorderFrames(100);
            h.awaitAllTradesAccepted(20_000);
            assertTrue(h.counters().staleQuotes.get() > 0, "out-of-order quotes rejected and counted");
            h.assertNothingLostNothingDoubled();
        }
    }

    @Test
    void shouldAcceptAndFlagALateDarkPoolPrint() throws Exception
    {
        try (FeedHarness h = FeedHarness.start(dir, market(3_000), Map.of()))
        {
            await(() -> h.counters().tradesAccepted.get() > 100, 10_000, "trading");
            h.simulator.faults().latePrint("SPY", 600_000);
            await(() -> h.counters().lateTradesFlagged.get() >= 1, 10_000, "late print flagged");
            h.awaitAllTradesAccepted(20_000);
            final JournalContents output = h.journal(Journal.OUTPUT);
            final long tenMinutes = 590_000_000_000L;
            assertTrue(output.trades.stream().anyMatch((t) -> t.trfId() == 201 &&
                output.trades.get(output.trades.size() - 1).eventTime() - t.eventTime() > tenMinutes));
        }
    }

    @Test
    void shouldCoolDownAfterAMaxConnectionsEviction() throws Exception
    {
        try (FeedHarness h = FeedHarness.start(dir, market(0), Map.of()))
        {
            await(() -> h.counters().tradesAccepted.get() > 100, 10_000, "trading");
            h.simulator.faults().evict("stocks");
            await(() -> h.counters().evictions.get() == 1, 10_000, "evicted");
            await(() -> h.counters().disconnects.get() == 1, 10_000, "dropped");
            assertEquals(60_000, h.counters().nextReconnectDelayMs.get(), "the reconnect waits the full cool-down");
            final JournalContents input = h.journal(Journal.INPUT);
            assertTrue(input.feedStatuses.stream().anyMatch((e) -> e.statusCode == StatusCode.MAX_CONNECTIONS.value()));
        }
    }

    @Test
    void shouldStopWhenTheKeyIsRefusedOnAReconnect() throws Exception
    {
        try (FeedHarness h = FeedHarness.start(dir, market(0), Map.of()))
        {
            await(() -> h.counters().tradesAccepted.get() > 100, 10_000, "trading");
            h.simulator.faults().failAuth(1);
            h.simulator.faults().dropConnections("stocks", false);
            final String reason = h.process.fatal().get(10, TimeUnit.SECONDS);
            assertTrue(reason.contains("refused authentication for cluster stocks"), reason);
            // that auth_failed is terminal (no retry loop) is FeedSessionTest's to show, without sleeping
        }
    }

    @Test
    void shouldPollRestWhileTheStreamIsDownThenSwitchBackAndBackfill() throws Exception
    {
        try (FeedHarness h = FeedHarness.start(dir, market(6_000), Map.of()))
        {
            await(() -> h.counters().tradesAccepted.get() > 200, 10_000, "trading");
            h.simulator.faults().refuseConnections(2_500);
            h.simulator.faults().dropConnections("stocks", false);
            await(() -> h.counters().polledEvents.get() > 0, 10_000, "polled");
            await(() -> h.counters().reconnects.get() == 1, 10_000, "the stream is back");
            h.awaitAllTradesAccepted(20_000);
            await(() -> h.counters().backfills.get() == 1, 10_000, "backfilled");
            final List<Integer> sources = h.journal(Journal.INPUT).tradeSources;
            final int firstBackfill = sources.indexOf((int)Source.BACKFILL.value());
            assertTrue(firstBackfill > 0 && !sources.subList(firstBackfill, sources.size()).contains((int)Source.POLL.value()),
                "polling stopped once the stream was back: no polled trade after the backfill");
            h.assertNothingLostNothingDoubled();
            final JournalContents input = JournalContents.read(h.dataDir.resolve("journals").resolve(Journal.INPUT));
            assertTrue(count(input, FeedState.POLLING) >= 1, "polling announced on the status channel");
            assertTrue(input.sources.contains((int)Source.POLL.value()), "polled events carry source = poll");
            assertTrue(input.sources.contains((int)Source.BACKFILL.value()), "backfilled events carry source = backfill");
        }
    }

    @Test
    void shouldSkipABackfillOverBudgetAndSaySo() throws Exception
    {
        try (FeedHarness h = FeedHarness.start(dir, market(0), Map.of("feed.backfillBudgetSymbolSeconds", "1")))
        {
            await(() -> h.counters().tradesAccepted.get() > 100, 10_000, "trading");
            h.simulator.faults().dropConnections("stocks", false);
            await(() -> h.counters().backfillsSkipped.get() == 1, 10_000, "backfill skipped");
            await(() -> h.counters().gapBars.get() > 0, 10_000, "gap bars");
            final JournalContents input = h.journal(Journal.INPUT);
            assertTrue(input.feedStatuses.stream().anyMatch((e) -> e.textAsString().contains("exceeds " +
                "feed.backfillBudgetSymbolSeconds=1")));
        }
    }

    @Test
    void shouldReportSubscriptionsThatAreNeverAcknowledged() throws Exception
    {
        // Massive does not answer a subscription it already holds: T listed twice is one ack short per ticker
        try (FeedHarness h = FeedHarness.start(dir, market(0), Map.of("feed.stocks.channels", "T,Q,T")))
        {
            await(() -> h.counters().subscriptionAckShortfall.get() == 2, 10_000, "shortfall reported");
            assertEquals(4, h.counters().subscriptionAcks.get());
        }
    }

    @Test
    void shouldJournalEveryFrameRawWithItsReceiveTime() throws Exception
    {
        try (FeedHarness h = FeedHarness.start(dir, market(500), Map.of()))
        {
            h.awaitAllTradesAccepted(20_000);
            final EngineCounters counters = h.counters();
            final long frames = counters.framesReceived.get();
            final JournalContents raw = h.journal(Journal.RAW);
            assertEquals(frames, raw.rawFrames.size());
            assertTrue(raw.rawFrames.get(0).startsWith("[{\"ev\":\"status\",\"status\":\"connected\""), raw.rawFrames.get(0));
        }
    }
}

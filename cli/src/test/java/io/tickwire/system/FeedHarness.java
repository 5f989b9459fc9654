package io.tickwire.system;

import io.tickwire.node.NodeContext;
import io.tickwire.node.TickwireNode;
import io.tickwire.config.TickwireConfig;
import io.tickwire.model.EngineCounters;
import io.tickwire.model.journal.Journal;
import io.tickwire.simulator.GroundTruth;
import io.tickwire.simulator.MassiveSimulator;
import io.tickwire.simulator.SimulatorSettings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.Set;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A simulator and an engine on loopback with fast timings, for the fault tests: stocks only, SPY and QQQ
 * trades and quotes, reconnect back-off of tens of milliseconds, a 1.5 s liveness timeout and watchdog.
 */
final class FeedHarness implements AutoCloseable
{
    static final List<String> TICKERS = List.of("SPY", "QQQ");
    static final String KEY = "k";
    /**
     * The threading layout the system tests run in: shared by default; {@code -Dtickwire.test.threading=dedicated}
     * (the cli module's second surefire run) gives every stage its own thread. They wait with the sleeping strategy,
     * not busy-spin nor blocking: the Disruptor's blocking strategy still spins on the stage before, and spinning
     * threads starve a 2-core machine (docs/benchmarks.md, "Issue 16").
     */
    static final Map<String, String> LAYOUT = "dedicated".equals(System.getProperty("tickwire.test.threading")) ?
        Map.of("engine.threading", "dedicated", "engine.waitStrategy", "sleeping") : Map.of();

    final MassiveSimulator simulator;
    final TickwireNode process;
    final Path dataDir;
    private boolean closed;

    private FeedHarness(final Path dir, final SimulatorSettings simulatorSettings, final Map<String, String> overrides,
        final UnaryOperator<NodeContext> context)
    {
        simulator = MassiveSimulator.start(simulatorSettings.apiKey(KEY));
        dataDir = dir.resolve("data");
        final Map<String, String> settings = simulator.nodeSettings(dataDir, String.join(",", TICKERS), "T,Q");
        settings.put("feed.reconnectBaseMs", "50");
        settings.put("feed.reconnectMaxMs", "300");
        settings.put("feed.ackTimeoutMs", "1000");
        settings.put("feed.pingIntervalMs", "200");
        settings.put("feed.livenessTimeoutMs", "1500");
        settings.put("feed.dataWatchdogMs", "1500");
        settings.put("feed.pollAfterMs", "300");
        settings.put("feed.pollIntervalMs", "200");
        settings.put("feed.backfillMarginMs", "1000");
        settings.put("engine.timerIntervalMs", "50");
        settings.putAll(LAYOUT);
        settings.putAll(overrides);
        process = TickwireNode.launch(context.apply(
            new NodeContext().config(TickwireConfig.load(null, settings, Map.of())).apiKey(KEY)));
    }

    /** A node's settings against a simulator on loopback: one cluster (stocks), any free gateway port. */
    static Map<String, String> nodeSettings(final MassiveSimulator simulator, final Path dataDir, final String symbols,
        final String channels)
    {
        return simulator.nodeSettings(dataDir, symbols, channels);
    }

    static FeedHarness start(final Path dir, final SimulatorSettings simulator, final Map<String, String> overrides)
    {
        return new FeedHarness(dir, simulator, overrides, UnaryOperator.identity());
    }

    /** With the node's context adjusted before launch (a free-space probe, say). */
    static FeedHarness start(final Path dir, final SimulatorSettings simulator, final Map<String, String> overrides,
        final UnaryOperator<NodeContext> context)
    {
        return new FeedHarness(dir, simulator, overrides, context);
    }

    EngineCounters counters()
    {
        return process.counters();
    }

    /** Trades the market generated for the subscribed tickers. */
    List<GroundTruth.Trade> generatedTrades()
    {
        final List<GroundTruth.Trade> out = new ArrayList<>();
        TICKERS.forEach((t) -> out.addAll(simulator.history().trades(t)));
        return out;
    }

    List<GroundTruth.Quote> generatedQuotes()
    {
        final List<GroundTruth.Quote> out = new ArrayList<>();
        TICKERS.forEach((t) -> out.addAll(simulator.history().quotes(t)));
        return out;
    }

    /** Waits for the finite stream to end and every generated trade to be accepted. */
    void awaitAllTradesAccepted(final long millis) throws InterruptedException
    {
        await(() -> simulator.eventsGenerated() > 0 && finished(), millis, "the simulator finished its stream");
        final int expected = generatedTrades().size();
        await(() -> counters().tradesAccepted.get() >= expected, millis,
            "all " + expected + " generated trades accepted (have " + counters().tradesAccepted.get() + ")");
    }

    private boolean finished()
    {
        try
        {
            return simulator.awaitFinished(0, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void await(final BooleanSupplier condition, final long millis, final String what) throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean())
        {
            if (System.currentTimeMillis() > deadline)
            {
                throw new AssertionError("timed out waiting: " + what);
            }
            Thread.sleep(20);
        }
    }

    /** Stops the engine (draining the ring) and the simulator; the journals stay for reading. */
    @Override
    public void close()
    {
        if (!closed)
        {
            closed = true;
            process.close();
            simulator.close();
        }
    }

    JournalContents journal(final String name)
    {
        close();
        return JournalContents.read(dataDir.resolve("journals").resolve(name));
    }

    /**
     * The output journal holds every generated trade exactly once, whichever way it came (stream, poll or
     * backfill); the input journal holds every generated quote at least once.
     */
    void assertNothingLostNothingDoubled()
    {
        final List<GroundTruth.Trade> generated = generatedTrades();
        final List<GroundTruth.Quote> quotes = generatedQuotes();
        final JournalContents output = journal(Journal.OUTPUT);
        final Set<String> out = new HashSet<>();
        for (final JournalContents.Trade t : output.trades)
        {
            assertTrue(out.add(identity(t.ticker(), t.exchange(), t.trfId(), t.id())), "doubled: " + t);
        }
        final Set<String> expected = new HashSet<>();
        for (final GroundTruth.Trade t : generated)
        {
            expected.add(identity(t.ticker(), t.exchange(), t.trfId(), t.tradeId()));
        }
        assertEquals(expected, out, "every generated trade, once");
        final JournalContents input = JournalContents.read(dataDir.resolve("journals").resolve(Journal.INPUT));
        final Set<String> journaledQuotes = new HashSet<>();
        input.quotes.forEach((q) -> journaledQuotes.add(q.ticker() + "@" + q.eventTime() + "/" + q.bid() + "/" + q.ask()));
        for (final GroundTruth.Quote q : quotes)
        {
            assertTrue(journaledQuotes.contains(q.ticker() + "@" + q.timeMillis() * 1_000_000L + "/" + q.bidPrice() +
                "/" + q.askPrice()), "quote journaled: " + q);
        }
    }

    private static String identity(final String ticker, final int exchange, final int trfId, final String id)
    {
        return ticker + "/" + exchange + "/" + trfId + "/" + id;
    }
}

package io.tickwire.bench;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.tickwire.codecs.sbe.FeedState;
import io.tickwire.config.TickwireConfig;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import io.tickwire.model.journal.EventCodec;
import io.tickwire.model.journal.Journal;
import io.tickwire.model.journal.JournalReader;
import io.tickwire.node.ProcessDefaults;
import io.tickwire.replay.JournalComparator;
import io.tickwire.replay.JournalReplayer;
import io.tickwire.simulator.GroundTruth;
import io.tickwire.simulator.MassiveSimulator;
import io.tickwire.simulator.SimulatorSettings;
import net.openhft.chronicle.queue.ChronicleQueue;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Crash recovery under load, measured: the engine runs as its own process ({@code bin/tickwire run}) against the
 * simulator in this one, is killed with SIGKILL several times while the market runs, restarted each time, and
 * finally stopped cleanly once the market has ended. Then the output journal is checked against the
 * simulator's ground truth — every trade exactly once, or missing inside a gap the engine declared and could
 * not backfill — and a whole-journal replay is compared with it byte for byte; its bars are compared with those of
 * one uninterrupted run over the same events ({@link RestartBars}); and a desk on each run's gateway must not have
 * received history as live ({@link ChaosDesk}). Exit 1 when anything is lost outside a declared gap, doubled,
 * replays differently, a bar differs, or a desk got history as live.
 *
 * <pre>bin/bench chaos [--kills 5] [--rate 20000] [--run-seconds 8]</pre>
 */
public final class ChaosHarness
{
    private static final String KEY = "chaos";
    private static final List<String> TICKERS = List.of("SPY", "QQQ", "IWM");
    /** Allowance for each restart (JVM start, journals, connect), so the market outlives the final one's start. */
    private static final int RESTART_SECONDS = 5;

    private ChaosHarness()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        ProcessDefaults.apply();
        final HarnessOptions options = new HarnessOptions(args, Set.of("--kills", "--rate", "--run-seconds"));
        System.exit(run(options.integer("--kills", 5), options.integer("--rate", 20_000),
            options.integer("--run-seconds", 8), System.out) ? 0 : 1);
    }

    static boolean run(final int kills, final int rate, final int runSeconds, final PrintStream out) throws Exception
    {
        final Path dir = Files.createTempDirectory("tickwire-chaos");
        final Path data = dir.resolve("data");
        // the market must still run well into the final run: its first live data starts the last gap's backfill
        final long events = (long)rate * (runSeconds * (kills + 2) + RESTART_SECONDS * kills);
        final List<Long> downtimes = new ArrayList<>(); // connected, killed, connected, ... (ms)
        final List<ChaosDesk> desks = new ArrayList<>();
        final EventLoopGroup deskLoop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (MassiveSimulator simulator = MassiveSimulator.start(new SimulatorSettings().rate(rate).apiKey(KEY)
            .maxEvents(events).historyPerTicker((int)Math.min(Integer.MAX_VALUE, events))))
        {
            out.printf("chaos: %d kills (SIGKILL) at %,d events/s, %d s between them, %,d events in all%n", kills, rate,
                runSeconds, events);
            for (int k = 0; k < kills; k++)
            {
                final int port = freePort();
                final Process engine = start(simulator, data, port, dir.resolve("engine-" + k + ".log"));
                awaitConnected(simulator);
                downtimes.add(System.currentTimeMillis()); // the end of the previous downtime
                desks.add(ChaosDesk.connect(deskLoop, port, TICKERS));
                TimeUnit.SECONDS.sleep(runSeconds); // a harness, not a test: the market runs meanwhile
                downtimes.add(System.currentTimeMillis()); // killed now
                engine.destroyForcibly().waitFor();
                out.printf("  kill %d: engine killed after %d s connected%n", k + 1, runSeconds);
            }
            final int port = freePort();
            final Process engine = start(simulator, data, port, dir.resolve("engine-final.log"));
            awaitConnected(simulator);
            downtimes.add(System.currentTimeMillis());
            desks.add(ChaosDesk.connect(deskLoop, port, TICKERS));
            while (simulator.eventsGenerated() < events)
            {
                TimeUnit.MILLISECONDS.sleep(200);
            }
            long trades = -1;
            long stableSince = System.nanoTime();
            while (System.nanoTime() - stableSince < TimeUnit.SECONDS.toNanos(5)) // until backfills are done
            {
                final long now = outputTrades(data).size();
                if (now != trades)
                {
                    trades = now;
                    stableSince = System.nanoTime();
                }
                TimeUnit.MILLISECONDS.sleep(500);
            }
            engine.destroy(); // SIGTERM: a clean stop
            engine.waitFor(60, TimeUnit.SECONDS);
            return verdict(simulator, data, dir, downtimes, out) & desksVerdict(desks, out) &
                barsVerdict(data.resolve("journals"), dir, downtimes, out);
        }
        finally
        {
            desks.forEach(ChaosDesk::close);
            deskLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    /** No desk received as live a trade the engine had received before the desk connected. */
    private static boolean desksVerdict(final List<ChaosDesk> desks, final PrintStream out)
    {
        long live = 0;
        long snapshots = 0;
        long history = 0;
        for (final ChaosDesk desk : desks)
        {
            live += desk.live();
            snapshots += desk.snapshots();
            history += desk.historyAsLive();
        }
        out.printf("  desks (one per engine run, on every trade): %,d live trades, %,d snapshots, %,d older than " +
            "their connection sent as live%n", live, snapshots, history);
        return history == 0 && live > 0;
    }

    /** The bars written across the restarts equal those of one uninterrupted run over the same events. */
    private static boolean barsVerdict(final Path journals, final Path dir, final List<Long> marks,
        final PrintStream out)
    {
        final List<Long> restarts = new ArrayList<>();
        for (int i = 2; i < marks.size(); i += 2)
        {
            restarts.add(marks.get(i));
        }
        final RestartBars.Result bars = RestartBars.compare(journals, dir, restarts);
        out.printf("  bars vs one uninterrupted run over the same events: %,d bar records, %,d differ; %,d of them " +
            "1 s or 1 m bars within a minute of a restart%s%n", bars.bars(), bars.differing(), bars.nearRestarts(),
            bars.firstDifference() == null ? "" : "; first: " + bars.firstDifference());
        return bars.differing() == 0 && bars.nearRestarts() > 0;
    }

    private static int freePort() throws java.io.IOException
    {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
    }

    private static Process start(final MassiveSimulator simulator, final Path data, final int gatewayPort,
        final Path log) throws Exception
    {
        final Path home = Path.of(System.getProperty("tickwire.home", ".")).toAbsolutePath();
        final ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/tickwire").toString(), "run",
            "--set", "feed.url=" + simulator.url(), "--set", "feed.restUrl=" + simulator.restUrl(),
            "--set", "feed.apiKeyEnv=TICKWIRE_CHAOS_KEY", "--set", "feed.clusters=stocks",
            "--set", "feed.stocks.symbols=" + String.join(",", TICKERS), "--set", "feed.stocks.channels=T,Q",
            "--set", "engine.dataDir=" + data, "--set", "gateway.port=" + gatewayPort, "--set", "gateway.open=true");
        pb.environment().put("TICKWIRE_CHAOS_KEY", KEY);
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return pb.start();
    }

    private static void awaitConnected(final MassiveSimulator simulator) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (simulator.sessionCount() == 0)
        {
            if (System.nanoTime() > deadline)
            {
                throw new IllegalStateException("the engine did not connect within 60 s (see the engine log)");
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private static boolean verdict(final MassiveSimulator simulator, final Path data, final Path dir,
        final List<Long> marks, final PrintStream out) throws Exception
    {
        final Path journals = data.resolve("journals");
        final Map<String, Integer> seen = new HashMap<>();
        for (final String key : outputTrades(data))
        {
            seen.merge(key, 1, Integer::sum);
        }
        final List<long[]> declared = declaredGaps(journals.resolve(Journal.OUTPUT));
        long generated = 0;
        long missing = 0;
        long missingInDeclaredGaps = 0;
        long missingWhenDown = 0;
        for (final String ticker : TICKERS)
        {
            for (final GroundTruth.Trade t : simulator.history().trades(ticker))
            {
                generated++;
                if (!seen.containsKey(ticker + "/" + t.tradeId()))
                {
                    final long time = t.timeMillis() * 1_000_000L;
                    if (declared.stream().anyMatch((g) -> time >= g[0] && time <= g[1]))
                    {
                        missingInDeclaredGaps++;
                    }
                    else
                    {
                        missing++;
                        missingWhenDown += isDown(marks, t.timeMillis()) ? 1 : 0;
                    }
                }
            }
        }
        final long doubled = seen.values().stream().filter((n) -> n > 1).count();
        final JournalComparator.Result replay = replay(journals, dir.resolve("replayed"));
        out.printf("  trades generated %,d; in the output once %,d; doubled %,d; missing %,d outside declared gaps, " +
            "%,d inside over-budget gaps%n", generated, seen.size() - doubled, doubled, missing, missingInDeclaredGaps);
        out.printf("  of the missing, %,d were generated while the engine was down (between a kill and the next " +
            "connection), %,d while it was connected%n", missingWhenDown, missing - missingWhenDown);
        out.printf("  whole-journal replay vs output: %s%n", replay.equal() ? "equal (" + replay.recordsCompared() +
            " records)" : "DIFFERS: " + replay.difference());
        return missing == 0 && doubled == 0 && replay.equal();
    }

    /** Whether a time falls between a kill and the next connection (marks: connected, killed, connected, ...). */
    private static boolean isDown(final List<Long> marks, final long millis)
    {
        for (int i = 1; i + 1 < marks.size(); i += 2)
        {
            if (millis >= marks.get(i) && millis < marks.get(i + 1))
            {
                return true;
            }
        }
        return false;
    }

    private static JournalComparator.Result replay(final Path journals, final Path replayed) throws Exception
    {
        new JournalReplayer(TickwireConfig.defaults()).replay(journals.resolve(Journal.INPUT), replayed);
        return JournalComparator.compare(journals.resolve(Journal.OUTPUT), replayed);
    }

    /** "TICKER/tradeId" of every trade the output journal holds (read from this process while the engine runs). */
    private static List<String> outputTrades(final Path data)
    {
        final List<String> keys = new ArrayList<>();
        final Path output = data.resolve("journals").resolve(Journal.OUTPUT);
        if (!new File(output.toFile(), "metadata.cq4t").exists())
        {
            return keys;
        }
        final Map<Integer, String> tickers = new HashMap<>();
        final EventCodec codec = new EventCodec();
        final MarketEvent e = new MarketEvent();
        try (ChronicleQueue queue = Journal.openForRead(output))
        {
            new JournalReader(queue).toStart().drain((buffer, length, index) ->
            {
                if (!codec.decode(buffer, 0, e))
                {
                    return;
                }
                if (e.type == EventType.SYMBOL)
                {
                    tickers.put(e.symbolId, e.textAsString());
                }
                else if (e.type == EventType.TRADE)
                {
                    keys.add(tickers.get(e.symbolId) + "/" + e.textAsString());
                }
            });
        }
        return keys;
    }

    /** The event-time windows of gaps the engine declared it could not backfill (over budget). */
    private static List<long[]> declaredGaps(final Path output)
    {
        final List<long[]> gaps = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        final EventCodec codec = new EventCodec();
        final MarketEvent e = new MarketEvent();
        try (ChronicleQueue queue = Journal.openForRead(output))
        {
            new JournalReader(queue).toStart().drain((buffer, length, index) ->
            {
                if (codec.decode(buffer, 0, e) && e.type == EventType.FEED_STATUS &&
                    e.feedState == FeedState.DEGRADED.value() && e.gapStart > 0 &&
                    e.textAsString().contains("skipped") && seen.add(e.gapStart + "/" + e.gapEnd))
                {
                    gaps.add(new long[]{e.gapStart, e.gapEnd});
                }
            });
        }
        return gaps;
    }
}

package io.tickwire.system;

import io.tickwire.codecs.sbe.Cluster;
import io.tickwire.codecs.sbe.FeedState;
import io.tickwire.codecs.sbe.Source;
import io.tickwire.config.Keys;
import io.tickwire.config.TickwireConfig;
import io.tickwire.massive.RawCaptureWriter;
import io.tickwire.model.EngineCounters;
import net.openhft.chronicle.queue.ChronicleQueue;
import io.tickwire.model.event.MarketEvent;
import io.tickwire.model.journal.EventCodec;
import io.tickwire.model.journal.Journal;
import io.tickwire.model.journal.JournalAppender;
import io.tickwire.model.journal.JournalReader;
import io.tickwire.replay.JournalComparator;
import io.tickwire.replay.JournalReplayer;
import io.tickwire.node.NodeContext;
import io.tickwire.node.TickwireNode;
import io.tickwire.simulator.MassiveSimulator;
import io.tickwire.simulator.SimulatorSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.tickwire.system.FeedHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A restarted node declares its downtime as a gap from the last event it journaled — down at start-up,
 * recovered with the window once live — and backfills it over REST, so the trades the market made while it was
 * stopped reach the journal marked as backfill.
 */
class RestartGapTest
{
    @TempDir
    Path dir;

    @Test
    void shouldDeclareTheDowntimeAsAGapAndBackfillIt() throws Exception
    {
        try (MassiveSimulator simulator = MassiveSimulator.start(new SimulatorSettings().rate(1_000).apiKey("k")
            .startAfterSubscribers(1)))
        {
            final Map<String, String> s = FeedHarness.nodeSettings(simulator, dir.resolve("data"), "SPY,QQQ", "T,Q");
            s.put("feed.backfillMarginMs", "500");
            s.put("engine.timerIntervalMs", "50");
            final TickwireConfig config = TickwireConfig.load(null, s, Map.of());
            try (TickwireNode first = TickwireNode.launch(new NodeContext().config(config).apiKey("k")))
            {
                await(() -> first.counters().tradesAccepted.get() > 200, 20_000, "trading");
            }
            final long generatedWhileStopped = simulator.eventsGenerated();
            try (TickwireNode second = TickwireNode.launch(new NodeContext().config(config).apiKey("k")))
            {
                await(() -> simulator.eventsGenerated() > generatedWhileStopped + 500, 20_000, "the market went on");
                await(() -> second.counters().backfills.get() >= 1 && second.counters().backfillEvents.get() > 0,
                    20_000, "the downtime backfilled");
            }
            final JournalContents output = JournalContents.read(dir.resolve("data/journals").resolve(Journal.OUTPUT));
            final List<MarketEvent> stocks = output.feedStatuses.stream()
                .filter((e) -> e.cluster == Cluster.STOCKS.value()).toList();
            final MarketEvent down = stocks.stream().filter((e) -> e.feedState == FeedState.DOWN.value() &&
                e.textAsString().startsWith("restarted")).findFirst().orElseThrow();
            final MarketEvent recovered = stocks.stream().filter((e) -> e.feedState == FeedState.RECOVERED.value())
                .findFirst().orElseThrow();
            assertEquals(down.gapStart, recovered.gapStart, "one gap, from the last journaled event");
            assertTrue(recovered.gapEnd > recovered.gapStart);
            assertTrue(output.tradeSources.contains((int)Source.BACKFILL.value()), "backfilled trades journaled");
        }
    }

    /**
     * A crash after frames were captured raw but before their events reached the input journal (played here by
     * appending captured frames after a run and leaving the run marker behind, as kill -9 does): the next start
     * journals exactly those events, marked recovered, once.
     */
    @Test
    void shouldJournalWhatTheRawCaptureHeldButTheInputJournalDidNotAfterACrash() throws Exception
    {
        try (MassiveSimulator simulator = MassiveSimulator.start(new SimulatorSettings().rate(500).apiKey("k")))
        {
            final TickwireConfig config = runUntilTrading(simulator);
            final Path journals = dir.resolve("data/journals");
            final long after = System.currentTimeMillis();
            try (ChronicleQueue raw = Journal.open(journals.resolve(Journal.RAW), Keys.RollCycleName.LARGE_DAILY,
                LocalTime.of(6, 0)))
            {
                final RawCaptureWriter writer = new RawCaptureWriter(raw, new EngineCounters());
                for (int i = 0; i < 3; i++)
                {
                    final byte[] frame = ("[{\"ev\":\"T\",\"sym\":\"SPY\",\"x\":4,\"i\":\"lost-" + i +
                        "\",\"p\":600.5,\"s\":10,\"t\":" + (after + i) + ",\"q\":" + (900_000 + i) + "}]")
                        .getBytes(StandardCharsets.UTF_8);
                    writer.write(Cluster.STOCKS, (after + 1_000 + i) * 1_000_000L, frame, frame.length);
                }
            }
            Files.writeString(dir.resolve("data").resolve("RUNNING"), "pid 1 since then\n"); // left by kill -9
            try (TickwireNode second = TickwireNode.launch(new NodeContext().config(config).apiKey("k")))
            {
                assertFalse(second.previousStopWasClean());
                await(() -> JournalContents.read(journals.resolve(Journal.INPUT)).trades.stream()
                    .filter((t) -> t.id().startsWith("lost-")).count() == 3, 20_000, "the lost frames journaled");
            }
            final JournalContents input = JournalContents.read(journals.resolve(Journal.INPUT));
            final List<Integer> sources = new ArrayList<>();
            for (int i = 0; i < input.trades.size(); i++)
            {
                if (input.trades.get(i).id().startsWith("lost-"))
                {
                    sources.add(input.tradeSources.get(i));
                }
            }
            assertEquals(List.of(3, 3, 3), sources, "each once, marked recovered (source 3)");
        }
    }

    /**
     * A crash between an event's input journal stage and its output journal stage (played by appending an input
     * record after a clean run and leaving the run marker behind): the next start replays the last run and
     * appends the missing output, so the output journal again equals a whole-journal replay.
     */
    @Test
    void shouldRegenerateTheOutputsTheLastRunNeverWrote() throws Exception
    {
        try (MassiveSimulator simulator = MassiveSimulator.start(new SimulatorSettings().rate(500).apiKey("k")))
        {
            final TickwireConfig config = runUntilTrading(simulator);
            final Path journals = dir.resolve("data/journals");
            try (ChronicleQueue input = Journal.open(journals.resolve(Journal.INPUT), Keys.RollCycleName.LARGE_DAILY,
                LocalTime.of(6, 0)))
            {
                final MarketEvent last = lastTrade(input);
                last.text("never-output");
                last.tradeIdKey = 424_242L;
                final JournalAppender appender = new JournalAppender(input);
                appender.appendScratch(new EventCodec().encodeInput(last, appender.scratch(), 0));
            }
            Files.writeString(dir.resolve("data").resolve("RUNNING"), "pid 1 since then\n"); // left by kill -9
            try (TickwireNode second = TickwireNode.launch(new NodeContext().config(config).apiKey("k")))
            {
                assertFalse(second.previousStopWasClean());
            }
            assertTrue(JournalContents.read(journals.resolve(Journal.OUTPUT)).trades.stream()
                .anyMatch((t) -> t.id().equals("never-output")), "the missing output appended at start");
            new JournalReplayer(config).replay(journals.resolve(Journal.INPUT), dir.resolve("replayed"));
            final JournalComparator.Result cmp = JournalComparator.compare(journals.resolve(Journal.OUTPUT),
                dir.resolve("replayed"));
            assertTrue(cmp.equal(), "the output equals a whole-journal replay: " + cmp.difference());
        }
    }

    private static MarketEvent lastTrade(final ChronicleQueue input)
    {
        final EventCodec codec = new EventCodec();
        final MarketEvent e = new MarketEvent();
        final MarketEvent last = new MarketEvent();
        new JournalReader(input).toStart().drain((buffer, length, index) ->
        {
            if (codec.decode(buffer, 0, e) && e.type == io.tickwire.model.event.EventType.TRADE)
            {
                last.copyInputFrom(e);
            }
        });
        return last;
    }

    /** A first run on SPY trades that stops cleanly once it has accepted some: @return its configuration. */
    private TickwireConfig runUntilTrading(final MassiveSimulator simulator) throws InterruptedException
    {
        final TickwireConfig config = TickwireConfig.load(null,
            FeedHarness.nodeSettings(simulator, dir.resolve("data"), "SPY", "T"), Map.of());
        try (TickwireNode first = TickwireNode.launch(new NodeContext().config(config).apiKey("k")))
        {
            await(() -> first.counters().tradesAccepted.get() > 50, 20_000, "trading");
        }
        return config;
    }
}

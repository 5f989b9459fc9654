package io.tickwire.engine.ring;

import io.tickwire.config.Keys;
import io.tickwire.config.TickwireConfig;
import io.tickwire.model.EngineCounters;
import io.tickwire.model.FixedPoint;
import io.tickwire.model.errors.DistinctErrors;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import io.tickwire.model.event.StagedBatch;
import io.tickwire.model.journal.EventCodec;
import io.tickwire.model.journal.Journal;
import io.tickwire.model.journal.JournalReader;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A stage that throws on one crafted event does not stop the pipeline, in either threading layout. */
class StageErrorPolicyTest
{
    private static final long T0 = 1_764_000_000_000_000_000L;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Keys.Threading.class, names = {"SHARED", "DEDICATED"})
    void shouldCountAndRecordAFailingEventWithItsStageAndInputIndexAndGoOn(final Keys.Threading threading)
    {
        final EngineCounters counters = new EngineCounters();
        final DistinctErrors errors = new DistinctErrors();
        final CompletableFuture<String> fatal = new CompletableFuture<>();
        final ThreadingLayout layout = ThreadingLayout.resolve(threading, Keys.WaitStrategyName.BLOCKING, 2);
        final List<Long> inputIndexes = new ArrayList<>();
        final List<Long> outputTrades = new ArrayList<>();
        try (ChronicleQueue input = Journal.open(dir.resolve("input"), Keys.RollCycleName.LARGE_DAILY, LocalTime.of(6, 0));
            ChronicleQueue output = Journal.open(dir.resolve("output"), Keys.RollCycleName.LARGE_DAILY, LocalTime.of(6, 0)))
        {
            final Pipeline pipeline = Pipeline.live(Pipeline.Settings.from(TickwireConfig.defaults(), layout), input,
                output, counters, new StageErrorPolicy(counters, errors, fatal::complete));
            try
            {
                final StagedBatch batch = new StagedBatch();
                symbol(batch.add(EventType.SYMBOL));
                trade(batch.add(EventType.TRADE), 0, 1, 100);
                trade(batch.add(EventType.TRADE), -1, 2, 101); // crafted: no such symbol; the sequencer throws
                trade(batch.add(EventType.TRADE), 0, 3, 102);
                trade(batch.add(EventType.TRADE), 0, 4, 103);
                assertTrue(new RingPublisher(pipeline.ring(), null, counters).tryPublish(batch), "five fit the ring");
            }
            finally
            {
                pipeline.close();
            }
            final MarketEvent read = new MarketEvent();
            final EventCodec codec = new EventCodec();
            new JournalReader(input).toStart().drain((buffer, length, index) -> inputIndexes.add(index));
            new JournalReader(output).toStart().drain((buffer, length, index) ->
            {
                if (codec.decode(buffer, 0, read) && read.type == EventType.TRADE)
                {
                    outputTrades.add(read.sequence);
                }
            });
        }

        assertFalse(fatal.isDone(), "an exception on one event is not fatal");
        assertEquals(1, counters.stageErrors.get());
        final List<DistinctErrors.Entry> entries = errors.entries();
        assertEquals(1, entries.size(), entries.toString());
        final DistinctErrors.Entry entry = entries.get(0);
        assertEquals("stage sequencer", entry.where());
        assertTrue(entry.stackTrace().contains("ArrayIndexOutOfBoundsException"), entry.stackTrace());
        assertEquals(5, inputIndexes.size(), "every input journaled, the failing one included");
        assertEquals(inputIndexes.get(2), entry.firstPosition(), "the failing event's input journal index");
        assertEquals(List.of(1L, 3L, 4L), outputTrades, "the events after it went through every stage");
    }

    private static void symbol(final MarketEvent e)
    {
        e.eventTime = T0;
        e.receiveTime = T0;
        e.symbolId = 0;
        e.text("SPY");
    }

    private static void trade(final MarketEvent e, final int symbolId, final long sequence, final long dollars)
    {
        e.symbolId = symbolId;
        e.eventTime = T0 + sequence * 1_000_000L;
        e.receiveTime = e.eventTime;
        e.sequence = sequence;
        e.tradeIdKey = sequence;
        e.exchange = 4;
        e.price = dollars * FixedPoint.SCALE;
        e.size = 100 * FixedPoint.SCALE;
    }
}

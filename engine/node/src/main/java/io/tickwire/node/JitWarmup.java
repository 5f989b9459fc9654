package io.tickwire.node;

import io.tickwire.config.Keys;
import io.tickwire.engine.journal.OutputJournalHandler;
import io.tickwire.engine.ring.Pipeline;
import io.tickwire.engine.ring.ReplayChain;
import io.tickwire.engine.ring.StageErrorPolicy;
import io.tickwire.massive.MassiveFrameDecoder;
import io.tickwire.massive.SampleFrames;
import io.tickwire.model.EngineCounters;
import io.tickwire.model.errors.DistinctErrors;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import io.tickwire.model.event.StagedBatch;
import io.tickwire.model.journal.Journal;
import io.tickwire.model.symbols.SymbolTable;
import net.openhft.chronicle.queue.ChronicleQueue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Before a node connects to its feed, the hot path's code runs on throwaway instances — sample Massive frames
 * decoded, their events through fresh stages into a scratch output journal — until the JIT has compiled it. Started
 * cold into a market at 100 k events/s, a node otherwise interprets its first seconds while the frames queue up,
 * and the ring overflows (docs/benchmarks.md, "Started cold"). Its own decoder, symbols, stages, counters and
 * journal: nothing of it reaches the node's state, journals or counters.
 */
final class JitWarmup
{
    /**
     * What the warm-up did, for the start's log: a stage error on the sample frames is a stage bug that live frames
     * would meet too, so it is said, with the first one's stage and trace.
     */
    record Result(long events, long outputRecords, long stageErrors, String firstError, long millis)
    {
    }

    private static final int FRAME_EVENTS = 32;
    /** A fixed instant: the warm-up's records depend on nothing but its count. */
    private static final long FIRST_MILLIS = 1_763_730_000_000L;
    private static final long TIMER_EVERY_MILLIS = 100;

    private JitWarmup()
    {
    }

    /** @param settings the live stages' settings (their setup store left out) */
    static Result run(final Pipeline.Settings settings, final int events)
    {
        final long start = System.nanoTime();
        final EngineCounters counters = new EngineCounters();
        final SymbolTable symbols = new SymbolTable((id, ticker) -> { });
        final MassiveFrameDecoder decoder = new MassiveFrameDecoder(symbols, (code, status, message) -> { });
        final StagedBatch batch = new StagedBatch();
        final MarketEvent timer = new MarketEvent();
        final DistinctErrors errors = new DistinctErrors();
        final Path scratch = scratchDirectory();
        try (ChronicleQueue output = Journal.open(scratch, Keys.RollCycleName.LARGE_DAILY, LocalTime.MIDNIGHT);
            ReplayChain stages = ReplayChain.start(settings.withoutSetupStore(), new OutputJournalHandler(output, counters),
                counters,
                new StageErrorPolicy(counters, errors, (reason) -> { }))) // an Error still ends the start: rethrown
        {
            long millis = FIRST_MILLIS;
            long nextTimer = FIRST_MILLIS + TIMER_EVERY_MILLIS;
            for (long done = 0; done < events; done += FRAME_EVENTS)
            {
                final byte[] frame = SampleFrames.frame(FRAME_EVENTS, millis);
                decoder.decode(frame, frame.length, millis * 1_000_000L, batch);
                for (int i = 0; i < batch.size(); i++)
                {
                    final MarketEvent e = batch.get(i);
                    if (e.type == EventType.SYMBOL)
                    {
                        symbols.markAnnounced(e.symbolId);
                    }
                    stages.accept(e);
                }
                millis += FRAME_EVENTS;
                if (millis >= nextTimer) // bars close on the engine's clock, as live
                {
                    timer.reset(EventType.TIMER);
                    timer.eventTime = millis * 1_000_000L;
                    timer.receiveTime = timer.eventTime;
                    stages.accept(timer);
                    nextTimer += TIMER_EVERY_MILLIS;
                }
            }
        }
        finally
        {
            delete(scratch);
        }
        final String firstError = errors.entries().isEmpty() ? null :
            errors.entries().get(0).where() + ": " + errors.entries().get(0).stackTrace();
        return new Result(events, counters.outputJournalRecords.get(), counters.stageErrors.get(), firstError,
            (System.nanoTime() - start) / 1_000_000);
    }

    private static Path scratchDirectory()
    {
        try
        {
            return Files.createTempDirectory("tickwire-warmup");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static void delete(final Path dir)
    {
        try (Stream<Path> paths = Files.walk(dir))
        {
            paths.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}

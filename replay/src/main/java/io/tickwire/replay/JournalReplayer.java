package io.tickwire.replay;

import io.tickwire.config.Keys;
import io.tickwire.config.TickwireConfig;
import io.tickwire.model.EngineCounters;
import io.tickwire.model.journal.Journal;
import io.tickwire.engine.ring.InputReplay;
import io.tickwire.engine.ring.Pipeline;
import io.tickwire.engine.ring.RingPublisher;
import io.tickwire.engine.ring.StageErrorPolicy;
import io.tickwire.model.errors.DistinctErrors;
import io.tickwire.engine.ring.ThreadingLayout;
import net.openhft.chronicle.queue.ChronicleQueue;

import com.lmax.disruptor.RingBuffer;
import io.tickwire.model.event.MarketEvent;

import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.CompletableFuture;

/**
 * Replays an input journal through the very same pipeline as live (sequencer, microbars, output journal),
 * into a new output journal. Given the same configuration, the result equals the live output journal
 * record for record, byte for byte ({@link JournalComparator}).
 */
public final class JournalReplayer
{
    /** What a replay did. */
    public record Result(long inputRecords, long outputRecords, long nanos)
    {
        public double eventsPerSecond()
        {
            return inputRecords * 1e9 / Math.max(1, nanos);
        }
    }

    private final TickwireConfig config;
    private final DistinctErrors errors = new DistinctErrors();

    public JournalReplayer(final TickwireConfig config)
    {
        this.config = config;
    }

    /** The errors stages recorded during replays by this replayer (the same, event for event, as live). */
    public DistinctErrors errors()
    {
        return errors;
    }

    public Result replay(final Path inputJournal, final Path outputJournal)
    {
        return replay(inputJournal, outputJournal, ReplaySlice.ALL, () -> { });
    }

    /**
     * Replays a slice ({@link ReplaySlice}) into {@code outputJournal}, every record the stages write going there
     * (the warm-up's too: a gateway serving the journal sees them as the state before the slice).
     * {@code atSliceStart} runs once every warm-up record is in the output journal, before the first slice event.
     */
    public Result replay(final Path inputJournal, final Path outputJournal, final ReplaySlice slice,
        final Runnable atSliceStart)
    {
        final EngineCounters counters = new EngineCounters();
        final CompletableFuture<String> fatal = new CompletableFuture<>();
        final ThreadingLayout layout = ThreadingLayout.resolve(config.get(Keys.ENGINE_THREADING),
            config.get(Keys.ENGINE_WAIT_STRATEGY), Runtime.getRuntime().availableProcessors());
        final long start = System.nanoTime();
        long records = 0;
        try (ChronicleQueue input = Journal.openForRead(inputJournal);
            ChronicleQueue output = Journal.open(outputJournal, config.get(Keys.JOURNAL_ROLL_CYCLE),
                config.get(Keys.JOURNAL_ROLL_TIME)))
        {
            // the same error policy as live: an event a stage fails on is counted and recorded, and replay goes on
            final Pipeline pipeline = Pipeline.replay(Pipeline.Settings.from(config, layout), output, counters,
                new StageErrorPolicy(counters, errors, fatal::complete));
            try
            {
                final RingBuffer<MarketEvent> ring = pipeline.ring();
                records = InputReplay.publish(input, new RingPublisher(ring, null, counters), slice.gate(() ->
                {
                    while (ring.getMinimumGatingSequence() < ring.getCursor()) // the warm-up fully processed
                    {
                        LockSupport.parkNanos(100_000);
                    }
                    atSliceStart.run();
                }));
            }
            finally
            {
                pipeline.close();
            }
        }
        if (fatal.isDone())
        {
            throw new IllegalStateException("replay stopped: " + fatal.join());
        }
        return new Result(records, counters.outputJournalRecords.get(), System.nanoTime() - start);
    }
}

package io.tickwire.replay;

import io.tickwire.config.Keys;
import io.tickwire.config.TickwireConfig;
import io.tickwire.model.EngineCounters;
import io.tickwire.model.journal.Journal;
import io.tickwire.model.journal.JournalPrefaulter;
import io.tickwire.engine.journal.OutputJournalHandler;
import io.tickwire.engine.ring.InputReplay;
import io.tickwire.engine.ring.ReplayChain;
import io.tickwire.engine.ring.Pipeline;
import io.tickwire.engine.ring.StageErrorPolicy;
import io.tickwire.model.errors.DistinctErrors;
import io.tickwire.engine.ring.ThreadingLayout;
import net.openhft.chronicle.queue.ChronicleQueue;


import java.nio.file.Path;
import java.util.List;
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
    private ProgressListener progress = ProgressListener.NONE;

    public JournalReplayer(final TickwireConfig config)
    {
        this.config = config;
    }

    /** Who hears how far a replay has come (input records read of the journal's total). */
    public JournalReplayer progress(final ProgressListener listener)
    {
        this.progress = listener;
        return this;
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
        final long start = System.nanoTime();
        final long records;
        try (ChronicleQueue input = Journal.openForRead(inputJournal);
            ChronicleQueue output = Journal.open(outputJournal, config.get(Keys.JOURNAL_ROLL_CYCLE),
                config.get(Keys.JOURNAL_ROLL_TIME));
            // the stages' thread never waits on a fresh page's fault: a second core takes them, as live
            JournalPrefaulter prefault = config.get(Keys.JOURNAL_PREFAULT) ?
                new JournalPrefaulter(List.of(outputJournal)) : null;
            // the same error policy as live: an event a stage fails on is counted and recorded, and replay goes on
            ReplayChain stages = ReplayChain.start(Pipeline.Settings.from(config, ThreadingLayout.of(config)),
                new OutputJournalHandler(output, counters), counters,
                new StageErrorPolicy(counters, errors, fatal::complete)))
        {
            // the stages run on this thread: at the slice's first event the warm-up is in the output journal
            final InputReplay.Gate gate = slice.gate(atSliceStart);
            final long total = Journal.documents(input);
            final long[] read = new long[1];
            records = InputReplay.replay(input, stages, (event) ->
            {
                if (++read[0] % ProgressListener.EVERY == 0)
                {
                    progress.progress(read[0], total);
                }
                return gate.admit(event);
            });
        }
        if (fatal.isDone())
        {
            throw new IllegalStateException("replay stopped: " + fatal.join());
        }
        return new Result(records, counters.outputJournalRecords.get(), System.nanoTime() - start);
    }
}

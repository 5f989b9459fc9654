package io.tickwire.engine.ring;

import io.tickwire.engine.journal.OutputJournalHandler;
import io.tickwire.model.EngineCounters;
import io.tickwire.model.event.MarketEvent;
import io.tickwire.model.latency.LatencyHistograms;

/**
 * The replay core: the live stages, in the shared layout's order and under the same error policy, called on the
 * thread that reads the input journal — no ring between the reader and the stages. In replay the source is a
 * file, so a ring buys no decoupling, only a copy of every event into a slot, a wake-up and the slot's cache line
 * moving between cores; driving the stages from the reader removes all three (docs/benchmarks.md, "Replay").
 * The stages see the same events in the same order as the live ring's last stage does, so the output is the same,
 * byte for byte. Thread-bound: built, fed and closed on one thread.
 */
public final class ReplayChain implements AutoCloseable
{
    private final GuardedStage[] chain;
    private long sequence;

    private ReplayChain(final Stages stages, final OutputJournalHandler outputStage, final StageErrorPolicy policy)
    {
        final LatencyHistograms none = LatencyHistograms.none();
        chain = new GuardedStage[] {
            new GuardedStage(StageName.SEQUENCER, stages.sequencer, policy, false, none),
            new GuardedStage(StageName.MICROBARS, stages.microbars, policy, false, none),
            new GuardedStage(StageName.METRICS, stages.metrics, policy, false, none),
            new GuardedStage(StageName.SETUPS, stages.setups, policy, false, none),
            new GuardedStage(StageName.OUTPUT_JOURNAL, outputStage, policy, true, none)};
    }

    /** The stages carried in {@code stages}, their records going to {@code outputStage}; started on this thread. */
    public static ReplayChain start(final Stages stages, final OutputJournalHandler outputStage,
        final StageErrorPolicy policy)
    {
        final ReplayChain replay = new ReplayChain(stages, outputStage, policy);
        for (final GuardedStage stage : replay.chain)
        {
            stage.onStart();
        }
        return replay;
    }

    /** Fresh stages, as at the start of a journal, into a new output journal. */
    public static ReplayChain start(final Pipeline.Settings settings, final OutputJournalHandler outputStage,
        final EngineCounters counters, final StageErrorPolicy policy)
    {
        return start(Stages.from(settings, counters), outputStage, policy);
    }

    /**
     * Runs one event through every stage. An exception a stage throws is counted and recorded as live; an Error
     * is reported to the fatal path and rethrown, ending the replay.
     */
    public void accept(final MarketEvent event)
    {
        final long s = sequence++;
        for (final GuardedStage stage : chain)
        {
            stage.onEvent(event, s, true);
        }
    }

    @Override
    public void close()
    {
        for (final GuardedStage stage : chain)
        {
            stage.onShutdown();
        }
    }
}

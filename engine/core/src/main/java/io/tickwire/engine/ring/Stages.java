package io.tickwire.engine.ring;

import io.tickwire.engine.bars.MicrobarHandler;
import io.tickwire.engine.metrics.MetricsHandler;
import io.tickwire.engine.sequencer.SequencerHandler;
import io.tickwire.engine.setups.SetupEvaluator;
import io.tickwire.model.EngineCounters;

/**
 * The stateful stages — sequencer, microbars, metrics, setups — made once per node and carried from one ring to
 * the next: the node rebuilds their state by replaying its input journal through them, then hands the same
 * instances to the live ring, so the output after a restart equals that of a node that never stopped. An
 * EngineStart record does not reset them; replay of a whole journal runs them through it the same way.
 */
public final class Stages
{
    final SequencerHandler sequencer;
    final MicrobarHandler microbars;
    final MetricsHandler metrics;
    final SetupEvaluator setups;

    private Stages(final Pipeline.Settings settings, final EngineCounters counters)
    {
        sequencer = new SequencerHandler(settings.dedupeWindow, settings.bars.closeDelayMillis(), counters);
        microbars = new MicrobarHandler(settings.bars, counters);
        metrics = new MetricsHandler(settings.metrics, counters);
        setups = new SetupEvaluator(settings.setups, settings.setupStore, counters);
    }

    /** Fresh stages, as at the start of a journal. */
    public static Stages from(final Pipeline.Settings settings, final EngineCounters counters)
    {
        return new Stages(settings, counters);
    }

    /** The setup evaluator: which setups it holds, once a rebuild has run and before the live ring starts. */
    public SetupEvaluator setups()
    {
        return setups;
    }
}

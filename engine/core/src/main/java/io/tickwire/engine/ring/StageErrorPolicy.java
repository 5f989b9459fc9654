package io.tickwire.engine.ring;

import io.tickwire.model.EngineCounters;
import io.tickwire.model.errors.DistinctErrors;
import io.tickwire.model.event.MarketEvent;

import java.util.function.Consumer;

/**
 * What happens when a stage fails. An exception while handling one event is that event's problem: it is
 * counted ({@code stage_errors}), recorded once per kind in the distinct-error log with the stage and the
 * event's input index, and the stage goes on with the next event — the same in live and in replay, so
 * replay stays byte for byte. An {@link Error} (out of memory, a mapped-file fault, a stack overflow) means
 * the process can no longer be trusted: it is recorded and handed to the node's one fatal path.
 */
public final class StageErrorPolicy
{
    private final EngineCounters counters;
    private final DistinctErrors errors;
    private final Consumer<String> fatal;

    /** @param fatal the node's fatal path: stops the node, cleanly and loudly. */
    public StageErrorPolicy(final EngineCounters counters, final DistinctErrors errors, final Consumer<String> fatal)
    {
        this.counters = counters;
        this.errors = errors;
        this.fatal = fatal;
    }

    void onEventException(final String stage, final MarketEvent event, final Throwable ex)
    {
        counters.stageErrors.increment(); // stages on several threads share this counter
        errors.record("stage " + stage, event.inputIndex, ex);
    }

    /** The last failure handed to the fatal path, so the ring's handler does not report a guard's twice. */
    private volatile Throwable lastFatal;

    boolean reported(final Throwable error)
    {
        return error == lastFatal;
    }

    void onFatal(final String stage, final long inputIndex, final Throwable error)
    {
        lastFatal = error;
        errors.record("stage " + stage + " (fatal)", inputIndex, error);
        fatal.accept("stage " + stage + " failed fatally at input index " + inputIndex + ": " + error);
    }
}

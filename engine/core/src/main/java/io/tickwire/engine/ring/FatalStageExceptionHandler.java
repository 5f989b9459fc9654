package io.tickwire.engine.ring;

import com.lmax.disruptor.ExceptionHandler;
import io.tickwire.model.event.MarketEvent;

/**
 * The ring's explicit exception handler, for whatever escapes a {@link GuardedStage} and for failures in a
 * processor's start or shutdown: each goes to the node's fatal path. An error a guard let through was reported
 * with its stage's name and is not reported twice; one thrown outside any stage (in the processor's wait, say)
 * is reported here. After an event
 * failure the processor's thread ends (rethrown), since the stage can no longer be trusted.
 */
final class FatalStageExceptionHandler implements ExceptionHandler<MarketEvent>
{
    private final StageErrorPolicy policy;

    FatalStageExceptionHandler(final StageErrorPolicy policy)
    {
        this.policy = policy;
    }

    @Override
    public void handleEventException(final Throwable ex, final long sequence, final MarketEvent event)
    {
        if (!policy.reported(ex)) // an Error a guard reported; anything thrown outside a stage (its wait) is new
        {
            policy.onFatal("ring", event == null ? -1 : event.inputIndex, ex);
        }
        throw ex instanceof RuntimeException rt ? rt : new IllegalStateException("stage failed fatally", ex);
    }

    @Override
    public void handleOnStartException(final Throwable ex)
    {
        policy.onFatal("ring start", -1, ex);
    }

    @Override
    public void handleOnShutdownException(final Throwable ex)
    {
        policy.onFatal("ring shutdown", -1, ex);
    }
}

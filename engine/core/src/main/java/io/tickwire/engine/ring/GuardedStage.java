package io.tickwire.engine.ring;

import com.lmax.disruptor.EventHandler;
import io.tickwire.model.event.MarketEvent;

/**
 * A stage under the error policy: an exception on one event is handed to {@link StageErrorPolicy} and the
 * stage goes on, so neither its thread nor the stages after it (the journals among them) lose the event.
 * Errors go to the fatal path and are rethrown, which ends this stage's thread. Costs nothing until a throw.
 */
final class GuardedStage implements EventHandler<MarketEvent>
{
    private final String name;
    private final EventHandler<MarketEvent> stage;
    private final StageErrorPolicy policy;

    GuardedStage(final String name, final EventHandler<MarketEvent> stage, final StageErrorPolicy policy)
    {
        this.name = name;
        this.stage = stage;
        this.policy = policy;
    }

    @Override
    public void onEvent(final MarketEvent event, final long sequence, final boolean endOfBatch)
    {
        try
        {
            stage.onEvent(event, sequence, endOfBatch);
        }
        catch (final Exception ex)
        {
            policy.onEventException(name, event, ex);
        }
        catch (final Error error)
        {
            policy.onFatal(name, event.inputIndex, error);
            throw error;
        }
    }

    @Override
    public void onStart()
    {
        stage.onStart();
    }

    @Override
    public void onShutdown()
    {
        stage.onShutdown();
    }

    @Override
    public String toString()
    {
        return name;
    }
}

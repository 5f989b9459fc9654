package io.tickwire.engine.ring;

import com.lmax.disruptor.EventHandler;
import io.tickwire.model.event.MarketEvent;

/**
 * Runs several stages one after another on one thread: the shared layout. Same handlers, same order as the
 * dedicated layout's chain, so both produce the same output.
 */
final class CompositeHandler implements EventHandler<MarketEvent>
{
    private final EventHandler<MarketEvent>[] stages;

    @SafeVarargs
    CompositeHandler(final EventHandler<MarketEvent>... stages)
    {
        this.stages = stages;
    }

    @Override
    public void onEvent(final MarketEvent event, final long sequence, final boolean endOfBatch) throws Exception
    {
        for (final EventHandler<MarketEvent> stage : stages)
        {
            stage.onEvent(event, sequence, endOfBatch);
        }
    }

    @Override
    public void onStart()
    {
        for (final EventHandler<MarketEvent> stage : stages)
        {
            stage.onStart();
        }
    }

    @Override
    public void onShutdown()
    {
        for (final EventHandler<MarketEvent> stage : stages)
        {
            stage.onShutdown();
        }
    }
}

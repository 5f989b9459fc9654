package io.tickwire.engine.ring;

import com.lmax.disruptor.EventHandler;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;

import java.util.function.Supplier;

/**
 * A stateful stage that starts afresh at every journaled {@link EventType#ENGINE_START}, exactly as a new
 * process would: so replaying a journal that spans restarts reproduces what each live process did. The
 * new instance is made by the same factory as the first (allocation only at a restart). The stages it wraps
 * (sequencer, bars, metrics, setups) have no start or shutdown hooks, so it passes none on.
 */
final class RestartableStage implements EventHandler<MarketEvent>
{
    private final Supplier<EventHandler<MarketEvent>> factory;
    private EventHandler<MarketEvent> stage;
    /** No event has reached the current instance: an engine start need not replace it. */
    private boolean fresh = true;

    RestartableStage(final Supplier<EventHandler<MarketEvent>> factory)
    {
        this.factory = factory;
        this.stage = factory.get();
    }

    @Override
    public void onEvent(final MarketEvent event, final long sequence, final boolean endOfBatch) throws Exception
    {
        if (event.type == EventType.ENGINE_START && !fresh)
        {
            stage = factory.get();
        }
        fresh = false;
        stage.onEvent(event, sequence, endOfBatch);
    }
}

package io.tickwire.engine.ring;

import com.lmax.disruptor.EventHandler;
import io.tickwire.model.event.MarketEvent;
import io.tickwire.model.latency.LatencyHistogram;
import io.tickwire.model.latency.LatencyHistograms;

/**
 * A stage under the error policy. An exception on one event is kept in the event's slot and the stage goes
 * on, so neither its thread nor the stages after it (the journals among them) lose the event; the chain's
 * last stage hands every failure kept in the slot to {@link StageErrorPolicy} once the input journal stage
 * has given the event its index. Errors go to the fatal path at once and are rethrown, which ends this
 * stage's thread. Costs nothing until a throw, bar the last stage's look at the slot's failures.
 */
final class GuardedStage implements EventHandler<MarketEvent>
{
    private final StageName name;
    private final EventHandler<MarketEvent> stage;
    private final StageErrorPolicy policy;
    private final boolean last;
    /** The stage's service time, one event in {@link LatencyHistograms#STAGE_SAMPLE}; inert outside a live node. */
    private final LatencyHistogram serviceTime;

    /** @param last whether every other stage precedes this one: it records the chain's failures. */
    GuardedStage(final StageName name, final EventHandler<MarketEvent> stage, final StageErrorPolicy policy,
        final boolean last, final LatencyHistograms latencies)
    {
        this.name = name;
        this.stage = stage;
        this.policy = policy;
        this.last = last;
        this.serviceTime = latencies.stage(name.toString());
    }

    @Override
    public void onEvent(final MarketEvent event, final long sequence, final boolean endOfBatch)
    {
        // timing is observed beside the stage, never given to it
        final boolean timed = serviceTime.live() && (sequence & (LatencyHistograms.STAGE_SAMPLE - 1)) == 0;
        final long start = timed ? System.nanoTime() : 0;
        try
        {
            stage.onEvent(event, sequence, endOfBatch);
        }
        catch (final Exception ex)
        {
            event.stageFailures[name.ordinal()] = ex;
        }
        catch (final Error error)
        {
            policy.onFatal(name.toString(), event.inputIndex, error);
            throw error;
        }
        if (timed)
        {
            serviceTime.record(System.nanoTime() - start);
        }
        if (last)
        {
            recordFailures(event);
        }
    }

    private void recordFailures(final MarketEvent event)
    {
        final Throwable[] failures = event.stageFailures;
        for (int i = 0; i < failures.length; i++)
        {
            if (failures[i] != null)
            {
                policy.onEventException(StageName.of(i).toString(), event, failures[i]);
                failures[i] = null;
            }
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
        return name.toString();
    }
}

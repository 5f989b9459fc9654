package io.tickwire.engine.ring;

import io.tickwire.codecs.sbe.Cluster;
import io.tickwire.codecs.sbe.FeedState;
import io.tickwire.codecs.sbe.StatusCode;
import io.tickwire.model.EngineCounters;
import io.tickwire.model.event.EventPublisher;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import io.tickwire.model.event.StagedBatch;
import io.tickwire.model.setups.SetupRequest;
import io.tickwire.model.symbols.SymbolDefinitions;
import io.tickwire.model.symbols.SymbolTable;
import org.agrona.concurrent.EpochNanoClock;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The inputs that come from the node rather than the feed — the engine start, the journaled timer tick and
 * setup commands — stamped and published on the ring's producer thread, so they take their place in the one
 * input order like any tick. Commands that meet a full ring are retried shortly, never dropped.
 */
public final class ControlInputs implements AutoCloseable
{
    private final ScheduledExecutorService producerThread;
    private final EventPublisher publisher;
    private final SymbolTable symbols;
    private final EngineCounters counters;
    private final EpochNanoClock clock;
    private final StagedBatch timerBatch = new StagedBatch();
    private ScheduledFuture<?> timer;
    private volatile boolean closing;

    public ControlInputs(final ScheduledExecutorService producerThread, final EventPublisher publisher,
        final SymbolTable symbols, final EngineCounters counters, final EpochNanoClock clock)
    {
        this.producerThread = producerThread;
        this.publisher = publisher;
        this.symbols = symbols;
        this.counters = counters;
        this.clock = clock;
    }

    /** The first input of every run: the stages reset here, live and in replay. */
    public void announceStart()
    {
        producerThread.execute(() ->
        {
            final StagedBatch batch = new StagedBatch();
            stamp(batch.add(EventType.ENGINE_START));
            publishOrRetry(batch);
        });
    }

    /** The clock that closes idle bars and expires setups, as a journaled input every {@code intervalMillis}. */
    public void startTimer(final long intervalMillis)
    {
        timer = producerThread.scheduleAtFixedRate(this::publishTimerTick, intervalMillis, intervalMillis,
            TimeUnit.MILLISECONDS);
    }

    /** Restored setups first (they re-emit no transition), then those of the setups file. */
    public void submitSetups(final List<MarketEvent> restores, final List<SetupRequest> requests)
    {
        producerThread.execute(() ->
        {
            for (final MarketEvent restore : restores)
            {
                final StagedBatch batch = new StagedBatch();
                SymbolDefinitions.stageIfNew(symbols, batch, restore.symbolId, clock.nanoTime());
                final MarketEvent e = batch.add(EventType.SETUP_COMMAND);
                e.copyInputFrom(restore);
                stamp(e);
                publishOrRetry(batch);
            }
            requests.forEach(this::stageSetup);
        });
    }

    /**
     * A condition of the node itself (disk low, back to normal, failing) as a status record of the pseudo-cluster
     * NODE, from any thread: journaled like every input, so desks see it on the {@code status} channel.
     */
    public void submitNodeStatus(final FeedState state, final String message)
    {
        producerThread.execute(() ->
        {
            final StagedBatch batch = new StagedBatch();
            final MarketEvent e = batch.add(EventType.FEED_STATUS);
            stamp(e);
            e.cluster = Cluster.NODE.value();
            e.feedState = state.value();
            e.statusCode = StatusCode.NONE.value();
            e.text(message);
            publishOrRetry(batch);
        });
    }

    /** Adds, amends or cancels a setup, from any thread. */
    public void submitSetup(final SetupRequest request)
    {
        producerThread.execute(() -> stageSetup(request));
    }

    @Override
    public void close()
    {
        closing = true;
        if (timer != null)
        {
            timer.cancel(false);
        }
    }

    private void publishTimerTick()
    {
        timerBatch.clear();
        stamp(timerBatch.add(EventType.TIMER));
        publisher.publish(timerBatch, EventPublisher.NO_CLUSTER);
        counters.timerTicks.incrementRelease();
    }

    private void stageSetup(final SetupRequest request)
    {
        final long now = clock.nanoTime();
        final StagedBatch batch = new StagedBatch();
        int symbolId = 0;
        if (request.ticker() != null)
        {
            symbolId = symbols.intern(request.ticker());
            SymbolDefinitions.stageIfNew(symbols, batch, symbolId, now);
        }
        request.fill(batch.add(EventType.SETUP_COMMAND), symbolId, now);
        publishOrRetry(batch);
    }

    private void stamp(final MarketEvent e)
    {
        e.eventTime = clock.nanoTime();
        e.receiveTime = e.eventTime;
    }

    private void publishOrRetry(final StagedBatch batch)
    {
        if (!closing && !publisher.tryPublish(batch))
        {
            producerThread.schedule(() -> publishOrRetry(batch), 1, TimeUnit.MILLISECONDS);
        }
    }
}

package io.tickwire.engine.ring;

import io.tickwire.codecs.sbe.Cluster;
import io.tickwire.codecs.sbe.FeedState;
import io.tickwire.codecs.sbe.StatusCode;
import io.tickwire.model.event.RingProducer;
import io.tickwire.model.event.EventPublisher;
import io.tickwire.engine.metrics.BaselineFile;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import io.tickwire.model.event.StagedBatch;
import io.tickwire.model.setups.SetupRequest;
import io.tickwire.model.symbols.SymbolDefinitions;

import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The inputs that come from the node rather than the feed — the engine start, the journaled timer tick and
 * setup commands — stamped and published on the ring's producer thread, so they take their place in the one
 * input order like any tick. Commands that meet a full ring are retried shortly, never dropped.
 */
public final class ControlInputs implements AutoCloseable
{
    private final RingProducer producer;
    private final StagedBatch timerBatch = new StagedBatch();
    private ScheduledFuture<?> timer;
    private volatile boolean closing;

    public ControlInputs(final RingProducer producer)
    {
        this.producer = producer;
    }

    /** The first input of every run: the stages reset here, live and in replay. */
    public void announceStart()
    {
        producer.thread().execute(() ->
        {
            final StagedBatch batch = new StagedBatch();
            stamp(batch.add(EventType.ENGINE_START));
            publishOrRetry(batch);
        });
    }

    /** The clock that closes idle bars and expires setups, as a journaled input every {@code intervalMillis}. */
    public void startTimer(final long intervalMillis)
    {
        timer = producer.thread().scheduleAtFixedRate(this::publishTimerTick, intervalMillis, intervalMillis,
            TimeUnit.MILLISECONDS);
    }

    /**
     * A baselines file's tables, a MetricBaseline record each (and a symbol definition before a ticker's first),
     * journaled like every input so replay ranks metrics exactly as live did.
     */
    public void submitBaselines(final List<BaselineFile.Table> tables)
    {
        producer.thread().execute(() ->
        {
            for (final BaselineFile.Table t : tables)
            {
                final StagedBatch batch = new StagedBatch();
                final long now = producer.clock().nanoTime();
                final int symbolId = producer.symbols().intern(t.ticker());
                SymbolDefinitions.stageIfNew(producer.symbols(), batch, symbolId, now);
                final MarketEvent e = batch.add(EventType.BASELINE);
                stamp(e);
                e.symbolId = symbolId;
                e.baselineMetric = t.metric().value();
                e.timeframeMillis = t.timeframeMillis();
                e.bucket = t.bucket();
                e.days = t.days();
                e.samples = t.samples();
                e.pointCount = t.points().length;
                System.arraycopy(t.points(), 0, e.points, 0, e.pointCount);
                publishOrRetry(batch);
            }
        });
    }

    /** Restored setups first (they re-emit no transition), then those of the setups file. */
    public void submitSetups(final List<MarketEvent> restores, final List<SetupRequest> requests)
    {
        producer.thread().execute(() ->
        {
            for (final MarketEvent restore : restores)
            {
                final StagedBatch batch = new StagedBatch();
                SymbolDefinitions.stageIfNew(producer.symbols(), batch, restore.symbolId, producer.clock().nanoTime());
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
        producer.thread().execute(() ->
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
        producer.thread().execute(() -> stageSetup(request));
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
        producer.publisher().publish(timerBatch, EventPublisher.NO_CLUSTER);
        producer.counters().timerTicks.incrementRelease();
    }

    private void stageSetup(final SetupRequest request)
    {
        final long now = producer.clock().nanoTime();
        final StagedBatch batch = new StagedBatch();
        int symbolId = 0;
        if (request.ticker() != null)
        {
            symbolId = producer.symbols().intern(request.ticker());
            SymbolDefinitions.stageIfNew(producer.symbols(), batch, symbolId, now);
        }
        request.fill(batch.add(EventType.SETUP_COMMAND), symbolId, now);
        publishOrRetry(batch);
    }

    private void stamp(final MarketEvent e)
    {
        e.eventTime = producer.clock().nanoTime();
        e.receiveTime = e.eventTime;
    }

    private void publishOrRetry(final StagedBatch batch)
    {
        if (!closing && !producer.publisher().tryPublish(batch))
        {
            producer.thread().schedule(() -> publishOrRetry(batch), 1, TimeUnit.MILLISECONDS);
        }
    }
}

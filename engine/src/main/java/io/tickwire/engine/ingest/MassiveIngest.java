package io.tickwire.engine.ingest;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.tickwire.codecs.sbe.Cluster;
import io.tickwire.codecs.sbe.FeedState;
import io.tickwire.codecs.sbe.StatusCode;
import io.tickwire.config.Keys;
import io.tickwire.config.TickwireConfig;
import io.tickwire.engine.EngineCounters;
import io.tickwire.engine.event.EventType;
import io.tickwire.engine.event.MarketEvent;
import io.tickwire.engine.ring.RingPublisher;
import io.tickwire.engine.symbols.SymbolTable;
import org.agrona.concurrent.EpochNanoClock;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The ingest side: one event-loop thread that owns every connection, the journaled timer and the ring's
 * producer, so the ring has exactly one producer and inputs enter it in one well-defined order.
 */
public final class MassiveIngest implements AutoCloseable
{
    private final TickwireConfig config;
    private final String apiKey;
    private final RingPublisher publisher;
    private final SymbolTable symbols;
    private final DeadLetterWriter deadLetters;
    private final EngineCounters counters;
    private final EpochNanoClock clock;
    private final Consumer<String> onFatal;
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1,
        new DefaultThreadFactory("tickwire-ingest", true), NioIoHandler.newFactory());
    private final List<MassiveConnection> connections = new ArrayList<>();
    private final StagedBatch controlBatch = new StagedBatch();
    private volatile boolean closing;

    public MassiveIngest(
        final TickwireConfig config, final String apiKey, final RingPublisher publisher, final SymbolTable symbols,
        final DeadLetterWriter deadLetters, final EngineCounters counters, final EpochNanoClock clock,
        final Consumer<String> onFatal)
    {
        this.config = config;
        this.apiKey = apiKey;
        this.publisher = publisher;
        this.symbols = symbols;
        this.deadLetters = deadLetters;
        this.counters = counters;
        this.clock = clock;
        this.onFatal = onFatal;
    }

    /** Runs a task on the ingest thread: the only thread allowed to publish into the ring. */
    public void execute(final Runnable task)
    {
        group.next().execute(task);
    }

    public void start()
    {
        final long interval = config.get(Keys.ENGINE_TIMER_INTERVAL_MS);
        group.next().scheduleAtFixedRate(this::publishTimerTick, interval, interval, TimeUnit.MILLISECONDS);
        final String base = config.get(Keys.FEED_URL).replaceAll("/+$", "");
        for (final String name : config.get(Keys.FEED_CLUSTERS))
        {
            final Cluster cluster = Subscriptions.cluster(name);
            final MassiveConnection connection = new MassiveConnection(cluster, URI.create(base + "/" + name), apiKey,
                Subscriptions.items(config, cluster), config.get(Keys.FEED_MAX_FRAME_BYTES),
                config.get(Keys.FEED_CONNECT_TIMEOUT_MS), this);
            connections.add(connection);
            execute(() -> connection.connect(group));
        }
    }

    @Override
    public void close()
    {
        closing = true;
        execute(() -> connections.forEach(MassiveConnection::close));
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    boolean closing()
    {
        return closing;
    }

    void publishTimerTick()
    {
        controlBatch.clear();
        final MarketEvent e = controlBatch.add(EventType.TIMER);
        e.eventTime = clock.nanoTime();
        e.receiveTime = e.eventTime;
        publisher.publish(controlBatch);
        counters.timerTicks.incrementRelease();
    }

    void publishFeedStatus(final Cluster cluster, final FeedState state, final StatusCode code, final String message)
    {
        controlBatch.clear();
        final MarketEvent e = controlBatch.add(EventType.FEED_STATUS);
        e.eventTime = clock.nanoTime();
        e.receiveTime = e.eventTime;
        e.cluster = cluster.value();
        e.feedState = state.value();
        e.statusCode = code.value();
        e.text(message == null ? "" : message);
        publisher.publish(controlBatch);
    }

    void fatal(final String reason)
    {
        onFatal.accept(reason);
    }

    String apiKeyEnv()
    {
        return config.get(Keys.FEED_API_KEY_ENV);
    }

    EngineCounters counters()
    {
        return counters;
    }

    EpochNanoClock clock()
    {
        return clock;
    }

    SymbolTable symbols()
    {
        return symbols;
    }

    DeadLetterWriter deadLetters()
    {
        return deadLetters;
    }

    RingPublisher publisher()
    {
        return publisher;
    }
}

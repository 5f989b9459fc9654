package io.tickwire.engine.ingest;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.tickwire.codecs.sbe.Cluster;
import io.tickwire.codecs.sbe.FeedState;
import io.tickwire.codecs.sbe.Source;
import io.tickwire.codecs.sbe.StatusCode;
import io.tickwire.config.Keys;
import io.tickwire.config.TickwireConfig;
import io.tickwire.engine.EngineCounters;
import io.tickwire.engine.event.EventType;
import io.tickwire.engine.event.MarketEvent;
import io.tickwire.engine.ring.RingPublisher;
import io.tickwire.engine.setups.SetupRequest;
import io.tickwire.engine.symbols.SymbolTable;
import org.agrona.concurrent.EpochNanoClock;

import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The ingest side: one event-loop thread that owns every feed connection, the journaled timer and the
 * ring's producer, so the ring has exactly one producer and inputs enter it in one well-defined order.
 * REST work (polling, backfill) runs on its own thread and hands its events back to this one.
 */
public final class MassiveIngest implements AutoCloseable
{
    private static final int REST_CHUNK = 512;

    private final TickwireConfig config;
    private final String apiKey;
    private final RingPublisher publisher;
    private final SymbolTable symbols;
    private final DeadLetterWriter deadLetters;
    private final RawCaptureWriter rawCapture;
    private final EngineCounters counters;
    private final EpochNanoClock clock;
    private final Consumer<String> onFatal;
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1,
        new DefaultThreadFactory("tickwire-ingest", true), NioIoHandler.newFactory());
    private final ScheduledExecutorService restThread = Executors.newSingleThreadScheduledExecutor((r) ->
    {
        final Thread t = new Thread(r, "tickwire-rest");
        t.setDaemon(true);
        return t;
    });
    /** The HTTP client's own threads: never the REST thread, whose blocking calls wait on them. */
    private final ExecutorService httpThreads = Executors.newCachedThreadPool((r) ->
    {
        final Thread t = new Thread(r, "tickwire-http");
        t.setDaemon(true);
        return t;
    });
    private final Map<Cluster, MassiveConnection> connections = new EnumMap<>(Cluster.class);
    private final Map<Cluster, FeedRecovery> recoveries = new EnumMap<>(Cluster.class);
    private final StagedBatch controlBatch = new StagedBatch();
    private final StagedBatch restBatch = new StagedBatch();
    private volatile boolean closing;

    public MassiveIngest(
        final TickwireConfig config, final String apiKey, final RingPublisher publisher, final SymbolTable symbols,
        final DeadLetterWriter deadLetters, final RawCaptureWriter rawCapture, final EngineCounters counters,
        final EpochNanoClock clock, final Consumer<String> onFatal)
    {
        this.config = config;
        this.apiKey = apiKey;
        this.publisher = publisher;
        this.symbols = symbols;
        this.deadLetters = deadLetters;
        this.rawCapture = rawCapture;
        this.counters = counters;
        this.clock = clock;
        this.onFatal = onFatal;
        final MassiveRestClient rest = new MassiveRestClient(config.get(Keys.FEED_REST_URL), apiKey, httpThreads);
        final String base = config.get(Keys.FEED_URL).replaceAll("/+$", "");
        for (final String name : config.get(Keys.FEED_CLUSTERS))
        {
            final Cluster cluster = Subscriptions.cluster(name);
            final List<String> items = Subscriptions.items(config, cluster);
            recoveries.put(cluster, new FeedRecovery(cluster, items, rest, restThread, this,
                config.get(Keys.FEED_POLL_AFTER_MS), config.get(Keys.FEED_POLL_INTERVAL_MS),
                config.get(Keys.FEED_BACKFILL_BUDGET), config.get(Keys.FEED_BACKFILL_MARGIN_MS)));
            final ReconnectPolicy policy = new ReconnectPolicy(config.get(Keys.FEED_RECONNECT_BASE_MS),
                config.get(Keys.FEED_RECONNECT_MAX_MS), config.get(Keys.FEED_RECONNECT_RESET_AFTER_MS),
                config.get(Keys.FEED_EVICTION_COOLDOWN_MS), () -> ThreadLocalRandom.current().nextLong());
            connections.put(cluster, new MassiveConnection(cluster, URI.create(base + "/" + name), items, policy,
                config, this));
        }
        publisher.gapListener((cluster, start, end) -> recoveries.get(Cluster.get((short)cluster)).onRingFullGap(start, end));
    }

    /** Runs a task on the ingest thread: the only thread allowed to publish into the ring. */
    public void execute(final Runnable task)
    {
        group.next().execute(task);
    }

    void schedule(final Runnable task, final long delayMillis)
    {
        group.next().schedule(task, delayMillis, TimeUnit.MILLISECONDS);
    }

    public void start()
    {
        final long interval = config.get(Keys.ENGINE_TIMER_INTERVAL_MS);
        group.next().scheduleAtFixedRate(this::publishTimerTick, interval, interval, TimeUnit.MILLISECONDS);
        for (final MassiveConnection connection : connections.values())
        {
            execute(connection::connect);
        }
    }

    @Override
    public void close()
    {
        closing = true;
        restThread.shutdownNow();
        httpThreads.shutdownNow();
        execute(() -> connections.values().forEach(MassiveConnection::close));
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        try
        {
            restThread.awaitTermination(5, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
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
        publisher.publish(controlBatch, RingPublisher.NO_CLUSTER);
        counters.timerTicks.incrementRelease();
    }

    void publishFeedStatus(final Cluster cluster, final FeedState state, final StatusCode code, final String message)
    {
        publishFeedStatus(cluster, state, code, message, 0, 0);
    }

    void publishFeedStatus(final Cluster cluster, final FeedState state, final StatusCode code, final String message,
        final long gapStart, final long gapEnd)
    {
        controlBatch.clear();
        final MarketEvent e = controlBatch.add(EventType.FEED_STATUS);
        e.eventTime = clock.nanoTime();
        e.receiveTime = e.eventTime;
        e.cluster = cluster.value();
        e.feedState = state.value();
        e.statusCode = code.value();
        e.gapStart = gapStart;
        e.gapEnd = gapEnd;
        e.text(message == null ? "" : message);
        publisher.publish(controlBatch, RingPublisher.NO_CLUSTER);
    }

    /**
     * Publishes REST events (poll or backfill) from the ingest thread in chunks; a chunk that does not fit the
     * ring is retried shortly rather than dropped, since the REST thread can wait. Completes when all are in.
     */
    CompletableFuture<Void> publishRest(final List<RestEvent> events, final Source source, final Cluster cluster)
    {
        final CompletableFuture<Void> done = new CompletableFuture<>();
        execute(() -> publishRestFrom(events, 0, source, cluster, done));
        return done;
    }

    private void publishRestFrom(final List<RestEvent> events, final int from, final Source source,
        final Cluster cluster, final CompletableFuture<Void> done)
    {
        if (closing)
        {
            done.complete(null);
            return;
        }
        final int to = Math.min(events.size(), from + REST_CHUNK);
        final long receiveTime = clock.nanoTime();
        restBatch.clear();
        for (int i = from; i < to; i++)
        {
            stage(events.get(i), source, receiveTime, restBatch);
        }
        final boolean published = source == Source.BACKFILL ? publisher.tryPublishInBackground(restBatch) :
            publisher.tryPublish(restBatch);
        if (!published)
        {
            schedule(() -> publishRestFrom(events, from, source, cluster, done), 1);
            return;
        }
        if (to < events.size())
        {
            execute(() -> publishRestFrom(events, to, source, cluster, done));
        }
        else
        {
            done.complete(null);
        }
    }

    private void stage(final RestEvent r, final Source source, final long receiveTime, final StagedBatch batch)
    {
        if (r.ticker() == null || r.eventTime() == 0)
        {
            return;
        }
        final int symbolId = symbols.intern(r.ticker());
        SymbolDefinitions.stageIfNew(symbols, batch, symbolId, receiveTime);
        final MarketEvent e = batch.add(r.type());
        e.symbolId = symbolId;
        e.source = source.value();
        e.eventTime = r.eventTime();
        e.receiveTime = receiveTime;
        e.participantTime = r.participantTime();
        e.sequence = r.sequence();
        e.tape = r.tape();
        switch (r.type())
        {
            case EventType.TRADE:
                e.trfTime = r.trfTime();
                e.price = r.price();
                e.size = r.size();
                e.exchange = r.exchange();
                e.trfId = r.trfId();
                if (e.size % FixedPoint.SCALE != 0)
                {
                    e.flags |= MarketEvent.FLAG_FRACTIONAL_SIZE;
                }
                e.conditionCount = Math.min(r.conditions().size(), MarketEvent.MAX_CONDITIONS);
                for (int i = 0; i < e.conditionCount; i++)
                {
                    e.conditions[i] = (byte)(int)r.conditions().get(i);
                }
                if (r.tradeId() != null)
                {
                    e.text(r.tradeId());
                    final char[] id = r.tradeId().toCharArray();
                    e.tradeIdKey = TradeIdKey.of(id, 0, id.length);
                }
                else
                {
                    e.tradeIdKey = TradeIdKey.withoutId(e.sequence, e.eventTime, e.price, e.size);
                }
                break;
            case EventType.QUOTE:
                e.bidPrice = r.bidPrice();
                e.bidSize = r.bidSize();
                e.bidExchange = r.bidExchange();
                e.askPrice = r.askPrice();
                e.askSize = r.askSize();
                e.askExchange = r.askExchange();
                break;
            default:
                e.price = r.price();
        }
    }

    EventLoopGroup group()
    {
        return group;
    }

    /**
     * Setup commands enter the ring from this thread, like every input: restored setups first (no
     * transitions), then those of the setups file, then whatever desks send. A command that meets a full ring
     * is retried shortly, never dropped.
     */
    public void submitSetups(final List<MarketEvent> restores, final List<SetupRequest> requests)
    {
        execute(() ->
        {
            for (final MarketEvent restore : restores)
            {
                final long now = clock.nanoTime();
                final StagedBatch batch = new StagedBatch();
                SymbolDefinitions.stageIfNew(symbols, batch, restore.symbolId, now);
                final MarketEvent e = batch.add(EventType.SETUP_COMMAND);
                e.copyInputFrom(restore);
                e.eventTime = now;
                e.receiveTime = now;
                publishOrRetry(batch);
            }
            for (final SetupRequest request : requests)
            {
                stageSetup(request);
            }
        });
    }

    /** The first input of every run: the stages reset here, live and in replay. */
    public void announceStart()
    {
        execute(() ->
        {
            final StagedBatch batch = new StagedBatch();
            final MarketEvent e = batch.add(EventType.ENGINE_START);
            e.eventTime = clock.nanoTime();
            e.receiveTime = e.eventTime;
            publishOrRetry(batch);
        });
    }

    public void submitSetup(final SetupRequest request)
    {
        execute(() -> stageSetup(request));
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

    private void publishOrRetry(final StagedBatch batch)
    {
        if (!closing && !publisher.tryPublish(batch))
        {
            schedule(() -> publishOrRetry(batch), 1);
        }
    }

    void fatal(final String reason)
    {
        onFatal.accept(reason);
    }

    FeedRecovery recovery(final Cluster cluster)
    {
        return recoveries.get(cluster);
    }

    String apiKey()
    {
        return apiKey;
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

    RawCaptureWriter rawCapture()
    {
        return rawCapture;
    }

    RingPublisher publisher()
    {
        return publisher;
    }
}

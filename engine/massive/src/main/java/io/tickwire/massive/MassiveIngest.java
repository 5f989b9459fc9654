package io.tickwire.massive;

import io.netty.channel.EventLoopGroup;
import io.tickwire.codecs.sbe.Cluster;
import io.tickwire.model.EngineCounters;
import io.tickwire.model.event.RingProducer;
import io.tickwire.model.event.EventPublisher;
import io.tickwire.model.journal.JournaledTrades;
import io.tickwire.model.symbols.SymbolTable;
import org.agrona.concurrent.EpochNanoClock;

import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The Massive adapter, assembled: one connection and one REST recovery per configured cluster, on the ring's
 * producer thread (handed in by the node, which owns it), plus the REST thread and the HTTP client's threads.
 * REST work (polling, backfill) runs on its own thread and hands its events back to the producer thread.
 */
public final class MassiveIngest implements AutoCloseable
{
    private final FeedInputs inputs;
    private final FeedStates states;
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
    private final EventLoopGroup producerThread;
    private final Map<Cluster, MassiveConnection> connections = new EnumMap<>(Cluster.class);

    public MassiveIngest(
        final FeedSettings settings, final String apiKey, final EventLoopGroup producerThread,
        final EventPublisher publisher, final SymbolTable symbols, final DeadLetterWriter deadLetters,
        final RawCaptureWriter rawCapture, final EngineCounters counters, final EpochNanoClock clock,
        final Consumer<String> onFatal)
    {
        this.producerThread = producerThread;
        states = new FeedStates(List.copyOf(settings.items().keySet()));
        inputs = new FeedInputs(new RingProducer(producerThread, publisher, symbols, clock, counters), states);
        final FeedParts parts = new FeedParts(producerThread, publisher, symbols, inputs, rawCapture, deadLetters,
            counters, clock, onFatal);
        final MassiveRestClient rest = new MassiveRestClient(settings.restUrl(), apiKey, httpThreads);
        final Map<Cluster, FeedRecovery> recoveries = new EnumMap<>(Cluster.class);
        for (final Map.Entry<Cluster, List<String>> entry : settings.items().entrySet())
        {
            final Cluster cluster = entry.getKey();
            final FeedRecovery recovery = new FeedRecovery(cluster, entry.getValue(), rest, restThread, inputs, counters,
                settings.pollAfterMillis(), settings.pollIntervalMillis(), settings.backfillBudgetSymbolSeconds(),
                settings.backfillMarginMillis());
            recoveries.put(cluster, recovery);
            connections.put(cluster, new MassiveConnection(cluster,
                URI.create(settings.baseUrl() + "/" + Subscriptions.path(cluster)), entry.getValue(), apiKey, settings,
                parts, recovery));
        }
        publisher.gapListener((gap) -> recoveries.get(Cluster.get((short)gap.cluster())).onRingFullGap(gap));
    }

    /** Each cluster's feed state, for health and readiness. */
    public FeedStates states()
    {
        return states;
    }

    /**
     * @param lastJournaledEventTime the newest event time in the input journal, 0 for none: the gap since is
     *     declared and backfilled (FeedSession.resumeAfter)
     * @param journaledTrades the trades already journaled in the window that backfill reaches back over
     */
    public void start(final long lastJournaledEventTime, final Set<JournaledTrades.Identity> journaledTrades)
    {
        producerThread.execute(() -> inputs.journaledBeforeStart(journaledTrades)); // before any connection
        connections.values().forEach((c) -> c.start(lastJournaledEventTime));
    }

    /**
     * Closes the connections on the producer thread, behind whatever it still has queued (a connection's start
     * hands work to the REST thread), then the REST thread; the node shuts the producer thread down afterwards.
     */
    @Override
    public void close()
    {
        inputs.close();
        producerThread.submit(() -> connections.values().forEach(MassiveConnection::close)).awaitUninterruptibly(2_000);
        restThread.shutdownNow();
        httpThreads.shutdownNow();
        try
        {
            restThread.awaitTermination(5, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}

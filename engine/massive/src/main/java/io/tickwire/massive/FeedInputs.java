package io.tickwire.massive;

import io.tickwire.codecs.sbe.Cluster;
import io.tickwire.codecs.sbe.FeedState;
import io.tickwire.codecs.sbe.Source;
import io.tickwire.codecs.sbe.StatusCode;
import io.tickwire.model.FixedPoint;
import io.tickwire.model.event.RingProducer;
import io.tickwire.model.event.EventPublisher;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import io.tickwire.model.event.StagedBatch;
import io.tickwire.model.event.TradeIdKey;
import io.tickwire.model.journal.JournaledTrades;
import io.tickwire.model.symbols.SymbolDefinitions;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What the adapter publishes besides decoded frames: feed states, and events fetched over REST (polling and
 * backfill), staged on the ring's producer thread (which owns the symbol table) and published through the
 * ring's port. REST events go in chunks that are retried rather than dropped when the ring is full, since
 * the REST thread can wait.
 */
final class FeedInputs
{
    private static final int REST_CHUNK = 512;

    private final RingProducer producer;
    private final FeedStates states;
    private final StagedBatch statusBatch = new StagedBatch();
    private final StagedBatch restBatch = new StagedBatch();
    private volatile boolean closing;
    /** Trades the previous run journaled in the window the first backfill after a restart reaches back over. */
    private Set<JournaledTrades.Identity> journaledBeforeStart = Set.of();

    FeedInputs(final RingProducer producer, final FeedStates states)
    {
        this.producer = producer;
        this.states = states;
    }

    void close()
    {
        closing = true;
    }

    /** On the producer thread, before the feed connects: backfilled trades among these are not published again. */
    void journaledBeforeStart(final Set<JournaledTrades.Identity> trades)
    {
        journaledBeforeStart = trades;
    }


    /** On the producer thread. */
    void publishFeedStatus(final Cluster cluster, final FeedState state, final StatusCode code, final String message,
        final long gapStart, final long gapEnd)
    {
        statusBatch.clear();
        final MarketEvent e = statusBatch.add(EventType.FEED_STATUS);
        e.eventTime = producer.clock().nanoTime();
        e.receiveTime = e.eventTime;
        e.cluster = cluster.value();
        e.feedState = state.value();
        e.statusCode = code.value();
        e.gapStart = gapStart;
        e.gapEnd = gapEnd;
        e.text(message == null ? "" : message);
        producer.publisher().publish(statusBatch, EventPublisher.NO_CLUSTER);
        states.onPublished(cluster, state);
    }

    /** From any thread: the status is published on the producer thread. */
    void submitFeedStatus(final Cluster cluster, final FeedState state, final String message, final long gapStart,
        final long gapEnd)
    {
        producer.thread().execute(() -> publishFeedStatus(cluster, state, StatusCode.NONE, message, gapStart, gapEnd));
    }

    /** From the REST thread. Completes when every event is in the ring (or the adapter is closing). */
    CompletableFuture<Void> publishRest(final List<RestEvent> events, final Source source)
    {
        final CompletableFuture<Void> done = new CompletableFuture<>();
        producer.thread().execute(() -> publishRestFrom(events, 0, source, done));
        return done;
    }

    private void publishRestFrom(final List<RestEvent> events, final int from, final Source source,
        final CompletableFuture<Void> done)
    {
        if (closing)
        {
            done.complete(null);
            return;
        }
        final int to = Math.min(events.size(), from + REST_CHUNK);
        final long receiveTime = producer.clock().nanoTime();
        restBatch.clear();
        for (int i = from; i < to; i++)
        {
            stage(events.get(i), source, receiveTime);
        }
        final boolean published = source == Source.BACKFILL ? producer.publisher().tryPublishInBackground(restBatch) :
            producer.publisher().tryPublish(restBatch);
        if (!published)
        {
            producer.thread().schedule(() -> publishRestFrom(events, from, source, done), 1, TimeUnit.MILLISECONDS);
        }
        else if (to < events.size())
        {
            producer.thread().execute(() -> publishRestFrom(events, to, source, done));
        }
        else
        {
            done.complete(null);
        }
    }

    private void stage(final RestEvent r, final Source source, final long receiveTime)
    {
        if (r.ticker() == null || r.eventTime() == 0)
        {
            return;
        }
        final int symbolId = producer.symbols().intern(r.ticker());
        if (source == Source.BACKFILL && r.type() == EventType.TRADE && !journaledBeforeStart.isEmpty() &&
            journaledBeforeStart.contains(new JournaledTrades.Identity(symbolId, r.exchange(), r.trfId(), tradeIdKey(r))))
        {
            producer.counters().backfillAlreadyJournaled.incrementRelease(); // the previous run had it: the margin's overlap
            return;
        }
        SymbolDefinitions.stageIfNew(producer.symbols(), restBatch, symbolId, receiveTime);
        final MarketEvent e = restBatch.add(r.type());
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
                stageTrade(r, e);
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

    private static void stageTrade(final RestEvent r, final MarketEvent e)
    {
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
        }
        e.tradeIdKey = tradeIdKey(r);
    }

    /** The identity key a trade from REST gets: as the WebSocket decoder keys the same trade. */
    private static long tradeIdKey(final RestEvent r)
    {
        if (r.tradeId() != null)
        {
            final char[] id = r.tradeId().toCharArray();
            return TradeIdKey.of(id, 0, id.length);
        }
        return TradeIdKey.withoutId(r.sequence(), r.eventTime(), r.price(), r.size());
    }
}

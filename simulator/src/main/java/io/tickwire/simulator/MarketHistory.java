package io.tickwire.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the market generated, per ticker, for the REST API (last trade, last NBBO, v3 history with
 * pagination, aggregates) and for tests: the REST view is the same market the WebSocket streamed, so a
 * client that missed a stretch can backfill it. Keeps the newest {@link #capacity} trades and quotes per
 * ticker. Thread-safe: the market driver appends, REST requests read.
 */
public final class MarketHistory
{
    /** A record with its position in the ticker's history, for cursors. */
    record Entry<T>(long index, T value)
    {
    }

    private final int capacity;
    private final Map<String, ArrayDeque<Entry<GroundTruth.Trade>>> trades = new HashMap<>();
    private final Map<String, ArrayDeque<Entry<GroundTruth.Quote>>> quotes = new HashMap<>();
    private final Map<String, GroundTruth.IndexValue> lastIndexValue = new HashMap<>();
    private long nextIndex;

    MarketHistory(final int capacity)
    {
        this.capacity = capacity;
    }

    synchronized void record(final SimEvent e)
    {
        switch (e.type)
        {
            case TRADE:
                add(trades, e.instrument.ticker, GroundTruth.Trade.of(e));
                break;
            case QUOTE:
                add(quotes, e.instrument.ticker, GroundTruth.Quote.of(e));
                break;
            case INDEX_VALUE:
                lastIndexValue.put(e.instrument.ticker, new GroundTruth.IndexValue(e.instrument.ticker, e.timeMillis,
                    e.price));
                break;
            default:
                break;
        }
    }

    /** Every trade of a ticker still held, oldest first. */
    public synchronized List<GroundTruth.Trade> trades(final String ticker)
    {
        final List<GroundTruth.Trade> out = new ArrayList<>();
        trades.getOrDefault(ticker, new ArrayDeque<>()).forEach((e) -> out.add(e.value()));
        return out;
    }

    /** Every quote of a ticker still held, oldest first. */
    public synchronized List<GroundTruth.Quote> quotes(final String ticker)
    {
        final List<GroundTruth.Quote> out = new ArrayList<>();
        quotes.getOrDefault(ticker, new ArrayDeque<>()).forEach((e) -> out.add(e.value()));
        return out;
    }

    synchronized GroundTruth.Trade lastTrade(final String ticker)
    {
        final ArrayDeque<Entry<GroundTruth.Trade>> q = trades.get(ticker);
        return q == null || q.isEmpty() ? null : q.peekLast().value();
    }

    synchronized GroundTruth.Quote lastQuote(final String ticker)
    {
        final ArrayDeque<Entry<GroundTruth.Quote>> q = quotes.get(ticker);
        return q == null || q.isEmpty() ? null : q.peekLast().value();
    }

    synchronized GroundTruth.IndexValue lastIndexValue(final String ticker)
    {
        return lastIndexValue.get(ticker);
    }

    /**
     * Trades with fromNanos <= t < toNanos, in (time, index) order, after the cursor (afterNanos, afterIndex);
     * a first page passes Long.MIN_VALUE for both.
     */
    synchronized List<Entry<GroundTruth.Trade>> trades(final String ticker, final long fromNanos, final long toNanos,
        final long afterNanos, final long afterIndex, final int limit)
    {
        return select(trades.get(ticker), fromNanos, toNanos, afterNanos, afterIndex, limit);
    }

    synchronized List<Entry<GroundTruth.Quote>> quotes(final String ticker, final long fromNanos, final long toNanos,
        final long afterNanos, final long afterIndex, final int limit)
    {
        return select(quotes.get(ticker), fromNanos, toNanos, afterNanos, afterIndex, limit);
    }

    static long nanos(final Object value)
    {
        return (value instanceof GroundTruth.Trade ? ((GroundTruth.Trade)value).timeMillis() :
            ((GroundTruth.Quote)value).timeMillis()) * 1_000_000L;
    }

    private <T> void add(final Map<String, ArrayDeque<Entry<T>>> map, final String ticker, final T value)
    {
        final ArrayDeque<Entry<T>> q = map.computeIfAbsent(ticker, (k) -> new ArrayDeque<>());
        q.addLast(new Entry<>(nextIndex++, value));
        if (q.size() > capacity)
        {
            q.removeFirst();
        }
    }

    private static <T> List<Entry<T>> select(final ArrayDeque<Entry<T>> q, final long fromNanos, final long toNanos,
        final long afterNanos, final long afterIndex, final int limit)
    {
        final List<Entry<T>> out = new ArrayList<>();
        if (q == null)
        {
            return out;
        }
        for (final Entry<T> e : q)
        {
            final long t = nanos(e.value());
            if (t >= fromNanos && t < toNanos && (t > afterNanos || t == afterNanos && e.index() > afterIndex))
            {
                out.add(e);
            }
        }
        // late prints are appended when generated but belong earlier in time: serve in (time, index) order
        out.sort((a, b) -> nanos(a.value()) != nanos(b.value()) ? Long.compare(nanos(a.value()), nanos(b.value())) :
            Long.compare(a.index(), b.index()));
        return out.size() > limit ? new ArrayList<>(out.subList(0, limit)) : out;
    }
}

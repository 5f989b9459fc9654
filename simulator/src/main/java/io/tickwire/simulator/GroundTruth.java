package io.tickwire.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * What the simulator addressed to its sessions, for tests: every trade, quote and index value in generation
 * order. (Everything generated, sent or not, is in {@link MarketHistory}.) Thread-safe.
 * Prices and sizes are fixed-point scaled by 10^6; times are the ms Massive puts on the wire.
 */
public final class GroundTruth
{
    /** A trade as sent. */
    public record Trade(String ticker, long timeMillis, long price, long size, int exchange, int trfId, String tradeId,
        long sequence, List<Integer> conditions)
    {
        static Trade of(final SimEvent e)
        {
            final List<Integer> conditions = new ArrayList<>(e.conditionCount);
            for (int i = 0; i < e.conditionCount; i++)
            {
                conditions.add(e.conditions[i]);
            }
            return new Trade(e.instrument.ticker, e.timeMillis, e.price, e.size, e.exchange, e.trfId, e.tradeId,
                e.sequence, List.copyOf(conditions));
        }
    }

    /** A quote as sent. */
    public record Quote(String ticker, long timeMillis, long bidPrice, long askPrice, long bidSize, long askSize,
        int bidExchange, int askExchange, long sequence)
    {
        static Quote of(final SimEvent e)
        {
            return new Quote(e.instrument.ticker, e.timeMillis, e.bidPrice, e.askPrice, e.bidSize, e.askSize,
                e.bidExchange, e.askExchange, e.sequence);
        }
    }

    /** An index value as sent. */
    public record IndexValue(String ticker, long timeMillis, long value)
    {
    }

    private final List<Trade> trades = new ArrayList<>();
    private final List<Quote> quotes = new ArrayList<>();
    private final List<IndexValue> indexValues = new ArrayList<>();

    synchronized void record(final SimEvent e)
    {
        switch (e.type)
        {
            case TRADE:
                trades.add(Trade.of(e));
                break;
            case QUOTE:
                quotes.add(Quote.of(e));
                break;
            case INDEX_VALUE:
                indexValues.add(new IndexValue(e.instrument.ticker, e.timeMillis, e.price));
                break;
            default:
                break;
        }
    }

    public synchronized List<Trade> trades()
    {
        return List.copyOf(trades);
    }

    public synchronized List<Quote> quotes()
    {
        return List.copyOf(quotes);
    }

    public synchronized List<IndexValue> indexValues()
    {
        return List.copyOf(indexValues);
    }
}

package io.tickwire.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * What the simulator sent, for tests: every trade, quote and index value in send order. Thread-safe.
 * Prices and sizes are fixed-point scaled by 10^6; times are the ms Massive puts on the wire.
 */
public final class GroundTruth
{
    /** A trade as sent. */
    public record Trade(String ticker, long timeMillis, long price, long size, int exchange, int trfId, String tradeId,
        long sequence)
    {
    }

    /** A quote as sent. */
    public record Quote(String ticker, long timeMillis, long bidPrice, long askPrice, long bidSize, long askSize)
    {
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
                trades.add(new Trade(e.instrument.ticker, e.timeMillis, e.price, e.size, e.exchange, e.trfId, e.tradeId,
                    e.sequence));
                break;
            case QUOTE:
                quotes.add(new Quote(e.instrument.ticker, e.timeMillis, e.bidPrice, e.askPrice, e.bidSize, e.askSize));
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

package io.tickwire.engine.bars;

import io.tickwire.model.FixedPoint;
import io.tickwire.model.event.MarketEvent;

import java.util.Arrays;

/**
 * Per symbol, the prevailing quote and the last trade's price and side: what the bar stage needs to split
 * volume into buys and sells and to measure order-flow imbalance. Bar stage thread only.
 */
final class TopOfBook
{
    static final int BUY = 1;
    static final int SELL = -1;

    // one symbol's state sits together, STRIDE longs from s * STRIDE: one cache line per symbol
    private static final int BID = 0;
    private static final int BID_SIZE = 1;
    private static final int ASK = 2;
    private static final int ASK_SIZE = 3;
    private static final int LAST_TRADE_PRICE = 4;
    private static final int LAST_SIDE = 5;
    private static final int STRIDE = 6;

    private long[] state = new long[1024 * STRIDE];

    /**
     * Trade side for the buy/sell split (VPIN): above the prevailing quote's mid is a buy, below a sell; at the
     * mid (or with no quote) the tick rule: above the previous trade a buy, below a sell, unchanged the same as
     * the previous trade.
     */
    int classifyTrade(final int s, final long price)
    {
        final int at = at(s);
        final long bid = state[at + BID];
        final long ask = state[at + ASK];
        int side = 0;
        if (bid > 0 && ask >= bid)
        {
            final long twiceMid = bid + ask;
            side = 2 * price > twiceMid ? BUY : 2 * price < twiceMid ? SELL : 0;
        }
        if (side == 0)
        {
            final long last = state[at + LAST_TRADE_PRICE];
            side = price > last ? BUY : price < last ? SELL : (int)state[at + LAST_SIDE];
        }
        state[at + LAST_TRADE_PRICE] = price;
        state[at + LAST_SIDE] = side;
        return side;
    }

    /**
     * Takes a valid quote (bid > 0, ask ≥ bid) as the prevailing one. @return its order-flow imbalance against
     * the previous quote, Cont, Kukanov and Stoikov (2014): the change in queue size at the best prices (0 for
     * the symbol's first quote).
     */
    double onQuote(final MarketEvent e)
    {
        final int at = at(e.symbolId);
        final long bid = state[at + BID];
        final long ask = state[at + ASK];
        double ofi = 0;
        if (bid > 0)
        {
            final double b = FixedPoint.toDouble(e.bidSize);
            final double pb = FixedPoint.toDouble(state[at + BID_SIZE]);
            final double a = FixedPoint.toDouble(e.askSize);
            final double pa = FixedPoint.toDouble(state[at + ASK_SIZE]);
            ofi = (e.bidPrice >= bid ? b : 0) - (e.bidPrice <= bid ? pb : 0) -
                (e.askPrice <= ask ? a : 0) + (e.askPrice >= ask ? pa : 0);
        }
        state[at + BID] = e.bidPrice;
        state[at + BID_SIZE] = e.bidSize;
        state[at + ASK] = e.askPrice;
        state[at + ASK_SIZE] = e.askSize;
        return ofi;
    }

    /** Where symbol {@code s}'s state starts, growing the array to the next power of two past it. */
    private int at(final int s)
    {
        if ((s + 1) * STRIDE > state.length)
        {
            state = Arrays.copyOf(state, (Integer.highestOneBit(s) << 1) * STRIDE);
        }
        return s * STRIDE;
    }
}

package io.tickwire.simulator;

/**
 * One generated market event, mutable and reused by the generator; {@link GroundTruth} copies what it keeps.
 * Times are ms since the epoch (as Massive sends them); prices and sizes fixed-point scaled by 10^6.
 */
final class SimEvent
{
    enum Type
    {
        TRADE, QUOTE, INDEX_VALUE, SECOND_AGG, MINUTE_AGG,
        /** LULD: bands in high (limit up) and low (limit down). */
        LIMIT_BANDS,
        /** NOI: imbalance in size, paired quantity in volume, clearing price in price. */
        IMBALANCE,
        /** FMV: the value in price. */
        FAIR_VALUE
    }

    Type type;
    Instrument instrument;
    long timeMillis;
    long price;
    long size;
    boolean fractional;
    int exchange;
    int trfId;
    String tradeId;
    long sequence;
    int conditionCount;
    final int[] conditions = new int[2];
    long bidPrice;
    long askPrice;
    long bidSize;
    long askSize;
    int bidExchange;
    int askExchange;
    // aggregates
    long startMillis;
    long endMillis;
    long open;
    long high;
    long low;
    long volume;
    long vwap;
    /** Stock aggregates: the day's volume so far, open, VWAP, and the window's average trade size. */
    long accumulatedVolume;
    long dayOpen;
    long dayVwap;
    long averageSize;
    /** Stock quotes: Massive's quote condition and indicator, 0 when none. */
    int quoteCondition;
    int indicator;
    // imbalances
    int auctionTime;
    char auctionType;

    void copyFrom(final SimEvent o)
    {
        type = o.type;
        instrument = o.instrument;
        timeMillis = o.timeMillis;
        price = o.price;
        size = o.size;
        fractional = o.fractional;
        exchange = o.exchange;
        trfId = o.trfId;
        tradeId = o.tradeId;
        sequence = o.sequence;
        conditionCount = o.conditionCount;
        System.arraycopy(o.conditions, 0, conditions, 0, conditions.length);
        bidPrice = o.bidPrice;
        askPrice = o.askPrice;
        bidSize = o.bidSize;
        askSize = o.askSize;
        bidExchange = o.bidExchange;
        askExchange = o.askExchange;
        auctionTime = o.auctionTime;
        accumulatedVolume = o.accumulatedVolume;
        dayOpen = o.dayOpen;
        dayVwap = o.dayVwap;
        averageSize = o.averageSize;
        quoteCondition = o.quoteCondition;
        indicator = o.indicator;
        auctionType = o.auctionType;
        startMillis = o.startMillis;
        endMillis = o.endMillis;
        open = o.open;
        high = o.high;
        low = o.low;
        volume = o.volume;
        vwap = o.vwap;
    }
}

package io.tickwire.simulator;

/** One simulated instrument and its evolving state. Prices are fixed-point, scaled by 10^6. */
final class Instrument
{
    enum Kind
    {
        STOCK, INDEX, OPTION
    }

    final String ticker;
    final Kind kind;
    final String cluster;
    final int index;
    /** Stocks: sensitivity to the common market factor. Options: underlying instrument index. */
    final double beta;
    final int underlying;
    final boolean call;
    final long strike;
    final long tickSize;
    /** Quoted spread, a whole number of ticks. */
    final long spread;
    final int tape;

    double logPrice;
    final double basePrice;
    long sequence;
    long nextTradeId;

    Instrument(
        final String ticker, final Kind kind, final int index, final double basePrice, final double beta,
        final int underlying, final boolean call, final long strike, final long tickSize, final long spread,
        final int tape)
    {
        this.ticker = ticker;
        this.kind = kind;
        this.cluster = kind == Kind.STOCK ? "stocks" : kind == Kind.INDEX ? "indices" : "options";
        this.index = index;
        this.basePrice = basePrice;
        this.logPrice = Math.log(basePrice);
        this.beta = beta;
        this.underlying = underlying;
        this.call = call;
        this.strike = strike;
        this.tickSize = tickSize;
        this.spread = spread;
        this.tape = tape;
        this.nextTradeId = 1_000_000L * (index + 1);
    }
}

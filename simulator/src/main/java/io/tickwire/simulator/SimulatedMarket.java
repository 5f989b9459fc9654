package io.tickwire.simulator;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded, reproducible market: the same seed gives the same sequence of events, prices, sizes and ids
 * (only the timestamps follow the clock). Stocks move with one common factor (beta-scaled) plus their own
 * noise; I:SPX and I:NDX track SPY and QQQ with a small tracking noise, so ETF/index divergence has
 * something to show; option contracts are quoted off their underlying. Volatility is per second, whatever
 * the event rate. Trade sizes follow an intraday U-shape in US/Eastern time.
 */
final class SimulatedMarket
{
    static final long SCALE = 1_000_000L;
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final int[] EXCHANGES = {1, 2, 3, 4, 7, 8, 10, 11, 12, 15, 19, 21};
    private static final double ANNUAL_VOL = 0.18;
    private static final double SECONDS_PER_YEAR = 252 * 6.5 * 3600;

    private final SplittableRandom random;
    /** Its own stream, so the limit bands, imbalances and fair values do not change the trades and quotes. */
    private final SplittableRandom reference;
    private final List<Instrument> instruments = new ArrayList<>();
    private final List<Instrument> stocks = new ArrayList<>();
    private final List<Instrument> indices = new ArrayList<>();
    private final List<Instrument> options = new ArrayList<>();
    private final double stepVol;
    private double factor;
    private long shapeSecond = Long.MIN_VALUE;
    private double sizeShape = 1;
    // per-stock second and minute aggregates being built
    private final AggregateBuilder seconds;
    private final AggregateBuilder minutes;

    private final SimulatorFaults faults;

    SimulatedMarket(final long seed, final int eventsPerSecond, final SimulatorFaults faults)
    {
        this.faults = faults;
        random = new SplittableRandom(seed);
        reference = new SplittableRandom(seed + 1);
        stepVol = ANNUAL_VOL / Math.sqrt(SECONDS_PER_YEAR * Math.max(1, eventsPerSecond));
        stock("SPY", 600, 1.0, 2, 2);
        stock("QQQ", 520, 1.2, 3, 2);
        stock("IWM", 230, 1.3, 2, 2);
        stock("XLF", 50, 1.1, 2, 1);
        stock("XLE", 90, 0.8, 2, 2);
        stock("GLD", 240, -0.2, 2, 3);
        index("I:SPX", 6000, 1.0);
        index("I:NDX", 21000, 1.2);
        option("O:SPY261218C00600000", "SPY");
        option("O:SPY261218P00600000", "SPY");
        option("O:SPX261218C06000000", "I:SPX");
        option("O:SPX261218P06000000", "I:SPX");
        seconds = new AggregateBuilder(instruments, 1000);
        minutes = new AggregateBuilder(instruments, 60_000);
    }

    List<Instrument> instruments()
    {
        return instruments;
    }

    /** Fills {@code e} with the next event at {@code nowMillis}. */
    void next(final long nowMillis, final SimEvent e)
    {
        move();
        updateShape(nowMillis);
        e.timeMillis = nowMillis;
        final double r = random.nextDouble();
        if (r < 0.40)
        {
            trade(pick(stocks, true), e);
        }
        else if (r < 0.80)
        {
            quote(pick(stocks, true), e);
        }
        else if (r < 0.90)
        {
            indexValue(indices.get(random.nextInt(indices.size())), e);
        }
        else if (r < 0.98)
        {
            quote(options.get(random.nextInt(options.size())), e);
        }
        else
        {
            trade(options.get(random.nextInt(options.size())), e);
        }
        if (e.type == SimEvent.Type.TRADE && e.instrument.kind == Instrument.Kind.STOCK && e.timeMillis == nowMillis)
        {
            seconds.add(e);
            minutes.add(e);
        }
        else if (e.type == SimEvent.Type.INDEX_VALUE)
        {
            seconds.add(e);
            minutes.add(e);
        }
        e.timeMillis += skew(e.instrument); // the feed's own clock (upstream bars keep theirs)
    }

    /**
     * Now and then (one frame in twenty) a stock's limit-up/limit-down bands (5% around its price), an auction
     * imbalance, or its fair market value, as Massive publishes them. @return false when none this time.
     */
    boolean nextReference(final long nowMillis, final SimEvent e)
    {
        if (reference.nextInt(20) != 0)
        {
            return false;
        }
        final Instrument in = stocks.get(reference.nextInt(stocks.size()));
        final long p = price(in);
        e.instrument = in;
        e.timeMillis = nowMillis + skew(in);
        switch (reference.nextInt(3))
        {
            case 0 -> {
                e.type = SimEvent.Type.LIMIT_BANDS;
                e.high = floorToTick(p + p / 20, in.tickSize);
                e.low = floorToTick(p - p / 20, in.tickSize);
                e.sequence = ++in.sequence;
            }
            case 1 -> {
                e.type = SimEvent.Type.IMBALANCE;
                e.auctionTime = reference.nextBoolean() ? 930 : 1600;
                e.auctionType = e.auctionTime == 930 ? 'O' : 'C';
                e.exchange = EXCHANGES[reference.nextInt(EXCHANGES.length)];
                e.size = (1 + reference.nextInt(500)) * 100 * SCALE;
                e.volume = (1 + reference.nextInt(500)) * 100 * SCALE;
                e.price = floorToTick(p, in.tickSize);
                e.sequence = ++in.sequence;
            }
            default -> {
                e.type = SimEvent.Type.FAIR_VALUE;
                e.price = p;
            }
        }
        return true;
    }

    /** How far the instrument's feed's clock runs off the others' (a fault; none without faults). */
    private long skew(final Instrument in)
    {
        return faults == null ? 0 : faults.skewMillis(in.cluster);
    }

    /** Aggregates (A, then AM) whose window ended before {@code nowMillis}; false when none is due. */
    boolean nextAggregate(final long nowMillis, final SimEvent e)
    {
        if (seconds.next(nowMillis, e))
        {
            e.type = SimEvent.Type.SECOND_AGG;
            return true;
        }
        if (minutes.next(nowMillis, e))
        {
            e.type = SimEvent.Type.MINUTE_AGG;
            return true;
        }
        return false;
    }

    private void move()
    {
        factor += random.nextGaussian() * stepVol;
        for (final Instrument s : stocks)
        {
            s.logPrice = Math.log(s.basePrice) + s.beta * factor + random.nextGaussian() * stepVol * 0.05 +
                (s.logPrice - Math.log(s.basePrice) - s.beta * factor) * 0.999;
        }
        for (final Instrument i : indices)
        {
            final Instrument etf = instruments.get(i.underlying);
            final double tracking = (i.logPrice - Math.log(i.basePrice)) - (etf.logPrice - Math.log(etf.basePrice));
            i.logPrice = Math.log(i.basePrice) + (etf.logPrice - Math.log(etf.basePrice)) + tracking * 0.995 +
                random.nextGaussian() * stepVol * 0.3;
        }
    }

    private void updateShape(final long nowMillis)
    {
        final long second = nowMillis / 1000;
        if (second != shapeSecond)
        {
            shapeSecond = second;
            final LocalTime t = LocalTime.ofInstant(Instant.ofEpochSecond(second), NEW_YORK);
            final double minute = t.toSecondOfDay() / 60.0;
            final double open = 9.5 * 60;
            final double close = 16 * 60;
            if (minute < open || minute >= close)
            {
                sizeShape = 0.3;
            }
            else
            {
                sizeShape = 1 + 2 * Math.exp(-(minute - open) / 30) + 1.5 * Math.exp(-(close - minute) / 20);
            }
        }
    }

    private Instrument pick(final List<Instrument> list, final boolean weighted)
    {
        if (weighted && random.nextDouble() < 0.5)
        {
            return list.get(random.nextInt(2)); // SPY and QQQ trade most
        }
        return list.get(random.nextInt(list.size()));
    }

    private void trade(final Instrument in, final SimEvent e)
    {
        e.type = SimEvent.Type.TRADE;
        e.instrument = in;
        final long mid = price(in);
        final double side = random.nextDouble();
        final long bid = floorToTick(mid - in.spread / 2, in.tickSize);
        final long ask = bid + in.spread;
        e.conditionCount = 0;
        if (in.kind == Instrument.Kind.OPTION)
        {
            e.exchange = 300 + random.nextInt(20);
            e.trfId = 0;
            e.price = side < 0.5 ? bid : ask;
            e.size = (1 + random.nextInt(20)) * SCALE;
            e.fractional = false;
            e.tradeId = null;
        }
        else
        {
            e.exchange = EXCHANGES[random.nextInt(EXCHANGES.length)];
            e.trfId = e.exchange == 4 ? 201 + random.nextInt(3) : 0;
            e.price = e.exchange == 4 && side < 0.3 ? (bid + ask) / 2 : side < 0.5 ? bid : ask;
            final double lot = random.nextDouble();
            if (lot < 0.01)
            {
                e.size = (1 + random.nextInt(9999)) * 100L; // fractional: 0.0001 .. 0.9999 shares
                e.fractional = true;
            }
            else if (lot < 0.31)
            {
                e.size = (1 + random.nextInt(99)) * SCALE;
                e.fractional = false;
                e.conditions[e.conditionCount++] = 37; // odd lot
            }
            else
            {
                e.size = Math.max(1, Math.round((1 + random.nextInt(5)) * sizeShape)) * 100 * SCALE;
                e.fractional = false;
            }
            e.tradeId = Long.toString(in.nextTradeId++);
        }
        final int step = 1 + random.nextInt(3); // drawn even when a fault discards it, to keep the seeded stream
        if (faults == null || !SimulatorFaults.take(faults.duplicateSequences))
        {
            in.sequence += step;
        }
        e.sequence = in.sequence;
        if (faults != null && in.ticker.equals(faults.latePrintTicker) && in.kind == Instrument.Kind.STOCK)
        {
            faults.latePrintTicker = null;
            e.timeMillis -= faults.latePrintMillis; // a dark-pool print reported minutes after it happened
            e.exchange = 4;
            e.trfId = 201;
        }
    }

    private void quote(final Instrument in, final SimEvent e)
    {
        e.type = SimEvent.Type.QUOTE;
        e.instrument = in;
        final long mid = price(in);
        e.bidPrice = floorToTick(mid - in.spread / 2, in.tickSize);
        e.askPrice = e.bidPrice + in.spread;
        final long lot = in.kind == Instrument.Kind.OPTION ? 1 : 100;
        e.bidSize = (1 + random.nextInt(30)) * lot * SCALE;
        e.askSize = (1 + random.nextInt(30)) * lot * SCALE;
        e.bidExchange = in.kind == Instrument.Kind.OPTION ? 300 + random.nextInt(20) : EXCHANGES[random.nextInt(3)];
        e.askExchange = in.kind == Instrument.Kind.OPTION ? 300 + random.nextInt(20) : EXCHANGES[random.nextInt(3)];
        in.sequence += 1 + random.nextInt(3);
        e.sequence = in.sequence;
        // now and then a quote condition and an indicator, as Massive's stock quotes carry (own stream: the
        // trades and quotes stay those of the seed)
        final boolean stock = in.kind == Instrument.Kind.STOCK;
        e.quoteCondition = stock && reference.nextInt(20) == 0 ? 1 : 0;
        e.indicator = stock && reference.nextInt(20) == 0 ? 604 : 0;
    }

    private void indexValue(final Instrument in, final SimEvent e)
    {
        e.type = SimEvent.Type.INDEX_VALUE;
        e.instrument = in;
        e.price = floorToTick(price(in), 10_000); // two decimals
    }

    private long price(final Instrument in)
    {
        if (in.kind == Instrument.Kind.OPTION)
        {
            final double s = Math.exp(instruments.get(in.underlying).logPrice);
            final double k = in.strike / (double)SCALE;
            final double intrinsic = Math.max(0, in.call ? s - k : k - s);
            final double timeValue = 0.02 * s * Math.sqrt(27 / 365.0);
            return Math.max(in.tickSize, Math.round((intrinsic + timeValue) * SCALE));
        }
        return Math.round(Math.exp(in.logPrice) * SCALE);
    }

    private static long floorToTick(final long value, final long tick)
    {
        return value / tick * tick;
    }

    private void stock(final String ticker, final double price, final double beta, final int tape, final int spreadTicks)
    {
        final Instrument in = new Instrument(ticker, Instrument.Kind.STOCK, instruments.size(), price, beta, -1,
            false, 0, 10_000, spreadTicks * 10_000L, tape);
        instruments.add(in);
        stocks.add(in);
    }

    private void index(final String ticker, final double value, final double beta)
    {
        final int etf = ticker.equals("I:SPX") ? 0 : 1;
        final Instrument in = new Instrument(ticker, Instrument.Kind.INDEX, instruments.size(), value, beta, etf,
            false, 0, 10_000, 0, 0);
        instruments.add(in);
        indices.add(in);
    }

    private void option(final String ticker, final String underlyingTicker)
    {
        int underlying = -1;
        for (final Instrument in : instruments)
        {
            if (in.ticker.equals(underlyingTicker))
            {
                underlying = in.index;
            }
        }
        final boolean call = ticker.charAt(ticker.length() - 9) == 'C';
        final long strike = Long.parseLong(ticker.substring(ticker.length() - 8)) * 1_000L; // thousandths -> 10^6
        final Instrument in = new Instrument(ticker, Instrument.Kind.OPTION, instruments.size(), 1, 0, underlying,
            call, strike, 10_000, 50_000, 0);
        instruments.add(in);
        options.add(in);
    }
}

package io.tickwire.simulator;

import java.util.Arrays;
import java.util.List;

import static io.tickwire.simulator.SimulatedMarket.SCALE;

/** Builds per-window OHLCV per instrument and hands out the finished windows, like Massive's A/AM. */
final class AggregateBuilder
{
    private final List<Instrument> instruments;
    private final long windowMillis;
    private final long[] window;
    private final long[] open;
    private final long[] high;
    private final long[] low;
    private final long[] close;
    private final long[] volume;
    private final double[] notional;
    private final long[] trades;
    /** The day so far: volume, notional, first price (the simulator's day starts with it). */
    private final long[] dayVolume;
    private final double[] dayNotional;
    private final long[] dayOpen;
    private int cursor;

    AggregateBuilder(final List<Instrument> instruments, final long windowMillis)
    {
        this.instruments = instruments;
        this.windowMillis = windowMillis;
        final int size = instruments.size();
        window = new long[size];
        Arrays.fill(window, -1);
        open = new long[size];
        high = new long[size];
        low = new long[size];
        close = new long[size];
        volume = new long[size];
        notional = new double[size];
        trades = new long[size];
        dayVolume = new long[size];
        dayNotional = new double[size];
        dayOpen = new long[size];
    }

    /** Like Massive's bars: odd lots (condition 37) count in volume but do not set the price. */
    void add(final SimEvent e)
    {
        final int i = e.instrument.index;
        final long w = e.timeMillis / windowMillis;
        final boolean setsPrice = e.type != SimEvent.Type.TRADE || e.conditionCount == 0 || e.conditions[0] != 37;
        if (window[i] != w)
        {
            window[i] = w;
            open[i] = 0;
            volume[i] = 0;
            notional[i] = 0;
            trades[i] = 0;
        }
        if (dayOpen[i] == 0 && setsPrice)
        {
            dayOpen[i] = e.price;
        }
        if (setsPrice)
        {
            if (open[i] == 0)
            {
                open[i] = e.price;
                high[i] = e.price;
                low[i] = e.price;
            }
            high[i] = Math.max(high[i], e.price);
            low[i] = Math.min(low[i], e.price);
            close[i] = e.price;
        }
        if (e.type == SimEvent.Type.TRADE)
        {
            volume[i] += e.size;
            notional[i] += e.price / (double)SCALE * (e.size / (double)SCALE);
            trades[i]++;
            dayVolume[i] += e.size;
            dayNotional[i] += e.price / (double)SCALE * (e.size / (double)SCALE);
        }
    }

    boolean next(final long nowMillis, final SimEvent e)
    {
        final long current = nowMillis / windowMillis;
        for (; cursor < window.length; cursor++)
        {
            final int i = cursor;
            if (window[i] >= 0 && window[i] < current && open[i] == 0)
            {
                window[i] = -1; // only odd lots: Massive sends no bar without a price
                continue;
            }
            if (window[i] >= 0 && window[i] < current)
            {
                final Instrument in = instruments.get(i);
                e.instrument = in;
                e.startMillis = window[i] * windowMillis;
                e.endMillis = e.startMillis + windowMillis;
                e.timeMillis = e.endMillis;
                e.open = open[i];
                e.high = high[i];
                e.low = low[i];
                e.price = close[i];
                e.volume = volume[i];
                e.vwap = volume[i] == 0 ? 0 : Math.round(notional[i] / (volume[i] / (double)SCALE) * SCALE);
                e.accumulatedVolume = dayVolume[i];
                e.dayOpen = dayOpen[i];
                e.dayVwap = dayVolume[i] == 0 ? 0 :
                    Math.round(dayNotional[i] / (dayVolume[i] / (double)SCALE) * SCALE);
                e.averageSize = trades[i] == 0 ? 0 : volume[i] / trades[i];
                window[i] = -1;
                cursor++;
                return true;
            }
        }
        cursor = 0;
        return false;
    }
}

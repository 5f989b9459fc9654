package io.tickwire.engine.setups;

import io.tickwire.codecs.sbe.UsSession;
import io.tickwire.engine.time.UsEquityCalendar;

import java.util.Arrays;

/**
 * The key levels of each symbol for its current trading day, built from its trades: premarket high and low,
 * prior close (the last regular-session trade of the previous trading day), opening range high and low over
 * the first 5, 15 and 30 minutes of the regular session, and the regular session's VWAP. Round numbers are
 * added by {@link LevelSnapper}. Garbage-free.
 */
final class KeyLevels
{
    static final int MAX_LEVELS = 10;
    private static final int REGULAR_OPEN = 9 * 3600 + 1800;

    private final UsEquityCalendar calendar = new UsEquityCalendar();
    private int[] day = new int[256];
    private long[] premarketHigh = new long[256];
    private long[] premarketLow = new long[256];
    private long[] priorClose = new long[256];
    private long[] lastRegular = new long[256];
    private long[][] rangeHigh = {new long[256], new long[256], new long[256]};
    private long[][] rangeLow = {new long[256], new long[256], new long[256]};
    private double[] vwapNotional = new double[256];
    private double[] vwapVolume = new double[256];
    private static final int[] RANGE_SECONDS = {300, 900, 1800};

    void onTrade(final int s, final long time, final long price, final long size)
    {
        ensure(s);
        final int today = calendar.tradingDay(time);
        if (today != day[s])
        {
            if (lastRegular[s] > 0 && today > day[s])
            {
                priorClose[s] = lastRegular[s];
            }
            day[s] = today;
            premarketHigh[s] = 0;
            premarketLow[s] = 0;
            for (int r = 0; r < RANGE_SECONDS.length; r++)
            {
                rangeHigh[r][s] = 0;
                rangeLow[r][s] = 0;
            }
            vwapNotional[s] = 0;
            vwapVolume[s] = 0;
        }
        final short session = calendar.session(time);
        if (session == UsSession.PRE.value())
        {
            premarketHigh[s] = premarketHigh[s] == 0 ? price : Math.max(premarketHigh[s], price);
            premarketLow[s] = premarketLow[s] == 0 ? price : Math.min(premarketLow[s], price);
        }
        else if (session == UsSession.REGULAR.value())
        {
            final int intoSession = calendar.secondOfDay(time) - REGULAR_OPEN;
            for (int r = 0; r < RANGE_SECONDS.length; r++)
            {
                if (intoSession < RANGE_SECONDS[r])
                {
                    rangeHigh[r][s] = rangeHigh[r][s] == 0 ? price : Math.max(rangeHigh[r][s], price);
                    rangeLow[r][s] = rangeLow[r][s] == 0 ? price : Math.min(rangeLow[r][s], price);
                }
            }
            vwapNotional[s] += price / 1e6 * (size / 1e6);
            vwapVolume[s] += size / 1e6;
            lastRegular[s] = price;
        }
    }

    /** Fills {@code out} with the symbol's known levels (fixed point). @return how many. */
    int levels(final int s, final long[] out)
    {
        if (s >= day.length)
        {
            return 0;
        }
        int n = 0;
        n = add(out, n, premarketHigh[s]);
        n = add(out, n, premarketLow[s]);
        n = add(out, n, priorClose[s]);
        for (int r = 0; r < RANGE_SECONDS.length; r++)
        {
            n = add(out, n, rangeHigh[r][s]);
            n = add(out, n, rangeLow[r][s]);
        }
        if (vwapVolume[s] > 0)
        {
            n = add(out, n, Math.round(vwapNotional[s] / vwapVolume[s] * 1e6));
        }
        return n;
    }

    private static int add(final long[] out, final int n, final long level)
    {
        if (level > 0)
        {
            out[n] = level;
            return n + 1;
        }
        return n;
    }

    private void ensure(final int s)
    {
        if (s >= day.length)
        {
            final int n = Integer.highestOneBit(s) << 1;
            day = Arrays.copyOf(day, n);
            premarketHigh = Arrays.copyOf(premarketHigh, n);
            premarketLow = Arrays.copyOf(premarketLow, n);
            priorClose = Arrays.copyOf(priorClose, n);
            lastRegular = Arrays.copyOf(lastRegular, n);
            for (int r = 0; r < RANGE_SECONDS.length; r++)
            {
                rangeHigh[r] = Arrays.copyOf(rangeHigh[r], n);
                rangeLow[r] = Arrays.copyOf(rangeLow[r], n);
            }
            vwapNotional = Arrays.copyOf(vwapNotional, n);
            vwapVolume = Arrays.copyOf(vwapVolume, n);
        }
    }
}

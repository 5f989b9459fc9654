package io.tickwire.gateway;

import java.util.ArrayList;
import java.util.List;

/**
 * The channels a desk can subscribe to, by name and by dense index: trades, quotes, prices, status, then
 * one bars.&lt;tf&gt; per configured timeframe (bars.1s, bars.5s, bars.1m by default), one metrics.&lt;tf&gt;
 * per timeframe, regime, setups, alerts, then luld, imbalances and fmv. status and regime are not per symbol.
 */
final class GatewayChannels
{
    static final int TRADES = 0;
    static final int QUOTES = 1;
    static final int PRICES = 2;
    static final int STATUS = 3;
    static final int FIRST_BARS = 4;

    private final List<String> names = new ArrayList<>();
    private final int[] timeframesMillis;

    GatewayChannels(final List<Integer> timeframes)
    {
        names.add("trades");
        names.add("quotes");
        names.add("prices");
        names.add("status");
        timeframesMillis = new int[timeframes.size()];
        for (int i = 0; i < timeframes.size(); i++)
        {
            timeframesMillis[i] = timeframes.get(i);
            names.add("bars." + label(timeframes.get(i)));
        }
        for (final int tf : timeframes)
        {
            names.add("metrics." + label(tf));
        }
        names.add("regime");
        names.add("setups");
        names.add("alerts");
        names.addAll(java.util.List.of(SymbolStates.CHANNELS));
    }

    /** The channel of a {@link SymbolStates} state (luld, imbalances, fmv). */
    int symbolState(final int state)
    {
        return regime() + 3 + state;
    }

    /** @return the {@link SymbolStates} state a channel carries, or -1 */
    int stateOf(final int channel)
    {
        final int state = channel - symbolState(0);
        return state >= 0 && state < SymbolStates.COUNT ? state : -1;
    }

    int setups()
    {
        return regime() + 1;
    }

    int alerts()
    {
        return regime() + 2;
    }

    /** @return the metrics channel for a timeframe, or -1. */
    int metricsChannel(final int timeframeMillis)
    {
        final int bars = barChannel(timeframeMillis);
        return bars < 0 ? -1 : bars + timeframesMillis.length;
    }

    int regime()
    {
        return FIRST_BARS + 2 * timeframesMillis.length;
    }

    boolean isBars(final int channel)
    {
        return channel >= FIRST_BARS && channel < FIRST_BARS + timeframesMillis.length;
    }

    boolean isMetrics(final int channel)
    {
        return channel >= FIRST_BARS + timeframesMillis.length && channel < regime();
    }

    /** Channels that carry no symbol: a subscription to them ignores the symbols list. */
    boolean isSymbolLess(final int channel)
    {
        return channel == STATUS || channel == regime();
    }

    static String label(final int millis)
    {
        return millis % 60_000 == 0 ? millis / 60_000 + "m" : millis / 1000 + "s";
    }

    int count()
    {
        return names.size();
    }

    String name(final int channel)
    {
        return names.get(channel);
    }

    /** @return the channel index, or -1 if there is no such channel. */
    int indexOf(final String name)
    {
        return names.indexOf(name);
    }

    List<String> names()
    {
        return names;
    }

    /** @return the bars channel for a timeframe, or -1 when that timeframe is not published. */
    int barChannel(final int timeframeMillis)
    {
        for (int i = 0; i < timeframesMillis.length; i++)
        {
            if (timeframesMillis[i] == timeframeMillis)
            {
                return FIRST_BARS + i;
            }
        }
        return -1;
    }

    int firstTimeframe()
    {
        return timeframesMillis[0];
    }

    int timeframeCount()
    {
        return timeframesMillis.length;
    }
}

package io.tickwire.massive;

import io.tickwire.codecs.sbe.Cluster;
import io.tickwire.config.ConfigException;
import io.tickwire.config.Keys;
import io.tickwire.config.TickwireConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The subscribe items for one cluster: every configured channel prefix crossed with every ticker. */
public final class Subscriptions
{
    /** Massive serves quotes for at most this many option contracts per connection. */
    public static final int MAX_OPTION_QUOTE_CONTRACTS = 1000;

    private Subscriptions()
    {
    }

    public static List<String> items(final TickwireConfig config, final Cluster cluster)
    {
        final List<String> symbols;
        final List<String> channels;
        switch (cluster)
        {
            case STOCKS:
                symbols = config.get(Keys.FEED_STOCKS_SYMBOLS);
                channels = config.get(Keys.FEED_STOCKS_CHANNELS);
                break;
            case INDICES:
                symbols = config.get(Keys.FEED_INDICES_SYMBOLS);
                channels = config.get(Keys.FEED_INDICES_CHANNELS);
                break;
            default:
                symbols = config.get(Keys.FEED_OPTIONS_SYMBOLS);
                channels = config.get(Keys.FEED_OPTIONS_CHANNELS);
        }
        if (cluster == Cluster.OPTIONS && channels.contains("Q") && symbols.size() > MAX_OPTION_QUOTE_CONTRACTS)
        {
            throw new ConfigException(config.sourceOf(Keys.FEED_OPTIONS_SYMBOLS), Keys.FEED_OPTIONS_SYMBOLS.name(), "at most " +
                MAX_OPTION_QUOTE_CONTRACTS + " contracts while Q is subscribed (Massive's per-connection cap for " +
                "options quotes)", symbols.size() + " contracts");
        }
        final List<String> items = new ArrayList<>();
        for (final String symbol : symbols)
        {
            for (final String channel : channels)
            {
                items.add(channel + "." + symbol);
            }
        }
        return items;
    }

    public static Cluster cluster(final String name)
    {
        return Cluster.valueOf(name.toUpperCase(Locale.ROOT));
    }

    public static String path(final Cluster cluster)
    {
        return cluster.name().toLowerCase(Locale.ROOT);
    }
}

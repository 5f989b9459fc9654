package io.tickwire.massive;

import io.tickwire.codecs.sbe.Cluster;
import io.tickwire.config.ConfigException;
import io.tickwire.config.Key;
import io.tickwire.config.Keys;
import io.tickwire.config.TickwireConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The subscribe items for one cluster: every configured channel prefix crossed with every ticker. */
public final class Subscriptions
{
    /** Massive serves quotes for at most this many option contracts per connection. */
    public static final int MAX_OPTION_QUOTE_CONTRACTS = 1000;

    private Subscriptions()
    {
    }

    /** The channels the decoder turns into ring events, per cluster (../shared/massive-protocol.md). */
    private static final Map<Cluster, List<String>> DECODED = Map.of(
        Cluster.STOCKS, List.of("T", "Q", "A", "AM", "LULD", "NOI", "FMV"),
        Cluster.INDICES, List.of("V", "A", "AM"),
        Cluster.OPTIONS, List.of("T", "Q", "A", "AM", "FMV"));

    public static List<String> items(final TickwireConfig config, final Cluster cluster)
    {
        final List<String> symbols;
        final List<String> channels;
        final Key<List<String>> channelsKey;
        switch (cluster)
        {
            case STOCKS:
                symbols = config.get(Keys.FEED_STOCKS_SYMBOLS);
                channelsKey = Keys.FEED_STOCKS_CHANNELS;
                break;
            case INDICES:
                symbols = config.get(Keys.FEED_INDICES_SYMBOLS);
                channelsKey = Keys.FEED_INDICES_CHANNELS;
                break;
            default:
                symbols = config.get(Keys.FEED_OPTIONS_SYMBOLS);
                channelsKey = Keys.FEED_OPTIONS_CHANNELS;
        }
        channels = config.get(channelsKey);
        for (final String channel : channels)
        {
            if (!DECODED.get(cluster).contains(channel))
            {
                // Massive ignores an unknown prefix silently: said here, at start, rather than never
                throw new ConfigException(config.sourceOf(channelsKey), channelsKey.name(),
                    "channels of the " + path(cluster) + " feed tickwire decodes: " + DECODED.get(cluster), channel);
            }
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

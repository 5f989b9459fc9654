package io.tickwire.massive;

import io.tickwire.codecs.sbe.Cluster;
import io.tickwire.config.Keys;
import io.tickwire.config.TickwireConfig;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The adapter's settings, taken once from a concluded configuration (whose shipped properties hold every
 * default): where to connect, what to subscribe per cluster, the session's timing rules, REST recovery.
 */
public record FeedSettings(
    String baseUrl, Map<Cluster, List<String>> items, String apiKeyEnv, int connectTimeoutMillis, int maxFrameBytes,
    boolean rawCapture, FeedSession.Timeouts timeouts, int reconnectBaseMillis, int reconnectMaxMillis,
    int reconnectResetAfterMillis, int evictionCooldownMillis, String restUrl, int pollAfterMillis,
    int pollIntervalMillis, int backfillBudgetSymbolSeconds, int backfillMarginMillis)
{
    /** Cross-key rules (the options quote cap) are checked here, with the key named. */
    public static FeedSettings from(final TickwireConfig config)
    {
        final Map<Cluster, List<String>> items = new EnumMap<>(Cluster.class);
        for (final String name : config.get(Keys.FEED_CLUSTERS))
        {
            final Cluster cluster = Subscriptions.cluster(name);
            items.put(cluster, Subscriptions.items(config, cluster));
        }
        return new FeedSettings(config.get(Keys.FEED_URL).replaceAll("/+$", ""), items,
            config.get(Keys.FEED_API_KEY_ENV), config.get(Keys.FEED_CONNECT_TIMEOUT_MS),
            config.get(Keys.FEED_MAX_FRAME_BYTES), config.get(Keys.JOURNAL_RAW_CAPTURE),
            new FeedSession.Timeouts(config.get(Keys.FEED_PING_INTERVAL_MS), config.get(Keys.FEED_LIVENESS_TIMEOUT_MS),
                config.get(Keys.FEED_DATA_WATCHDOG_MS), config.get(Keys.FEED_ACK_TIMEOUT_MS)),
            config.get(Keys.FEED_RECONNECT_BASE_MS), config.get(Keys.FEED_RECONNECT_MAX_MS),
            config.get(Keys.FEED_RECONNECT_RESET_AFTER_MS), config.get(Keys.FEED_EVICTION_COOLDOWN_MS),
            config.get(Keys.FEED_REST_URL), config.get(Keys.FEED_POLL_AFTER_MS), config.get(Keys.FEED_POLL_INTERVAL_MS),
            config.get(Keys.FEED_BACKFILL_BUDGET), config.get(Keys.FEED_BACKFILL_MARGIN_MS));
    }

    /** Each connection has its own policy: the attempt count is per connection. */
    ReconnectPolicy newReconnectPolicy()
    {
        return new ReconnectPolicy(reconnectBaseMillis, reconnectMaxMillis, reconnectResetAfterMillis,
            evictionCooldownMillis, () -> ThreadLocalRandom.current().nextLong());
    }
}

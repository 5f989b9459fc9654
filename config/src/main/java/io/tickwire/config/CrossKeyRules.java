package io.tickwire.config;

import java.util.List;

/**
 * The rules no single key can check, applied when a configuration is loaded — so every consumer (a node,
 * replay, the tools) gets them, and each error names the source of the offending value like any other.
 */
final class CrossKeyRules
{
    private CrossKeyRules()
    {
    }

    static void check(final TickwireConfig config)
    {
        if (config.get(Keys.FEED_RECONNECT_BASE_MS) > config.get(Keys.FEED_RECONNECT_MAX_MS))
        {
            fail(config, Keys.FEED_RECONNECT_BASE_MS, "at most feed.reconnectMaxMs (" +
                config.get(Keys.FEED_RECONNECT_MAX_MS) + ")");
        }
        if (config.get(Keys.FEED_LIVENESS_TIMEOUT_MS) <= config.get(Keys.FEED_PING_INTERVAL_MS))
        {
            fail(config, Keys.FEED_LIVENESS_TIMEOUT_MS, "more than feed.pingIntervalMs (" +
                config.get(Keys.FEED_PING_INTERVAL_MS) + "), or a healthy connection would time out between two pings");
        }
        if (config.get(Keys.HEALTH_STALL_MS) <= 2 * config.get(Keys.ENGINE_TIMER_INTERVAL_MS))
        {
            fail(config, Keys.HEALTH_STALL_MS, "more than twice engine.timerIntervalMs (" +
                config.get(Keys.ENGINE_TIMER_INTERVAL_MS) + "), whose tick is the ingest thread's heartbeat");
        }
        final List<Integer> timeframes = config.get(Keys.BARS_TIMEFRAMES);
        if (config.get(Keys.BARS_CLOSE_DELAY_MS) >= timeframes.get(0))
        {
            fail(config, Keys.BARS_CLOSE_DELAY_MS, "less than the shortest of bars.timeframes (" + timeframes.get(0) + " ms)");
        }
        oneOfTimeframes(config, Keys.SETUPS_ATR_TIMEFRAME, timeframes);
        oneOfTimeframes(config, Keys.METRICS_REGIME_TIMEFRAME, timeframes);
    }

    private static void oneOfTimeframes(final TickwireConfig config, final Key<List<Integer>> key,
        final List<Integer> timeframes)
    {
        if (!timeframes.contains(config.get(key).get(0)))
        {
            fail(config, key, "one of bars.timeframes " + timeframes);
        }
    }

    private static void fail(final TickwireConfig config, final Key<?> key, final String expected)
    {
        throw new ConfigException(config.sourceOf(key), key.name(), expected, "'" + config.text(key) + "'");
    }
}

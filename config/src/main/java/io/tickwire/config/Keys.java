package io.tickwire.config;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Every configuration key tickwire reads, with its type and constraints. The defaults and the prose live
 * in tickwire.properties (shipped in this module); a test keeps the two in step.
 */
public final class Keys
{
    public enum Threading
    {
        AUTO, SHARED, DEDICATED
    }

    public enum WaitStrategyName
    {
        AUTO, BLOCKING, SLEEPING, YIELDING, BUSY_SPIN
    }

    public enum RollCycleName
    {
        LARGE_DAILY, HUGE_DAILY
    }

    public static final Key<String> FEED_URL = Key.custom("feed.url", "a ws:// or wss:// URL",
        (s) -> s.startsWith("ws://") || s.startsWith("wss://") ? s : null);
    public static final Key<List<String>> FEED_CLUSTERS = Key.custom("feed.clusters",
        "a non-empty comma-separated list of stocks, indices, options", Keys::clusters);
    public static final Key<String> FEED_API_KEY_ENV = Key.text("feed.apiKeyEnv", false);
    public static final Key<List<String>> FEED_STOCKS_SYMBOLS = Key.list("feed.stocks.symbols", true);
    public static final Key<List<String>> FEED_STOCKS_CHANNELS = Key.list("feed.stocks.channels", true);
    public static final Key<List<String>> FEED_INDICES_SYMBOLS = Key.list("feed.indices.symbols", true);
    public static final Key<List<String>> FEED_INDICES_CHANNELS = Key.list("feed.indices.channels", true);
    public static final Key<List<String>> FEED_OPTIONS_SYMBOLS = Key.list("feed.options.symbols", true);
    public static final Key<List<String>> FEED_OPTIONS_CHANNELS = Key.list("feed.options.channels", true);
    public static final Key<Integer> FEED_CONNECT_TIMEOUT_MS = Key.integer("feed.connectTimeoutMs", 100, 120_000);
    public static final Key<Integer> FEED_MAX_FRAME_BYTES = Key.integer("feed.maxFrameBytes", 65_536, 1 << 28);
    public static final Key<Integer> FEED_RECONNECT_BASE_MS = Key.integer("feed.reconnectBaseMs", 10, 600_000);
    public static final Key<Integer> FEED_RECONNECT_MAX_MS = Key.integer("feed.reconnectMaxMs", 10, 3_600_000);
    public static final Key<Integer> FEED_RECONNECT_RESET_AFTER_MS =
        Key.integer("feed.reconnectResetAfterMs", 0, 3_600_000);
    public static final Key<Integer> FEED_EVICTION_COOLDOWN_MS = Key.integer("feed.evictionCooldownMs", 100, 3_600_000);
    public static final Key<Integer> FEED_ACK_TIMEOUT_MS = Key.integer("feed.ackTimeoutMs", 100, 600_000);
    public static final Key<Integer> FEED_PING_INTERVAL_MS = Key.integer("feed.pingIntervalMs", 100, 600_000);
    public static final Key<Integer> FEED_LIVENESS_TIMEOUT_MS = Key.integer("feed.livenessTimeoutMs", 200, 3_600_000);
    public static final Key<Integer> FEED_DATA_WATCHDOG_MS = Key.integer("feed.dataWatchdogMs", 0, 3_600_000);
    public static final Key<String> FEED_REST_URL = Key.custom("feed.restUrl", "an http:// or https:// URL",
        (s) -> s.startsWith("http://") || s.startsWith("https://") ? s.replaceAll("/+$", "") : null);
    public static final Key<Integer> FEED_POLL_AFTER_MS = Key.integer("feed.pollAfterMs", 0, 3_600_000);
    public static final Key<Integer> FEED_POLL_INTERVAL_MS = Key.integer("feed.pollIntervalMs", 50, 600_000);
    public static final Key<Integer> FEED_BACKFILL_BUDGET = Key.integer("feed.backfillBudgetSymbolSeconds", 0, 1 << 30);
    public static final Key<Integer> FEED_BACKFILL_MARGIN_MS = Key.integer("feed.backfillMarginMs", 0, 600_000);

    public static final Key<Threading> ENGINE_THREADING = Key.oneOf("engine.threading", Threading.class);
    public static final Key<WaitStrategyName> ENGINE_WAIT_STRATEGY =
        Key.oneOf("engine.waitStrategy", WaitStrategyName.class);
    public static final Key<List<Integer>> ENGINE_CPUS = Key.custom("engine.cpus",
        "a comma-separated list of CPU ids (may be empty)", Keys::cpus);
    public static final Key<Integer> ENGINE_RING_SIZE = Key.powerOfTwo("engine.ringSize", 1024, 1 << 24);
    public static final Key<Integer> ENGINE_TIMER_INTERVAL_MS = Key.integer("engine.timerIntervalMs", 1, 60_000);
    public static final Key<Integer> ENGINE_DEDUPE_WINDOW = Key.powerOfTwo("engine.dedupeWindow", 1024, 1 << 26);
    public static final Key<Integer> ENGINE_WARMUP_EVENTS = Key.integer("engine.warmupEvents", 0, 100_000_000);
    public static final Key<String> ENGINE_DATA_DIR = Key.text("engine.dataDir", false);

    public static final Key<Boolean> JOURNAL_RAW_CAPTURE = Key.bool("journal.rawCapture");
    public static final Key<Boolean> JOURNAL_PREFAULT = Key.bool("journal.prefault");
    public static final Key<Integer> JOURNAL_RETENTION_DAYS = Key.integer("journal.retentionDays", 0, 36_500);
    public static final Key<RollCycleName> JOURNAL_ROLL_CYCLE = Key.oneOf("journal.rollCycle", RollCycleName.class);
    public static final Key<LocalTime> JOURNAL_ROLL_TIME = Key.custom("journal.rollTime", "a UTC time of day HH:MM",
        LocalTime::parse);

    public static final Key<List<Integer>> BARS_TIMEFRAMES = Key.custom("bars.timeframes",
        "a non-empty list of timeframes like 1s,5s,1m that divide a day", Keys::timeframes);
    public static final Key<Integer> BARS_CLOSE_DELAY_MS = Key.integer("bars.closeDelayMs", 0, 60_000);
    public static final Key<Integer> BARS_LATENESS_MS = Key.integer("bars.latenessMs", 0, 86_400_000);
    public static final Key<Integer> BARS_REVISION_INTERVAL_MS = Key.integer("bars.revisionIntervalMs", 0, 86_400_000);
    public static final Key<Integer> BARS_DORMANT_AFTER_MS = Key.integer("bars.dormantAfterMs", 0, 86_400_000);
    public static final Key<List<Integer>> BARS_PRICE_EXCLUDED_CONDITIONS = Key.custom("bars.priceExcludedConditions",
        "a comma-separated list of condition ids 0..255 (may be empty)", Keys::conditions);
    public static final Key<List<Integer>> BARS_VOLUME_EXCLUDED_CONDITIONS = Key.custom(
        "bars.volumeExcludedConditions", "a comma-separated list of condition ids 0..255 (may be empty)",
        Keys::conditions);
    public static final Key<Integer> METRICS_ATR_BARS = Key.integer("metrics.atrBars", 1, 10_000);
    public static final Key<List<String[]>> METRICS_PAIRS = Key.custom("metrics.pairs",
        "a comma-separated list of ETF=INDEX pairs (may be empty)", Keys::pairs);
    public static final Key<Integer> METRICS_PAIR_WINDOW_BARS = Key.integer("metrics.pairWindowBars", 2, 100_000);
    public static final Key<Integer> METRICS_VPIN_BUCKET_VOLUME = Key.integer("metrics.vpinBucketVolume", 1, 1_000_000_000);
    public static final Key<Integer> METRICS_VPIN_BUCKETS = Key.integer("metrics.vpinBuckets", 1, 10_000);
    public static final Key<List<String>> METRICS_REGIME_BASKET = Key.list("metrics.regimeBasket", true);
    public static final Key<List<String>> METRICS_REGIME_SAFE_HAVENS = Key.list("metrics.regimeSafeHavens", true);
    public static final Key<List<Integer>> METRICS_REGIME_TIMEFRAME = Key.custom("metrics.regimeTimeframe",
        "one timeframe like 1m", Keys::timeframes);
    public static final Key<Integer> METRICS_REGIME_WINDOW_BARS = Key.integer("metrics.regimeWindowBars", 2, 100_000);

    public static final Key<String> SETUPS_FILE = Key.text("setups.file", true);
    public static final Key<String> METRICS_BASELINES_FILE = Key.text("metrics.baselinesFile", true);
    public static final Key<List<Integer>> SETUPS_ATR_TIMEFRAME = Key.custom("setups.atrTimeframe",
        "one timeframe like 1m", Keys::timeframes);
    public static final Key<Double> SETUPS_SNAP_ATR = Key.decimal("setups.snapAtr", 0, 100);
    public static final Key<Double> SETUPS_STOP_THREAT_ATR = Key.decimal("setups.stopThreatAtr", 0, 100);
    public static final Key<Integer> SETUPS_ALERT_COOLDOWN_MS = Key.integer("setups.alertCooldownMs", 0, 86_400_000);
    public static final Key<Double> SETUPS_DIVERGENCE_THRESHOLD = Key.decimal("setups.divergenceThreshold", 0, 1000);
    public static final Key<Integer> SETUPS_MAX_PER_SYMBOL = Key.integer("setups.maxPerSymbol", 1, 1_000_000);
    public static final Key<Integer> SETUPS_MAX_LIVE = Key.integer("setups.maxLive", 1, 10_000_000);

    public static final Key<String> GATEWAY_HOST = Key.text("gateway.host", false);
    public static final Key<Integer> GATEWAY_PORT = Key.integer("gateway.port", 0, 65_535);
    public static final Key<Integer> GATEWAY_PRICES_THROTTLE_MS = Key.integer("gateway.pricesThrottleMs", 0, 60_000);
    public static final Key<Integer> GATEWAY_PRICES_THROTTLE_MIN_MS = Key.integer("gateway.pricesThrottleMinMs", 0, 60_000);
    public static final Key<Integer> GATEWAY_MAX_CLIENT_MESSAGE_BYTES =
        Key.integer("gateway.maxClientMessageBytes", 256, 1 << 24);
    public static final Key<Integer> GATEWAY_REQUESTS_PER_SECOND = Key.integer("gateway.requestsPerSecond", 1, 1_000_000);
    public static final Key<Integer> GATEWAY_SETUP_COMMANDS_PER_SECOND =
        Key.integer("gateway.setupCommandsPerSecond", 1, 1_000_000);
    public static final Key<Integer> GATEWAY_SLOW_CLIENT_BYTES = Key.integer("gateway.slowClientBytes", 65_536, 1 << 30);
    public static final Key<Integer> GATEWAY_SLOW_CLIENT_WARN_BYTES = Key.integer("gateway.slowClientWarnBytes", 0, 1 << 30);
    public static final Key<Integer> GATEWAY_HEARTBEAT_INTERVAL_MS = Key.integer("gateway.heartbeatIntervalMs", 10, 3_600_000);
    public static final Key<Integer> GATEWAY_CLIENT_TIMEOUT_MS = Key.integer("gateway.clientTimeoutMs", 0, 86_400_000);
    public static final Key<String> GATEWAY_KEYS_FILE = Key.text("gateway.keysFile", true);
    public static final Key<Boolean> GATEWAY_OPEN = Key.bool("gateway.open");
    public static final Key<List<String>> GATEWAY_ALLOWED_ORIGINS = Key.list("gateway.allowedOrigins", true);
    public static final Key<Integer> GATEWAY_AUTH_TIMEOUT_MS = Key.integer("gateway.authTimeoutMs", 100, 600_000);
    public static final Key<Integer> GATEWAY_AUTH_FAILURES_PER_MINUTE =
        Key.integer("gateway.authFailuresPerMinute", 1, 1_000_000);
    public static final Key<Integer> GATEWAY_REPLAY_BATCH = Key.integer("gateway.replayBatch", 1, 1_000_000);
    public static final Key<Integer> GATEWAY_MAX_REPLAYS = Key.integer("gateway.maxReplays", 0, 1_000);
    public static final Key<Integer> GATEWAY_REPLAY_TIMEOUT_MS = Key.integer("gateway.replayTimeoutMs", 100, 86_400_000);

    public static final Key<String> SIMULATOR_HOST = Key.text("simulator.host", false);
    public static final Key<Integer> SIMULATOR_PORT = Key.integer("simulator.port", 0, 65_535);
    public static final Key<String> SIMULATOR_API_KEY = Key.text("simulator.apiKey", false);
    public static final Key<Long> SIMULATOR_SEED = Key.seed("simulator.seed");
    public static final Key<Integer> SIMULATOR_RATE = Key.integer("simulator.rate", 1, 2_000_000);
    public static final Key<Integer> SIMULATOR_MAX_EVENTS_PER_FRAME = Key.integer("simulator.maxEventsPerFrame", 1, 10_000);

    public static final Key<Integer> DISK_START_NEEDS_MB = Key.integer("disk.startNeedsMb", 0, 1 << 30);
    public static final Key<Integer> DISK_WARN_BELOW_MB = Key.integer("disk.warnBelowMb", 0, 1 << 30);
    public static final Key<Integer> DISK_STOP_BELOW_MB = Key.integer("disk.stopBelowMb", 0, 1 << 30);
    public static final Key<Integer> DISK_CHECK_INTERVAL_MS = Key.integer("disk.checkIntervalMs", 10, 600_000);
    public static final Key<Integer> HEALTH_MAX_RING_LAG = Key.integer("health.maxRingLag", 1, 1 << 30);
    public static final Key<Integer> HEALTH_STALL_MS = Key.integer("health.stallMs", 100, 3_600_000);

    public static final Key<Integer> SIMULATOR_HISTORY_PER_TICKER =
        Key.integer("simulator.historyPerTicker", 100, 10_000_000);
    public static final Key<Integer> DEMO_SUMMARY_INTERVAL_MS = Key.integer("demo.summaryIntervalMs", 100, 60_000);

    static final List<Key<?>> ALL = List.of(
        FEED_URL, FEED_CLUSTERS, FEED_API_KEY_ENV, FEED_STOCKS_SYMBOLS, FEED_STOCKS_CHANNELS, FEED_INDICES_SYMBOLS,
        FEED_INDICES_CHANNELS, FEED_OPTIONS_SYMBOLS, FEED_OPTIONS_CHANNELS, FEED_CONNECT_TIMEOUT_MS,
        FEED_MAX_FRAME_BYTES, FEED_RECONNECT_BASE_MS, FEED_RECONNECT_MAX_MS, FEED_RECONNECT_RESET_AFTER_MS,
        FEED_EVICTION_COOLDOWN_MS, FEED_ACK_TIMEOUT_MS, FEED_PING_INTERVAL_MS, FEED_LIVENESS_TIMEOUT_MS,
        FEED_DATA_WATCHDOG_MS, FEED_REST_URL, FEED_POLL_AFTER_MS, FEED_POLL_INTERVAL_MS, FEED_BACKFILL_BUDGET,
        FEED_BACKFILL_MARGIN_MS, ENGINE_THREADING, ENGINE_WAIT_STRATEGY, ENGINE_CPUS, ENGINE_RING_SIZE,
        ENGINE_TIMER_INTERVAL_MS, ENGINE_DEDUPE_WINDOW, ENGINE_WARMUP_EVENTS, ENGINE_DATA_DIR, JOURNAL_RAW_CAPTURE, JOURNAL_PREFAULT, JOURNAL_ROLL_CYCLE, JOURNAL_ROLL_TIME,
        JOURNAL_RETENTION_DAYS,
        BARS_TIMEFRAMES, BARS_CLOSE_DELAY_MS, BARS_LATENESS_MS, BARS_REVISION_INTERVAL_MS, BARS_DORMANT_AFTER_MS,
        BARS_PRICE_EXCLUDED_CONDITIONS,
        BARS_VOLUME_EXCLUDED_CONDITIONS, METRICS_ATR_BARS, METRICS_PAIRS, METRICS_PAIR_WINDOW_BARS,
        METRICS_VPIN_BUCKET_VOLUME, METRICS_VPIN_BUCKETS, METRICS_REGIME_BASKET, METRICS_REGIME_SAFE_HAVENS,
        METRICS_REGIME_TIMEFRAME, METRICS_REGIME_WINDOW_BARS, METRICS_BASELINES_FILE, SETUPS_FILE, SETUPS_ATR_TIMEFRAME, SETUPS_SNAP_ATR,
        SETUPS_STOP_THREAT_ATR, SETUPS_ALERT_COOLDOWN_MS, SETUPS_DIVERGENCE_THRESHOLD,
        SETUPS_MAX_PER_SYMBOL, SETUPS_MAX_LIVE, GATEWAY_HOST, GATEWAY_PORT,
        GATEWAY_PRICES_THROTTLE_MS, GATEWAY_PRICES_THROTTLE_MIN_MS, GATEWAY_MAX_CLIENT_MESSAGE_BYTES, GATEWAY_SLOW_CLIENT_BYTES, GATEWAY_SLOW_CLIENT_WARN_BYTES,
        GATEWAY_HEARTBEAT_INTERVAL_MS, GATEWAY_CLIENT_TIMEOUT_MS,
        GATEWAY_KEYS_FILE, GATEWAY_OPEN, GATEWAY_ALLOWED_ORIGINS, GATEWAY_AUTH_TIMEOUT_MS,
        GATEWAY_AUTH_FAILURES_PER_MINUTE, GATEWAY_REPLAY_BATCH, GATEWAY_MAX_REPLAYS, GATEWAY_REPLAY_TIMEOUT_MS,
        GATEWAY_REQUESTS_PER_SECOND,
        GATEWAY_SETUP_COMMANDS_PER_SECOND, SIMULATOR_HOST,
        SIMULATOR_PORT, SIMULATOR_API_KEY, SIMULATOR_SEED, SIMULATOR_RATE, SIMULATOR_MAX_EVENTS_PER_FRAME,
        SIMULATOR_HISTORY_PER_TICKER,
        DISK_START_NEEDS_MB, DISK_WARN_BELOW_MB, DISK_STOP_BELOW_MB, DISK_CHECK_INTERVAL_MS, HEALTH_MAX_RING_LAG,
        HEALTH_STALL_MS, DEMO_SUMMARY_INTERVAL_MS);

    private Keys()
    {
    }

    private static List<String> clusters(final String text)
    {
        final List<String> items = new ArrayList<>();
        for (final String item : text.split(","))
        {
            final String name = item.trim();
            if (!name.equals("stocks") && !name.equals("indices") && !name.equals("options") || items.contains(name))
            {
                return null;
            }
            items.add(name);
        }
        return List.copyOf(items);
    }

    private static List<Integer> conditions(final String text)
    {
        final List<Integer> items = new ArrayList<>();
        for (final String item : text.split(","))
        {
            if (!item.isBlank())
            {
                final int c = Integer.parseInt(item.trim());
                if (c < 0 || c > 255)
                {
                    return null;
                }
                items.add(c);
            }
        }
        return List.copyOf(items);
    }

    private static List<String[]> pairs(final String text)
    {
        final List<String[]> items = new ArrayList<>();
        for (final String item : text.split(","))
        {
            if (item.isBlank())
            {
                continue;
            }
            final int eq = item.indexOf('=');
            if (eq <= 0 || eq == item.length() - 1)
            {
                return null;
            }
            items.add(new String[]{item.substring(0, eq).trim(), item.substring(eq + 1).trim()});
        }
        return List.copyOf(items);
    }

    private static List<Integer> cpus(final String text)
    {
        final List<Integer> items = new ArrayList<>();
        for (final String item : text.split(","))
        {
            if (!item.isBlank())
            {
                final int cpu = Integer.parseInt(item.trim());
                if (cpu < 0)
                {
                    return null;
                }
                items.add(cpu);
            }
        }
        return List.copyOf(items);
    }

    /** Timeframes in milliseconds, ascending, each dividing a day so every bar boundary is aligned. */
    private static List<Integer> timeframes(final String text)
    {
        final List<Integer> millis = new ArrayList<>();
        for (final String item : text.split(","))
        {
            final String tf = item.trim();
            final int unit = tf.endsWith("s") ? 1000 : tf.endsWith("m") ? 60_000 : 0;
            final int count = Integer.parseInt(tf.substring(0, tf.length() - 1));
            final long ms = (long)unit * count;
            if (unit == 0 || count <= 0 || 86_400_000L % ms != 0 || millis.contains((int)ms))
            {
                return null;
            }
            millis.add((int)ms);
        }
        millis.sort(Integer::compare);
        return millis.isEmpty() ? null : List.copyOf(millis);
    }
}

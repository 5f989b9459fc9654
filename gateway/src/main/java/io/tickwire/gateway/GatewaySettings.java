package io.tickwire.gateway;

import io.tickwire.config.Keys;
import io.tickwire.config.TickwireConfig;

import io.tickwire.model.EpochClock;
import org.agrona.concurrent.EpochNanoClock;

import java.util.List;

/** How a gateway is started. */
public final class GatewaySettings
{
    String host;
    int port;
    long pricesThrottleNanos;
    int pricesThrottleMinMillis;
    int maxClientMessageBytes;
    int slowClientBytes;
    int slowClientWarnBytes;
    long heartbeatNanos;
    long clientTimeoutNanos;
    String keysFile;
    List<String> allowedOrigins;
    long authTimeoutNanos;
    int authFailuresPerMinute;
    int replayBatch;
    int maxReplays;
    long replayTimeoutNanos;
    int requestsPerSecond;
    int setupCommandsPerSecond;
    long stallNanos;
    List<Integer> timeframesMillis;
    boolean busySpin;
    /** The wall clock the gateway stamps messages with and delays a delayed tier by; a test may set its own. */
    EpochNanoClock epochClock = EpochClock.INSTANCE;

    private GatewaySettings()
    {
    }

    /** The shipped defaults (config/tickwire.properties): the one source of every default. */
    public static GatewaySettings defaults()
    {
        return from(TickwireConfig.defaults(), false);
    }

    public static GatewaySettings from(final TickwireConfig config, final boolean busySpin)
    {
        final GatewaySettings s = new GatewaySettings();
        s.host = config.get(Keys.GATEWAY_HOST);
        s.port = config.get(Keys.GATEWAY_PORT);
        s.pricesThrottleNanos = config.get(Keys.GATEWAY_PRICES_THROTTLE_MS) * 1_000_000L;
        s.pricesThrottleMinMillis = config.get(Keys.GATEWAY_PRICES_THROTTLE_MIN_MS);
        s.maxClientMessageBytes = config.get(Keys.GATEWAY_MAX_CLIENT_MESSAGE_BYTES);
        s.slowClientBytes = config.get(Keys.GATEWAY_SLOW_CLIENT_BYTES);
        s.slowClientWarnBytes = config.get(Keys.GATEWAY_SLOW_CLIENT_WARN_BYTES);
        s.heartbeatNanos = config.get(Keys.GATEWAY_HEARTBEAT_INTERVAL_MS) * 1_000_000L;
        s.clientTimeoutNanos = config.get(Keys.GATEWAY_CLIENT_TIMEOUT_MS) * 1_000_000L;
        s.keysFile = config.get(Keys.GATEWAY_KEYS_FILE);
        s.allowedOrigins = config.get(Keys.GATEWAY_ALLOWED_ORIGINS);
        s.authTimeoutNanos = config.get(Keys.GATEWAY_AUTH_TIMEOUT_MS) * 1_000_000L;
        s.authFailuresPerMinute = config.get(Keys.GATEWAY_AUTH_FAILURES_PER_MINUTE);
        s.replayBatch = config.get(Keys.GATEWAY_REPLAY_BATCH);
        s.maxReplays = config.get(Keys.GATEWAY_MAX_REPLAYS);
        s.replayTimeoutNanos = config.get(Keys.GATEWAY_REPLAY_TIMEOUT_MS) * 1_000_000L;
        s.requestsPerSecond = config.get(Keys.GATEWAY_REQUESTS_PER_SECOND);
        s.setupCommandsPerSecond = config.get(Keys.GATEWAY_SETUP_COMMANDS_PER_SECOND);
        s.stallNanos = config.get(Keys.HEALTH_STALL_MS) * 1_000_000L;
        s.timeframesMillis = config.get(Keys.BARS_TIMEFRAMES);
        s.busySpin = busySpin;
        return s;
    }

    /** Desks need a key from this file (docs/operations.md, "Keys"). */
    public GatewaySettings keysFile(final java.nio.file.Path file)
    {
        keysFile = file.toString();
        return this;
    }

    public GatewaySettings allowedOrigins(final List<String> origins)
    {
        allowedOrigins = origins;
        return this;
    }

    public GatewaySettings authTimeoutMillis(final int value)
    {
        authTimeoutNanos = value * 1_000_000L;
        return this;
    }

    public GatewaySettings epochClock(final EpochNanoClock clock)
    {
        epochClock = clock;
        return this;
    }

    public GatewaySettings port(final int value)
    {
        port = value;
        return this;
    }

    public GatewaySettings rateLimits(final int requestsPerSecond, final int setupCommandsPerSecond)
    {
        this.requestsPerSecond = requestsPerSecond;
        this.setupCommandsPerSecond = setupCommandsPerSecond;
        return this;
    }

    /** @param warnBytes unsent bytes that earn a warning; @param disconnectBytes unsent bytes that end the session */
    public GatewaySettings slowClients(final int warnBytes, final int disconnectBytes)
    {
        slowClientWarnBytes = warnBytes;
        slowClientBytes = disconnectBytes;
        return this;
    }

    public GatewaySettings heartbeatIntervalMillis(final int value)
    {
        heartbeatNanos = value * 1_000_000L;
        return this;
    }

    /** 0: a silent desk is never closed. */
    public GatewaySettings clientTimeoutMillis(final int value)
    {
        clientTimeoutNanos = value * 1_000_000L;
        return this;
    }

    /** @param batch records a replay reads per duty cycle */
    public GatewaySettings replay(final int batch, final int timeoutMillis)
    {
        replayBatch = batch;
        replayTimeoutNanos = timeoutMillis * 1_000_000L;
        return this;
    }

    public GatewaySettings pricesThrottleMillis(final int value)
    {
        pricesThrottleNanos = value * 1_000_000L;
        return this;
    }
}

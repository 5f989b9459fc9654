package io.tickwire.gateway;

import io.tickwire.config.Keys;
import io.tickwire.config.TickwireConfig;

import java.util.List;

/** How a gateway is started. */
public final class GatewaySettings
{
    String host = "127.0.0.1";
    int port;
    long pricesThrottleNanos = 250_000_000L;
    int maxClientMessageBytes = 65_536;
    int slowClientBytes = 16 << 20;
    List<Integer> timeframesMillis = List.of(1000, 5000, 60_000);
    boolean busySpin;

    public static GatewaySettings from(final TickwireConfig config, final boolean busySpin)
    {
        final GatewaySettings s = new GatewaySettings();
        s.host = config.get(Keys.GATEWAY_HOST);
        s.port = config.get(Keys.GATEWAY_PORT);
        s.pricesThrottleNanos = config.get(Keys.GATEWAY_PRICES_THROTTLE_MS) * 1_000_000L;
        s.maxClientMessageBytes = config.get(Keys.GATEWAY_MAX_CLIENT_MESSAGE_BYTES);
        s.slowClientBytes = config.get(Keys.GATEWAY_SLOW_CLIENT_BYTES);
        s.timeframesMillis = config.get(Keys.BARS_TIMEFRAMES);
        s.busySpin = busySpin;
        return s;
    }

    public GatewaySettings port(final int value)
    {
        port = value;
        return this;
    }

    public GatewaySettings pricesThrottleMillis(final int value)
    {
        pricesThrottleNanos = value * 1_000_000L;
        return this;
    }
}

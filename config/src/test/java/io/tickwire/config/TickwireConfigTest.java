package io.tickwire.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TickwireConfigTest
{
    @TempDir
    Path dir;

    @Test
    void shouldShipADefaultForEveryKeyAndNoOtherKeys() throws IOException
    {
        final Properties props = new Properties();
        try (InputStream in = TickwireConfig.class.getResourceAsStream(TickwireConfig.DEFAULTS_RESOURCE))
        {
            props.load(in);
        }
        final Set<String> schema = new HashSet<>();
        Keys.ALL.forEach((k) -> schema.add(k.name()));
        assertEquals(schema, props.stringPropertyNames());
    }

    @Test
    void shouldParseTypedDefaults()
    {
        final TickwireConfig config = TickwireConfig.load(null, Map.of(), Map.of());
        assertEquals(65536, config.get(Keys.ENGINE_RING_SIZE));
        assertEquals(List.of(1000, 5000, 60_000), config.get(Keys.BARS_TIMEFRAMES));
        assertEquals(Keys.Threading.AUTO, config.get(Keys.ENGINE_THREADING));
        assertEquals(List.of("stocks", "indices", "options"), config.get(Keys.FEED_CLUSTERS));
    }

    @Test
    void shouldLayerFileThenCommandLine() throws IOException
    {
        final Path file = dir.resolve("desk.properties");
        Files.writeString(file, "engine.ringSize=4096\ngateway.port=9000\n");
        final TickwireConfig config = TickwireConfig.load(file, Map.of("gateway.port", "9100"), Map.of());
        assertEquals(4096, config.get(Keys.ENGINE_RING_SIZE));
        assertEquals(9100, config.get(Keys.GATEWAY_PORT));
    }

    @Test
    void shouldNameFileKeyAndExpectationForABadValue() throws IOException
    {
        final Path file = dir.resolve("bad.properties");
        Files.writeString(file, "engine.ringSize=1000\n");
        final ConfigException ex = assertThrows(ConfigException.class, () -> TickwireConfig.load(file, Map.of(), Map.of()));
        assertEquals(file.toString(), ex.source());
        assertEquals("engine.ringSize", ex.key());
        assertTrue(ex.getMessage().contains("a power of two from 1024 to 16777216"), ex.getMessage());
        assertTrue(ex.getMessage().contains("'1000'"), ex.getMessage());
    }

    @Test
    void shouldRejectAnUnknownKeyWithASuggestion() throws IOException
    {
        final Path file = dir.resolve("typo.properties");
        Files.writeString(file, "engine.ringSzie=4096\n");
        final ConfigException ex = assertThrows(ConfigException.class, () -> TickwireConfig.load(file, Map.of(), Map.of()));
        assertEquals("engine.ringSzie", ex.key());
        assertTrue(ex.getMessage().contains("did you mean 'engine.ringSize'"), ex.getMessage());
    }

    @Test
    void shouldRejectTimeframesThatDoNotDivideADay()
    {
        final ConfigException ex = assertThrows(ConfigException.class,
            () -> TickwireConfig.load(null, Map.of("bars.timeframes", "1s,7m"), Map.of()));
        assertEquals(TickwireConfig.COMMAND_LINE, ex.source());
        assertEquals("bars.timeframes", ex.key());
    }

    @Test
    void shouldCheckRulesThatSpanKeysNamingWhereTheValueCameFrom() throws IOException
    {
        final Path file = dir.resolve("feed.properties");
        Files.writeString(file, "feed.livenessTimeoutMs=800\n");
        final ConfigException liveness = assertThrows(ConfigException.class,
            () -> TickwireConfig.load(file, Map.of("feed.pingIntervalMs", "1000"), Map.of()));
        assertEquals(file.toString(), liveness.source());
        assertEquals("feed.livenessTimeoutMs", liveness.key());
        assertTrue(liveness.getMessage().contains("more than feed.pingIntervalMs (1000)"), liveness.getMessage());

        final ConfigException atr = assertThrows(ConfigException.class,
            () -> TickwireConfig.load(null, Map.of("bars.timeframes", "1s,5s"), Map.of()));
        assertEquals("setups.atrTimeframe", atr.key(), "the default 1m is no longer a bar timeframe");
        assertTrue(atr.source().startsWith("defaults"), atr.source());
        assertTrue(atr.getMessage().contains("one of bars.timeframes [1000, 5000]"), atr.getMessage());

        final ConfigException closeDelay = assertThrows(ConfigException.class,
            () -> TickwireConfig.load(null, Map.of("bars.closeDelayMs", "1000"), Map.of()));
        assertEquals("bars.closeDelayMs", closeDelay.key());
        assertEquals(TickwireConfig.COMMAND_LINE, closeDelay.source());
    }

    @Test
    void shouldReportAMissingFile()
    {
        final Path missing = dir.resolve("nope.properties");
        final ConfigException ex = assertThrows(ConfigException.class, () -> TickwireConfig.load(missing, Map.of(), Map.of()));
        assertTrue(ex.getMessage().startsWith(missing.toString()), ex.getMessage());
    }

    @Test
    void shouldReadTheApiKeyOnlyFromTheNamedEnvironmentVariable()
    {
        assertNull(TickwireConfig.load(null, Map.of(), Map.of()).apiKey());
        assertEquals("k1", TickwireConfig.load(null, Map.of(), Map.of("MASSIVE_API_KEY", "k1")).apiKey());
        assertEquals("k2",
            TickwireConfig.load(null, Map.of("feed.apiKeyEnv", "DESK_KEY"), Map.of("DESK_KEY", "k2")).apiKey());
    }

    @Test
    void shouldApplyOverridesOnACopy()
    {
        final TickwireConfig base = TickwireConfig.load(null, Map.of(), Map.of());
        final TickwireConfig copy = base.with(Map.of("feed.url", "ws://127.0.0.1:1234"));
        assertEquals("ws://127.0.0.1:1234", copy.get(Keys.FEED_URL));
        assertEquals("wss://socket.massive.com", base.get(Keys.FEED_URL));
        assertEquals(List.of(1000, 5000, 60_000), copy.get(Keys.BARS_TIMEFRAMES));
    }
}

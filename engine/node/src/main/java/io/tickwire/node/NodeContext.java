package io.tickwire.node;

import io.tickwire.config.ConfigException;
import io.tickwire.config.Key;
import io.tickwire.config.Keys;
import io.tickwire.config.TickwireConfig;
import io.tickwire.engine.ring.Pipeline;
import io.tickwire.engine.ring.ThreadingLayout;
import io.tickwire.engine.setups.SetupSettings;
import io.tickwire.gateway.GatewaySettings;
import io.tickwire.massive.FeedSettings;
import io.tickwire.model.setups.SetupJson;
import io.tickwire.model.setups.SetupRequest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything a node is built from, concluded once before anything is opened: the configuration (whose
 * shipped properties hold every default), the parts to run, and every setting derived from them. {@link
 * #conclude()} checks the rules that span keys and names the source of the offending value (a file or the
 * command line), reads the setups file, and resolves the threading layout — the way Aeron's
 * {@code MediaDriver.Context} does — so a bad configuration fails before a journal or a port is opened.
 */
public final class NodeContext
{
    /** Which parts of a node run in this process. */
    public enum Parts
    {
        /** Engine and gateway: the usual node. */
        ENGINE_AND_GATEWAY,
        /** The engine alone; desks are served by a gateway process tailing its output journal. */
        ENGINE,
        /** A gateway alone, tailing the output journal of an engine on the same host. */
        GATEWAY
    }

    private TickwireConfig config;
    private String apiKey;
    private Parts parts = Parts.ENGINE_AND_GATEWAY;
    private boolean anyGatewayPortIfTaken;
    private boolean concluded;

    private ThreadingLayout layout;
    private Path dataDir;
    private Pipeline.Settings pipeline;
    private FeedSettings feed;
    private GatewaySettings gateway;
    private List<SetupRequest> fileSetups;

    public NodeContext config(final TickwireConfig value)
    {
        config = value;
        return this;
    }

    /** The feed's API key; never logged. */
    public NodeContext apiKey(final String value)
    {
        apiKey = value;
        return this;
    }

    public NodeContext parts(final Parts value)
    {
        parts = value;
        return this;
    }

    /** For the demo: when the configured gateway port is taken, take any free one instead of failing. */
    public NodeContext anyGatewayPortIfTaken(final boolean value)
    {
        anyGatewayPortIfTaken = value;
        return this;
    }

    /** Validates and derives everything; idempotent. @throws ConfigException naming source, key and value. */
    public NodeContext conclude()
    {
        if (concluded)
        {
            return this;
        }
        if (config == null)
        {
            config = TickwireConfig.defaults();
        }
        checkCrossKeyRules(config);
        layout = ThreadingLayout.resolve(config.get(Keys.ENGINE_THREADING), config.get(Keys.ENGINE_WAIT_STRATEGY),
            Runtime.getRuntime().availableProcessors());
        dataDir = Path.of(config.get(Keys.ENGINE_DATA_DIR));
        if (runsEngine())
        {
            fileSetups = readSetupsFile(config);
            pipeline = Pipeline.Settings.from(config, layout);
            feed = FeedSettings.from(config);
        }
        if (runsGateway())
        {
            gateway = GatewaySettings.from(config, layout.dedicated());
        }
        concluded = true;
        return this;
    }

    boolean runsEngine()
    {
        return parts != Parts.GATEWAY;
    }

    boolean runsGateway()
    {
        return parts != Parts.ENGINE;
    }

    TickwireConfig config()
    {
        return config;
    }

    String apiKey()
    {
        return apiKey;
    }

    boolean anyGatewayPortIfTaken()
    {
        return anyGatewayPortIfTaken;
    }

    ThreadingLayout layout()
    {
        return layout;
    }

    Path dataDir()
    {
        return dataDir;
    }

    Path journalDir(final String name)
    {
        return dataDir.resolve("journals").resolve(name);
    }

    Pipeline.Settings pipeline()
    {
        return pipeline;
    }

    SetupSettings setups()
    {
        return SetupSettings.from(config);
    }

    FeedSettings feed()
    {
        return feed;
    }

    GatewaySettings gateway()
    {
        return gateway;
    }

    List<SetupRequest> fileSetups()
    {
        return fileSetups;
    }

    /** Rules no single key can check. */
    static void checkCrossKeyRules(final TickwireConfig config)
    {
        atMost(config, Keys.FEED_RECONNECT_BASE_MS, Keys.FEED_RECONNECT_MAX_MS);
        if (config.get(Keys.FEED_LIVENESS_TIMEOUT_MS) <= config.get(Keys.FEED_PING_INTERVAL_MS))
        {
            throw new ConfigException(config.sourceOf(Keys.FEED_LIVENESS_TIMEOUT_MS), Keys.FEED_LIVENESS_TIMEOUT_MS.name(),
                "more than feed.pingIntervalMs (" + config.get(Keys.FEED_PING_INTERVAL_MS) + "), or a healthy " +
                "connection would time out between two pings", String.valueOf(config.get(Keys.FEED_LIVENESS_TIMEOUT_MS)));
        }
        final List<Integer> timeframes = config.get(Keys.BARS_TIMEFRAMES);
        if (config.get(Keys.BARS_CLOSE_DELAY_MS) >= timeframes.get(0))
        {
            throw new ConfigException(config.sourceOf(Keys.BARS_CLOSE_DELAY_MS), Keys.BARS_CLOSE_DELAY_MS.name(),
                "less than the shortest timeframe (" + timeframes.get(0) + " ms)",
                String.valueOf(config.get(Keys.BARS_CLOSE_DELAY_MS)));
        }
        oneOfTimeframes(config, Keys.SETUPS_ATR_TIMEFRAME);
    }

    private static void atMost(final TickwireConfig config, final Key<Integer> lower, final Key<Integer> upper)
    {
        if (config.get(lower) > config.get(upper))
        {
            throw new ConfigException(config.sourceOf(lower), lower.name(), "at most " + upper.name() + " (" +
                config.get(upper) + ")", String.valueOf(config.get(lower)));
        }
    }

    private static void oneOfTimeframes(final TickwireConfig config, final Key<List<Integer>> key)
    {
        final List<Integer> timeframes = config.get(Keys.BARS_TIMEFRAMES);
        if (!timeframes.contains(config.get(key).get(0)))
        {
            throw new ConfigException(config.sourceOf(key), key.name(), "one of the bars.timeframes " + timeframes,
                config.get(key).get(0) + " ms");
        }
    }

    private static List<SetupRequest> readSetupsFile(final TickwireConfig config)
    {
        final String file = config.get(Keys.SETUPS_FILE);
        if (file.isEmpty())
        {
            return List.of();
        }
        try
        {
            return SetupJson.parseAll(Files.readString(Path.of(file)));
        }
        catch (final IOException ex)
        {
            throw new ConfigException(file, Keys.SETUPS_FILE.name(), "a readable JSON file of setups", ex.toString());
        }
        catch (final SetupJson.InvalidSetup ex)
        {
            throw new ConfigException(file, Keys.SETUPS_FILE.name() + " " + ex.field(), ex.expected(), "something else");
        }
    }
}

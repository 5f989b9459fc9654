package io.tickwire.node;

import io.tickwire.config.ConfigException;
import io.tickwire.config.Keys;
import io.tickwire.config.TickwireConfig;
import io.tickwire.engine.ring.Pipeline;
import io.tickwire.engine.ring.ThreadingLayout;
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
 * shipped properties hold every default, and whose loader has checked every key and every rule that spans
 * keys), the parts to run, and every setting derived from them. {@link #conclude()} derives those settings,
 * reads the setups file and resolves the threading layout — the way Aeron's {@code MediaDriver.Context}
 * does — so a bad configuration fails before a journal or a port is opened.
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
    private FreeSpaceProbe freeSpace = FreeSpaceProbe.VOLUME;
    private boolean concluded;

    private ThreadingLayout layout;
    private Path dataDir;
    private Pipeline.Settings pipeline;
    private FeedSettings feed;
    private GatewaySettings gateway;
    private List<SetupRequest> fileSetups;
    private Baselines baselines;

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

    /** How the disk watchdog reads free space (default: the data directory's file store). */
    public NodeContext freeSpace(final FreeSpaceProbe probe)
    {
        this.freeSpace = probe;
        return this;
    }

    FreeSpaceProbe freeSpace()
    {
        return freeSpace;
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
        layout = ThreadingLayout.of(config);
        dataDir = Path.of(config.get(Keys.ENGINE_DATA_DIR));
        if (runsEngine())
        {
            checkCpusExist(config, Runtime.getRuntime().availableProcessors());
            fileSetups = readSetupsFile(config);
            baselines = Baselines.read(config, dataDir);
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

    /** engine.cpus names CPUs to pin to: each must exist on this machine (checked here, not at load: replay may run elsewhere). */
    static void checkCpusExist(final TickwireConfig config, final int available)
    {
        for (final int cpu : config.get(Keys.ENGINE_CPUS))
        {
            if (cpu >= available)
            {
                throw new ConfigException(config.sourceOf(Keys.ENGINE_CPUS), Keys.ENGINE_CPUS.name(),
                    "CPU ids below " + available + " (this machine's CPUs)", "'" + config.text(Keys.ENGINE_CPUS) + "'");
            }
        }
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

    /** The baselines a start journals (none when no file is there). */
    Baselines baselines()
    {
        return baselines;
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

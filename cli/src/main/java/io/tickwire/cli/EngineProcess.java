package io.tickwire.cli;

import io.tickwire.config.TickwireConfig;
import io.tickwire.engine.TickwireEngine;
import io.tickwire.gateway.GatewayServer;
import io.tickwire.gateway.GatewaySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.BindException;

/** Engine plus gateway, started and stopped together (gateway first to stop, as it reads the journal). */
public final class EngineProcess implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(EngineProcess.class);

    private final TickwireEngine engine;
    private final GatewayServer gateway;

    public EngineProcess(final TickwireConfig config, final String apiKey, final boolean fallBackToAnyPort)
    {
        engine = new TickwireEngine(config, apiKey);
        final GatewaySettings settings = GatewaySettings.from(config, engine.layout().dedicated());
        GatewayServer started;
        try
        {
            started = GatewayServer.start(settings, engine.outputJournal(), () -> engine.counters().snapshot(),
                engine::submitSetup);
        }
        catch (final Exception ex) // Netty rethrows the checked BindException undeclared
        {
            if (!isBind(ex) || !fallBackToAnyPort)
            {
                engine.close();
                throw ex instanceof RuntimeException ? (RuntimeException)ex : new IllegalStateException(ex);
            }
            LOG.warn("gateway port in use; using any free port instead");
            started = GatewayServer.start(settings.port(0), engine.outputJournal(), () -> engine.counters().snapshot(),
                engine::submitSetup);
        }
        gateway = started;
        engine.start();
    }

    public TickwireEngine engine()
    {
        return engine;
    }

    public GatewayServer gateway()
    {
        return gateway;
    }

    @Override
    public void close()
    {
        gateway.close();
        engine.close();
    }

    private static boolean isBind(final Throwable ex)
    {
        return ex instanceof BindException || ex.getMessage() != null && ex.getMessage().contains("Address already in use");
    }
}

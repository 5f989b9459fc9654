package io.tickwire.gateway;

import io.tickwire.testing.WebSocketTestClient;

import java.nio.file.Path;

/**
 * A gateway over an output journal the test writes (no engine beside it), on port 0 of loopback, and its desks;
 * closed with the test. For the gateway's tests and the client's.
 */
public final class TestGateway implements AutoCloseable
{
    public final OutputRecords records;
    private GatewayServer gateway;

    public TestGateway(final Path dir)
    {
        records = new OutputRecords(dir.resolve("output"));
    }

    /** Starts (or, after {@link #stop}, restarts) the gateway. */
    public GatewayServer start(final GatewaySettings settings)
    {
        gateway = GatewayServer.start(settings, records.journal, EngineLink.none((reason) -> { }));
        return gateway;
    }

    public GatewayServer server()
    {
        return gateway;
    }

    /** A desk connected to {@code /ws} plus {@code query}, once the gateway has welcomed it. */
    public WebSocketTestClient connect(final String query) throws InterruptedException
    {
        final WebSocketTestClient client = WebSocketTestClient.connect(gateway.webSocketUrl() + query);
        client.await((m) -> m.contains("\"type\":\"welcome\""), 5_000);
        return client;
    }

    /** The gateway goes (its desks' connections drop); the journal stays. */
    public void stop()
    {
        if (gateway != null)
        {
            gateway.close();
            gateway = null;
        }
    }

    @Override
    public void close()
    {
        stop();
        records.close();
    }
}

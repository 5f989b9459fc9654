package io.tickwire.gateway;

import io.tickwire.testing.WebSocketTestClient;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A gateway over an output journal the test writes (no engine beside it), on port 0 of loopback, and its desks;
 * closed with the test. For the gateway's tests and the client's.
 */
public final class TestGateway implements AutoCloseable
{
    public final OutputRecords records;
    private GatewayServer gateway;
    private final List<Long> spyTrades = new ArrayList<>();
    private long time = OutputRecords.T0;

    public TestGateway(final Path dir)
    {
        records = new OutputRecords(dir.resolve("output"));
    }

    /** Two symbols, SPY (1) and QQQ (2), for {@link #trades}. */
    public TestGateway spyAndQqq()
    {
        records.symbol(1, "SPY");
        records.symbol(2, "QQQ");
        return this;
    }

    /** {@code count} pairs of trades a millisecond apart, SPY then QQQ; each SPY one's position is kept. */
    public void trades(final int count)
    {
        for (int i = 0; i < count; i++)
        {
            time += 1_000_000L;
            spyTrades.add(records.trade(1, time, 600_000_000L + i, 100));
            records.trade(2, time, 500_000_000L + i, 100);
        }
    }

    /** The journal position of every SPY trade {@link #trades} wrote, in order. */
    public List<Long> spyTrades()
    {
        return spyTrades;
    }

    /** The time of the last trades written. */
    public long time()
    {
        return time;
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

package io.tickwire.client;

import io.tickwire.gateway.GatewayServer;
import io.tickwire.gateway.GatewaySettings;
import io.tickwire.gateway.TestGateway;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client against a real gateway over loopback: a gateway killed and restarted mid-stream, records written
 * while it was down, and the desk's code sees every SPY trade after its snapshot once, in journal order.
 */
class TickwireClientTest
{
    @TempDir
    Path dir;

    @AutoClose
    private TestGateway test;
    private GatewayServer gateway;
    private final List<DeskMessage> delivered = new CopyOnWriteArrayList<>();
    private final List<String> disconnects = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start()
    {
        test = new TestGateway(dir).spyAndQqq();
    }

    @Test
    void shouldResumeAcrossAGatewayRestartWithNoGapAndNoDuplicate() throws Exception
    {
        test.trades(1); // the snapshot
        gateway = startGateway(0);
        final int port = gateway.port();
        try (TickwireClient client = TickwireClient.builder(URI.create(gateway.webSocketUrl()))
            .heartbeatTimeout(Duration.ofSeconds(2)).reconnectDelay(Duration.ofMillis(50))
            .listener(new DeskListener()
            {
                @Override
                public void onTrade(final Trade trade)
                {
                    delivered.add(trade.message());
                }

                @Override
                public void onDisconnected(final String reason)
                {
                    disconnects.add(reason);
                }
            }).connect())
        {
            client.subscribe(List.of("trades"), List.of("SPY"));
            await(() -> delivered.size() == 1, "the snapshot");
            test.trades(300);
            await(() -> delivered.size() == 301, "the live trades");
            test.stop(); // killed: the desk's socket drops
            await(() -> !disconnects.isEmpty(), "the client saw the drop");
            test.trades(500); // written while no gateway runs
            gateway = startGateway(port);
            test.trades(300); // while the client reconnects and replays
            final long last = test.spyTrades().get(test.spyTrades().size() - 1);
            await(() -> !delivered.isEmpty() && delivered.get(delivered.size() - 1).js() == last, "the last trade");

            assertTrue(delivered.get(0).isSnapshot());
            final List<Long> positions = delivered.subList(1, delivered.size()).stream().map(DeskMessage::js).toList();
            assertEquals(test.spyTrades().subList(1, test.spyTrades().size()), positions, "every trade after the snapshot, once, in order");
            assertTrue(delivered.stream().anyMatch(DeskMessage::isReplay), "the missed ones came from the journal");
            assertEquals(0, client.duplicatesDropped());
            assertTrue(client.reconnects() >= 1);
        }
    }

    private GatewayServer startGateway(final int port) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true)
        {
            try
            {
                return test.start(GatewaySettings.defaults().port(port).heartbeatIntervalMillis(200));
            }
            catch (final RuntimeException ex) // the old socket's port, not yet free again
            {
                if (System.nanoTime() > deadline)
                {
                    throw ex;
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }
    }

    private static void await(final BooleanSupplier condition, final String what) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean())
        {
            assertTrue(System.nanoTime() < deadline, what + " within 20 s");
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }
}

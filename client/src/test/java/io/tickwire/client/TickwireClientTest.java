package io.tickwire.client;

import io.tickwire.gateway.GatewayServer;
import io.tickwire.gateway.GatewaySettings;
import io.tickwire.gateway.OutputRecords;
import io.tickwire.gateway.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static io.tickwire.gateway.OutputRecords.T0;
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

    private TestGateway test;
    private OutputRecords records;
    private GatewayServer gateway;
    private final List<Long> spyTrades = new ArrayList<>();
    private final List<DeskMessage> delivered = new CopyOnWriteArrayList<>();
    private final List<String> disconnects = new CopyOnWriteArrayList<>();
    private long time = T0;

    @BeforeEach
    void start()
    {
        test = new TestGateway(dir);
        records = test.records;
        records.symbol(1, "SPY");
        records.symbol(2, "QQQ");
    }

    @AfterEach
    void stop()
    {
        test.close();
    }

    @Test
    void shouldResumeAcrossAGatewayRestartWithNoGapAndNoDuplicate() throws Exception
    {
        trades(1); // the snapshot
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
            trades(300);
            await(() -> delivered.size() == 301, "the live trades");
            test.stop(); // killed: the desk's socket drops
            await(() -> !disconnects.isEmpty(), "the client saw the drop");
            trades(500); // written while no gateway runs
            gateway = startGateway(port);
            trades(300); // while the client reconnects and replays
            final long last = spyTrades.get(spyTrades.size() - 1);
            await(() -> !delivered.isEmpty() && delivered.get(delivered.size() - 1).js() == last, "the last trade");

            assertTrue(delivered.get(0).isSnapshot());
            final List<Long> positions = delivered.subList(1, delivered.size()).stream().map(DeskMessage::js).toList();
            assertEquals(spyTrades.subList(1, spyTrades.size()), positions, "every trade after the snapshot, once, in order");
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

    private void trades(final int count)
    {
        for (int i = 0; i < count; i++)
        {
            time += 1_000_000L;
            spyTrades.add(records.trade(1, time, 600_000_000L + i, 100));
            records.trade(2, time, 500_000_000L + i, 100);
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

package io.tickwire.gateway;

import io.tickwire.testing.WebSocketTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.tickwire.gateway.OutputRecords.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A desk that stops reading is warned, then disconnected with the reason; the healthy desk beside it gets
 * everything; a desk that merely vanished is not counted as slow.
 */
class SlowConsumerTest
{
    @TempDir
    Path dir;

    @Test
    void shouldWarnThenDisconnectOnlyTheDeskThatStoppedReading() throws Exception
    {
        try (TestGateway test = new TestGateway(dir))
        {
            run(test);
        }
    }

    private static void run(final TestGateway test) throws Exception
    {
        final OutputRecords records = test.records;
        records.symbol(1, "SPY");
        // 1 MiB: well above what one duty cycle writes before its flush (512 records), so only a stalled desk trips it
        final GatewayServer gateway = test.start(GatewaySettings.defaults().port(0).slowClients(262_144, 1 << 20));
        final String subscribe = "{\"op\":\"subscribe\",\"channels\":[\"trades\"]}";
        try (WebSocketTestClient healthy = WebSocketTestClient.connect(gateway.webSocketUrl());
            WebSocketTestClient vanished = WebSocketTestClient.connect(gateway.webSocketUrl());
            StalledDesk stalled = new StalledDesk(gateway.webSocketUrl(), subscribe))
        {
            healthy.send(subscribe);
            healthy.await((m) -> m.contains("snapshot_end"), 5_000);
            vanished.send(subscribe);
            vanished.await((m) -> m.contains("snapshot_end"), 5_000);
            vanished.close(); // gone without a close handshake

            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            long last = 0;
            long time = T0;
            while (gateway.counters().snapshot().get("slow_clients_disconnected") == 0)
            {
                assertTrue(System.nanoTime() < deadline, "the stalled desk disconnected within 30 s: " +
                    gateway.counters().snapshot());
                for (int i = 0; i < 200; i++) // ~20,000 trades a second: a pace the healthy desk keeps up with
                {
                    last = records.trade(1, ++time, 600_000_000L + i, 100);
                }
                TimeUnit.MILLISECONDS.sleep(10); // pacing the writer, not an assertion
            }
            final long lastWritten = last;
            healthy.await((m) -> m.contains("\"js\":" + lastWritten + ","), 30_000);
            final Map<String, Long> counters = gateway.counters().snapshot();
            assertEquals(1, counters.get("slow_clients_disconnected"), "the stalled desk only: " + counters);
            assertTrue(counters.get("slow_client_warnings") >= 1, counters.toString());
            assertTrue(!healthy.closed().isDone(), "the healthy desk (which may lag a burst, and be warned) stays");
        }
    }
}

package io.tickwire.cli;

import io.tickwire.simulator.MassiveSimulator;
import io.tickwire.simulator.SimulatorSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code tickwire run} on its fatal path, as an operator meets it: the command returns exit status 1 within
 * seconds of the fatal error, with one line saying why.
 */
class RunCommandExitTest
{
    @TempDir
    Path dir;

    @Test
    void shouldExitNonZeroWithinSecondsOfAFatalError() throws Exception
    {
        try (MassiveSimulator simulator = MassiveSimulator.start(new SimulatorSettings().rate(500).apiKey("test-key")))
        {
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            final ByteArrayOutputStream err = new ByteArrayOutputStream();
            final CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> Tickwire.run(
                new String[]{"run", "--set", "feed.url=" + simulator.url(), "--set", "feed.restUrl=" + simulator.restUrl(),
                    "--set", "feed.apiKeyEnv=TICKWIRE_TEST_API_KEY", "--set", "gateway.open=true", "--set", "feed.clusters=stocks",
                    "--set", "feed.stocks.symbols=SPY", "--set", "engine.dataDir=" + dir.resolve("data"),
                    "--set", "gateway.port=0"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!(simulator.sessionCount() > 0 && out.toString(StandardCharsets.UTF_8).contains("tickwire run")))
            {
                assertTrue(System.nanoTime() < deadline, "the node connected: " + err.toString(StandardCharsets.UTF_8));
                TimeUnit.MILLISECONDS.sleep(10); // polling an observable condition, bounded above
            }
            simulator.faults().failAuth(1);
            simulator.faults().dropConnections("stocks", false);
            final long start = System.nanoTime();
            assertEquals(1, exit.get(30, TimeUnit.SECONDS));
            final long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            assertTrue(seconds < 10, "exited " + seconds + " s after the fatal error");
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("stopped: Massive refused authentication"),
                err.toString(StandardCharsets.UTF_8));
        }
    }
}

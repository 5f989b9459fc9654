package io.tickwire.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three SIGKILLs of the engine — a child process running the packaged {@code bin/tickwire} — at 20,000 events/s
 * against the simulator: afterwards every trade the market made is in the output journal exactly once, a
 * whole-journal replay equals the output byte for byte, the bars equal those of one uninterrupted run over the
 * same events, and no desk received history as live. The short form of {@code bin/bench chaos}.
 */
class ChaosTest
{
    @Test
    void shouldLoseAndDoubleNothingAcrossKillsReplayTheSameAndKeepBarsAndDesksRight() throws Exception
    {
        final Path home = Path.of("..").toAbsolutePath().normalize();
        assertTrue(Files.exists(home.resolve("cli/target/tickwire.jar")), "the engine's jar is packaged first");
        System.setProperty("tickwire.home", home.toString());
        final ByteArrayOutputStream report = new ByteArrayOutputStream();
        final boolean clean = ChaosHarness.run(3, 20_000, 3, new PrintStream(report, true, StandardCharsets.UTF_8));
        final String text = report.toString(StandardCharsets.UTF_8);
        System.out.print(text);
        assertTrue(clean && text.contains("doubled 0; missing 0") && text.contains("replay vs output: equal") &&
            text.contains(", 0 differ;") && text.contains("0 older than their connection sent as live"), text);
    }
}

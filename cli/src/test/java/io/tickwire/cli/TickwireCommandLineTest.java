package io.tickwire.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TickwireCommandLineTest
{
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(final String... args)
    {
        return Tickwire.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void shouldNameTheFileTheKeyAndTheExpectationForABadConfig() throws Exception
    {
        final Path file = dir.resolve("desk.properties");
        Files.writeString(file, "gateway.port=99999\n");
        assertEquals(2, run("demo", "--config", file.toString()));
        final String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains(file.toString()), message);
        assertTrue(message.contains("'gateway.port'"), message);
        assertTrue(message.contains("an integer from 0 to 65535"), message);
    }

    @Test
    void shouldRejectABadOverrideOnTheCommandLine()
    {
        assertEquals(2, run("replay", "--output", dir.resolve("x").toString(), "--set", "engine.threading=fast"));
        final String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("command line: key 'engine.threading': expected one of auto shared dedicated"),
            message);
    }

    @Test
    void shouldGiveHelpForEveryCommand()
    {
        for (final String command : new String[]{"demo", "run", "simulate", "replay", "export-raw", "compare-bars"})
        {
            out.reset();
            assertEquals(0, run(command, "--help"));
            assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("usage: tickwire " + command), command);
        }
        assertEquals(0, run());
        assertEquals(2, run("dance"));
        assertEquals(2, run("demo", "--bogus"));
    }

    @Test
    void shouldRefuseToRunWithoutAnApiKey()
    {
        assertEquals(2, run("run", "--set", "feed.apiKeyEnv=TICKWIRE_TEST_SURELY_UNSET"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("$TICKWIRE_TEST_SURELY_UNSET"));
    }

    @Test
    void shouldMakeAKeyStoreOnlyItsHashAndNeverReuseAnId() throws Exception
    {
        final Path keys = dir.resolve("keys.properties");
        assertEquals(0, run("new-key", "--file", keys.toString(), "--id", "3", "--name", "desk-a", "--tier", "full",
            "--rights", "setups"));
        final String[] lines = out.toString(StandardCharsets.UTF_8).trim().split("\n");
        final String secret = lines[lines.length - 1];
        assertTrue(secret.startsWith("tw_") && secret.length() > 40, secret);
        final String file = Files.readString(keys);
        assertTrue(file.contains("key.3.sha256=" + io.tickwire.gateway.GatewayServer.keyHash(secret)), file);
        assertFalse(file.contains(secret), "the secret is never stored");
        assertEquals(2, run("new-key", "--file", keys.toString(), "--id", "3", "--name", "desk-b", "--tier", "full"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("key id 3 is already in"));
    }

    @Test
    void shouldRefuseToRunAGatewayWithoutKeysUnlessToldToRunOpen()
    {
        assertEquals(2, run("run", "--set", "feed.apiKeyEnv=TICKWIRE_TEST_API_KEY"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("run: no gateway.keysFile"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldSayInOneLineWhenTheGatewayPortIsInUse() throws Exception
    {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            assertEquals(1, run("run", "--set", "feed.url=ws://127.0.0.1:9", "--set", "feed.restUrl=http://127.0.0.1:9",
                "--set", "feed.apiKeyEnv=TICKWIRE_TEST_API_KEY", "--set", "gateway.open=true", "--set", "engine.dataDir=" + dir.resolve("data"),
                "--set", "gateway.port=" + taken.getLocalPort()));
            final String message = err.toString(StandardCharsets.UTF_8).trim();
            assertTrue(message.startsWith("run: cannot start: ") && message.contains("a port is in use") &&
                !message.contains("\n"), message);
        }
    }

    @Test
    void shouldSayInOneLineWhenTheDataDirectoryCannotBeWritten() throws Exception
    {
        final Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        assertEquals(1, run("run", "--set", "feed.url=ws://127.0.0.1:9", "--set", "feed.restUrl=http://127.0.0.1:9",
            "--set", "feed.apiKeyEnv=TICKWIRE_TEST_API_KEY", "--set", "gateway.open=true", "--set", "engine.dataDir=" + file.resolve("data"),
            "--set", "gateway.port=0"));
        final String message = err.toString(StandardCharsets.UTF_8).trim();
        assertTrue(message.startsWith("run: cannot start: data directory ") && message.contains("is not writable"),
            message);
    }
}

package io.tickwire.system;

import io.tickwire.simulator.SimulatorSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code tickwire stat} in a JVM of its own reads a running node's counters, engine and gateway, from the
 * node's counters file; the file goes when the node stops cleanly.
 */
class StatFromAnotherProcessTest
{
    @TempDir
    Path dir;

    @Test
    void shouldReadARunningNodesCountersFromAnotherProcess() throws Exception
    {
        final Path dataDir;
        try (FeedHarness node = FeedHarness.start(dir, new SimulatorSettings().rate(500), Map.of()))
        {
            dataDir = node.dataDir;
            FeedHarness.await(() -> node.process.counters().eventsPublished.get() > 0, 20_000, "events published");
            final String json = stat(dataDir);
            final long published = number(json, "events_published");
            assertTrue(published > 0, json);
            assertTrue(json.contains("\"gateway_journal_records_read\":"), "the gateway's counters too: " + json);
            assertTrue(json.contains("\"pid\":" + ProcessHandle.current().pid()), json);
        }
        try (var files = Files.list(dataDir))
        {
            assertFalse(files.anyMatch((f) -> f.getFileName().toString().startsWith("counters-")),
                "a clean stop removes the counters file");
        }
    }

    /** {@code tickwire stat --format json}, run in a child JVM on this test's classpath. */
    private static String stat(final Path dataDir) throws Exception
    {
        final List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
            "java").toString()));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream() // the JVM flags Agrona needs, as ours
            .filter((a) -> a.startsWith("--add-")).forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.tickwire.cli.Tickwire", "stat",
            "--format", "json", "--set", "engine.dataDir=" + dataDir));
        final Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "stat finished");
        final String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), out);
        return out.lines().filter((l) -> l.startsWith("{\"processes\"")).findFirst().orElseThrow(() ->
            new AssertionError("no JSON in: " + out));
    }

    private static long number(final String json, final String label)
    {
        final Matcher m = Pattern.compile("\"" + label + "\":(\\d+)").matcher(json);
        assertTrue(m.find(), label + " in " + json);
        return Long.parseLong(m.group(1));
    }
}

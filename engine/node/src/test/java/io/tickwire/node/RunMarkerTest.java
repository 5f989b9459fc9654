package io.tickwire.node;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunMarkerTest
{
    @TempDir
    Path dir;

    @Test
    void shouldTellACleanStopFromACrash()
    {
        try (RunMarker first = new RunMarker(dir))
        {
            assertTrue(first.previousStopWasClean(), "a first run");
            assertTrue(Files.exists(dir.resolve(RunMarker.FILE)), "present while running");
        }
        assertFalse(Files.exists(dir.resolve(RunMarker.FILE)), "a clean close removes it");
        final RunMarker crashed = new RunMarker(dir); // never closed: what kill -9 leaves behind
        assertTrue(crashed.previousStopWasClean());
        try (RunMarker next = new RunMarker(dir))
        {
            assertFalse(next.previousStopWasClean());
            assertTrue(next.previousStop().startsWith("the previous run did not stop cleanly (crash or kill -9; it " +
                "was pid " + ProcessHandle.current().pid() + " since "), next.previousStop());
        }
    }
}

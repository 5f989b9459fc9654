package io.tickwire.model;

import io.tickwire.model.errors.DistinctErrors;
import org.agrona.concurrent.errors.ErrorLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class CountersFileTest
{
    /** A pid no process has (above Linux's pid_max). */
    private static final long GONE = Integer.MAX_VALUE - 7;

    @TempDir
    Path dir;

    @Test
    void shouldCountAndRecordEachDistinctErrorOnceForAReaderAndDeleteTheFileOnlyWithoutErrors() throws IOException
    {
        try (CountersFile quiet = CountersFile.create(dir))
        {
            quiet.manager().newCounter("events").setRelease(42);
            final List<CountersFile.Attached> attached = CountersFile.attachAll(dir);
            assertEquals(1, attached.size());
            assertEquals(ProcessHandle.current().pid(), attached.get(0).pid());
            assertEquals(42, attached.get(0).reader().getCounterValue(0));
        }
        assertEquals(0, files().size(), "a clean close without errors deletes the file");

        final CountersFile failing = CountersFile.create(dir);
        final DistinctErrors errors = new DistinctErrors(failing.errorLog());
        for (int i = 0; i < 3; i++)
        {
            errors.record("stage metrics", i, failure());
        }
        errors.record("gateway conductor", -1, new IllegalStateException("another"));
        failing.close();
        assertEquals(1, files().size(), "kept: it holds errors");
        final List<Integer> counts = new ArrayList<>();
        ErrorLogReader.read(CountersFile.attachAllWithGone(dir).get(0).errors(), (count, first, last, text) ->
            counts.add(count));
        assertEquals(List.of(3, 1), counts, "each distinct error once, with its count");
    }

    @Test
    void shouldRemoveGoneProcessesFilesWithoutErrorsAndKeepOnlyTheNewestWithErrors() throws IOException
    {
        final CountersFile template = CountersFile.create(dir);
        new DistinctErrors(template.errorLog()).record("stage sequencer", 1, failure());
        template.close();
        final Path withErrors = files().get(0);
        for (int i = 0; i < CountersFile.KEPT_WITH_ERRORS + 2; i++) // gone processes' files, oldest first
        {
            final Path copy = dir.resolve("counters-" + (GONE - i) + "-1.dat");
            Files.copy(withErrors, copy);
            Files.setLastModifiedTime(copy, FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        Files.delete(withErrors);
        final Path goneQuiet = dir.resolve("counters-" + (GONE - 100) + "-1.dat");
        try (CountersFile blank = CountersFile.create(dir)) // a file without errors, as a gone process left it
        {
            Files.copy(files().stream().filter((f) -> f.getFileName().toString().contains("-" +
                ProcessHandle.current().pid() + "-")).findFirst().orElseThrow(), goneQuiet);
        }

        try (CountersFile fresh = CountersFile.create(dir))
        {
            final List<Path> left = files();
            assertFalse(left.contains(goneQuiet), "a gone process's file without errors is removed");
            assertEquals(CountersFile.KEPT_WITH_ERRORS + 1, left.size(), "the newest gone ones with errors, and ours");
            for (int i = 0; i < 2; i++)
            {
                assertFalse(left.contains(dir.resolve("counters-" + (GONE - i) + "-1.dat")), "the oldest removed");
            }
            assertEquals(CountersFile.KEPT_WITH_ERRORS,
                CountersFile.attachAllWithGone(dir).stream().filter((a) -> !a.alive()).count());
        }
    }

    private static IllegalArgumentException failure()
    {
        return new IllegalArgumentException("index 9 out of bounds"); // one call site: one stack
    }

    private List<Path> files() throws IOException
    {
        try (Stream<Path> list = Files.list(dir))
        {
            return list.filter((f) -> f.getFileName().toString().startsWith("counters-")).sorted().toList();
        }
    }
}

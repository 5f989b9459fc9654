package io.tickwire.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Tells a clean stop from a crash: a file in the data directory that exists while an engine runs, written at
 * start and removed as the last step of a clean close. Found at start, it means the previous run ended
 * without closing (kill -9, a power cut, the OOM killer): its content says which process and since when.
 */
final class RunMarker implements AutoCloseable
{
    static final String FILE = "RUNNING";

    private final Path file;
    private final String previous;

    RunMarker(final Path dataDir)
    {
        file = dataDir.resolve(FILE);
        try
        {
            previous = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).trim() : null;
            Files.writeString(file, "pid " + ProcessHandle.current().pid() + " since " + Instant.now() + "\n",
                StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write the run marker " + file, ex);
        }
    }

    /** Whether the previous run closed cleanly (also true for a first run). */
    boolean previousStopWasClean()
    {
        return previous == null;
    }

    /** One line for the log and the node status. */
    String previousStop()
    {
        return previous == null ? "the previous run stopped cleanly (or this is the first)" :
            "the previous run did not stop cleanly (crash or kill -9; it was " + previous + "): journals, symbols and " +
            "setups continue from what reached the disk";
    }

    @Override
    public void close()
    {
        try
        {
            Files.deleteIfExists(file);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot remove the run marker " + file, ex);
        }
    }
}

package io.tickwire.model;

import org.agrona.IoUtil;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.errors.DistinctErrorLog;
import org.agrona.concurrent.errors.ErrorLogReader;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A process's counters in a memory-mapped file another process can read while it runs — Aeron's CnC file and
 * {@code AeronStat} in miniature: {@code <dataDir>/counters-<pid>-<n>.dat}, a header (magic, version, the two
 * lengths, the writer's pid and start time), Agrona's counter metadata (labels, type ids) and values, then
 * Agrona's {@link DistinctErrorLog}: each distinct error once, with its count and first and last time.
 * The writer owns one; {@code tickwire stat} attaches read-only to every live one in the data directory and
 * {@code tickwire errors} reads the error logs, of live processes and of gone ones. A file without errors is
 * deleted by its clean close, or by the next writer when its process is gone; one with errors is kept for the
 * post-mortem — the {@link #KEPT_WITH_ERRORS} newest of them.
 */
public final class CountersFile implements AutoCloseable
{
    public static final int CAPACITY = 256;
    private static final int MAGIC = 0x54574354; // "TWCT"
    private static final int VERSION = 2;
    /** Files of gone processes whose error logs are kept for {@code tickwire errors}. */
    public static final int KEPT_WITH_ERRORS = 5;
    private static final int ERRORS = 1 << 20;
    private static final int HEADER = 64;
    private static final int METADATA = CountersReader.METADATA_LENGTH * CAPACITY;
    private static final int VALUES = CountersReader.COUNTER_LENGTH * CAPACITY;

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Path file;
    private final CountersManager manager;
    private final DistinctErrorLog errorLog;

    private CountersFile(final Path file, final MappedByteBuffer mapped)
    {
        this.file = file;
        this.manager = new CountersManager(new UnsafeBuffer(mapped, HEADER, METADATA),
            new UnsafeBuffer(mapped, HEADER + METADATA, VALUES));
        // error timestamps are wall-clock ms for the operator; nothing journaled reads them
        this.errorLog = new DistinctErrorLog(new UnsafeBuffer(mapped, HEADER + METADATA + VALUES, ERRORS),
            SystemEpochClock.INSTANCE);
    }

    /** This process's counters file in {@code dataDir}; files of processes that are gone are removed. */
    public static CountersFile create(final Path dataDir)
    {
        try
        {
            Files.createDirectories(dataDir);
            removeGone(dataDir);
            // several nodes may share a process (tests, a gateway beside its engine): each its own file
            final Path file = dataDir.resolve("counters-" + ProcessHandle.current().pid() + "-" +
                SEQUENCE.incrementAndGet() + ".dat");
            final MappedByteBuffer mapped = IoUtil.mapNewFile(file.toFile(), HEADER + METADATA + VALUES + ERRORS);
            final UnsafeBuffer header = new UnsafeBuffer(mapped, 0, HEADER);
            header.putInt(4, VERSION);
            header.putInt(8, METADATA);
            header.putInt(12, VALUES);
            header.putLong(16, ProcessHandle.current().pid());
            header.putLong(24, System.currentTimeMillis());
            header.putInt(32, ERRORS);
            header.putIntVolatile(0, MAGIC); // last: a reader sees a complete header or none
            return new CountersFile(file, mapped);
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("data directory " + dataDir + " is not writable: " + ex, ex);
        }
    }

    public CountersManager manager()
    {
        return manager;
    }

    /** Where this process's distinct errors are recorded. */
    public DistinctErrorLog errorLog()
    {
        return errorLog;
    }

    /** One attached file: its writer's pid, start time and whether it still runs; its counters and error log. */
    public record Attached(long pid, long startMillis, boolean alive, CountersReader reader, UnsafeBuffer errors)
    {
    }

    /** Every live writer's counters in {@code dataDir}, read-only. */
    public static List<Attached> attachAll(final Path dataDir)
    {
        return attach(dataDir, false);
    }

    /** Every file in {@code dataDir}, of live writers and of gone ones, read-only: for their error logs. */
    public static List<Attached> attachAllWithGone(final Path dataDir)
    {
        return attach(dataDir, true);
    }

    private static List<Attached> attach(final Path dataDir, final boolean withGone)
    {
        final List<Attached> attached = new ArrayList<>();
        for (final Path file : files(dataDir))
        {
            final boolean alive = alive(pid(file));
            if (!alive && !withGone)
            {
                continue;
            }
            final MappedByteBuffer mapped = IoUtil.mapExistingFile(file.toFile(), "tickwire counters");
            final UnsafeBuffer header = new UnsafeBuffer(mapped, 0, HEADER);
            if (header.getIntVolatile(0) != MAGIC || header.getInt(4) != VERSION)
            {
                continue; // still being created, or another version's
            }
            final int metadata = header.getInt(8);
            final int values = header.getInt(12);
            attached.add(new Attached(header.getLong(16), header.getLong(24), alive, new CountersReader(
                new UnsafeBuffer(mapped, HEADER, metadata), new UnsafeBuffer(mapped, HEADER + metadata, values)),
                new UnsafeBuffer(mapped, HEADER + metadata + values, header.getInt(32))));
        }
        return attached;
    }

    private static List<Path> files(final Path dataDir)
    {
        if (!Files.isDirectory(dataDir))
        {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dataDir))
        {
            return list.filter((p) -> p.getFileName().toString().matches("counters-\\d+-\\d+\\.dat")).sorted().toList();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** Deletes gone processes' files without errors, and all but the newest few with errors. */
    private static void removeGone(final Path dataDir) throws IOException
    {
        final List<Path> withErrors = new ArrayList<>();
        for (final Path file : files(dataDir))
        {
            if (alive(pid(file)))
            {
                continue;
            }
            if (hasErrors(file))
            {
                withErrors.add(file);
            }
            else
            {
                Files.deleteIfExists(file);
            }
        }
        withErrors.sort(Comparator.comparing(CountersFile::modified).reversed());
        for (final Path old : withErrors.subList(Math.min(KEPT_WITH_ERRORS, withErrors.size()), withErrors.size()))
        {
            Files.deleteIfExists(old);
        }
    }

    private static boolean hasErrors(final Path file)
    {
        final MappedByteBuffer mapped = IoUtil.mapExistingFile(file.toFile(), "tickwire counters");
        final UnsafeBuffer header = new UnsafeBuffer(mapped, 0, HEADER);
        if (header.getIntVolatile(0) != MAGIC || header.getInt(4) != VERSION)
        {
            return false;
        }
        final int errorsAt = HEADER + header.getInt(8) + header.getInt(12);
        return ErrorLogReader.hasErrors(new UnsafeBuffer(mapped, errorsAt, header.getInt(32)));
    }

    private static FileTime modified(final Path file)
    {
        try
        {
            return Files.getLastModifiedTime(file);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static boolean alive(final long pid)
    {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static long pid(final Path file)
    {
        final String name = file.getFileName().toString();
        return Long.parseLong(name.substring("counters-".length(), name.lastIndexOf('-')));
    }

    /**
     * Deletes the file, so {@code tickwire stat} no longer lists this process — unless errors were recorded: then
     * it stays for {@code tickwire errors} (which says the process is gone). The mapping itself is left to the
     * garbage collector: a thread that outlives the node (a Netty loop still shutting down, a test reading a
     * counter after close) may still touch a counter, and touching unmapped memory kills the JVM.
     */
    @Override
    public void close()
    {
        if (ErrorLogReader.hasErrors(errorLog.buffer()))
        {
            return; // kept for tickwire errors
        }
        try
        {
            Files.deleteIfExists(file);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}

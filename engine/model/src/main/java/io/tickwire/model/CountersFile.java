package io.tickwire.model;

import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A process's counters in a memory-mapped file another process can read while it runs — Aeron's CnC file and
 * {@code AeronStat} in miniature: {@code <dataDir>/counters-<pid>-<n>.dat}, a header (magic, version, the two
 * lengths, the writer's pid and start time) then Agrona's counter metadata (labels, type ids) and values.
 * The writer owns one; {@code tickwire stat} attaches read-only to every live one in the data directory. A clean
 * close deletes the file; a file whose process is gone is skipped and removed by the next writer.
 */
public final class CountersFile implements AutoCloseable
{
    public static final int CAPACITY = 256;
    private static final int MAGIC = 0x54574354; // "TWCT"
    private static final int VERSION = 1;
    private static final int HEADER = 64;
    private static final int METADATA = CountersReader.METADATA_LENGTH * CAPACITY;
    private static final int VALUES = CountersReader.COUNTER_LENGTH * CAPACITY;

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Path file;
    private final CountersManager manager;

    private CountersFile(final Path file, final MappedByteBuffer mapped)
    {
        this.file = file;
        this.manager = new CountersManager(new UnsafeBuffer(mapped, HEADER, METADATA),
            new UnsafeBuffer(mapped, HEADER + METADATA, VALUES));
    }

    /** This process's counters file in {@code dataDir}; files of processes that are gone are removed. */
    public static CountersFile create(final Path dataDir)
    {
        try
        {
            Files.createDirectories(dataDir);
            for (final Path stale : files(dataDir))
            {
                if (!alive(pid(stale)))
                {
                    Files.deleteIfExists(stale);
                }
            }
            // several nodes may share a process (tests, a gateway beside its engine): each its own file
            final Path file = dataDir.resolve("counters-" + ProcessHandle.current().pid() + "-" +
                SEQUENCE.incrementAndGet() + ".dat");
            final MappedByteBuffer mapped = IoUtil.mapNewFile(file.toFile(), HEADER + METADATA + VALUES);
            final UnsafeBuffer header = new UnsafeBuffer(mapped, 0, HEADER);
            header.putInt(4, VERSION);
            header.putInt(8, METADATA);
            header.putInt(12, VALUES);
            header.putLong(16, ProcessHandle.current().pid());
            header.putLong(24, System.currentTimeMillis());
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

    /** One attached file: its writer's pid and start time, and a reader of its counters. */
    public record Attached(long pid, long startMillis, CountersReader reader)
    {
    }

    /** Every live writer's counters in {@code dataDir}, read-only. */
    public static List<Attached> attachAll(final Path dataDir)
    {
        final List<Attached> attached = new ArrayList<>();
        for (final Path file : files(dataDir))
        {
            if (!alive(pid(file)))
            {
                continue;
            }
            final MappedByteBuffer mapped = IoUtil.mapExistingFile(file.toFile(), "tickwire counters");
            final UnsafeBuffer header = new UnsafeBuffer(mapped, 0, HEADER);
            if (header.getIntVolatile(0) != MAGIC || header.getInt(4) != VERSION)
            {
                continue; // still being created, or another version's
            }
            attached.add(new Attached(header.getLong(16), header.getLong(24), new CountersReader(
                new UnsafeBuffer(mapped, HEADER, header.getInt(8)),
                new UnsafeBuffer(mapped, HEADER + header.getInt(8), header.getInt(12)))));
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
     * Deletes the file, so {@code tickwire stat} no longer lists this process. The mapping itself is left to the
     * garbage collector: a thread that outlives the node (a Netty loop still shutting down, a test reading a
     * counter after close) may still touch a counter, and touching unmapped memory kills the JVM.
     */
    @Override
    public void close()
    {
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

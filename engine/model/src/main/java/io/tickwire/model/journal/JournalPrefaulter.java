package io.tickwire.model.journal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Faults the journals' pages in for writing ahead of the appenders, on a thread of its own. Chronicle writes
 * through memory-mapped cycle files, growing them a block at a time; the first write to each fresh page
 * faults, and on a disk that fault can hold the appender — the ring's consumer, so every event behind it —
 * for milliseconds (docs/benchmarks.md). Chronicle's own pretoucher is in its commercial edition only.
 *
 * <p>Each new page gets a compare-and-set of 0 with 0 on its first word: a write access, so the kernel
 * allocates the page and maps it writable, that never changes a byte. A word an appender already wrote is
 * not 0 and stays as it is; a 0 is rewritten as 0; and the compare-and-set is atomic, so no store of the
 * appender's can fall between its read and its write. Only each journal's newest cycle file is followed;
 * its channel stays open and only its size is polled, so following it allocates nothing.
 */
public final class JournalPrefaulter implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(JournalPrefaulter.class);
    private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());
    private static final long PAGE = 4096;
    private static final long WINDOW = 64L << 20;
    private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private static final int RESCAN_EVERY = 200; // polls: a new cycle file appears once a day, sizes change often
    /** How long after a directory's last change it is still listed at each rescan: for file systems with coarse times. */
    private static final long SETTLING_MILLIS = 2_000;
    private static final DirectoryStream.Filter<Path> CYCLE_FILES =
        (path) -> path.getFileName().toString().endsWith(".cq4");

    private final List<Path> directories;
    /**
     * Per journal directory, its modification time at its last listing. A directory is listed again only once a
     * file was added or removed since: listing allocates (a stream, a path per entry), asking its time does not.
     */
    private final File[] directoryFiles;
    private final long[] listedModified;
    /** Per journal directory, its newest cycle file: the only one Chronicle appends to. */
    private final CycleFile[] newest;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long pagesTouched;
    /** How many of the directories have a cycle file followed. */
    private int following;

    /** A cycle file being followed: its channel kept open so that polling its size allocates nothing. */
    private static final class CycleFile
    {
        final Path path;
        final FileChannel channel;
        long touchedTo;
        boolean stopped;

        CycleFile(final Path path, final FileChannel channel, final long touchedTo)
        {
            this.path = path;
            this.channel = channel;
            this.touchedTo = touchedTo;
        }
    }

    public JournalPrefaulter(final List<Path> directories)
    {
        this.directories = directories;
        newest = new CycleFile[directories.size()];
        directoryFiles = directories.stream().map(Path::toFile).toArray(File[]::new);
        listedModified = new long[directories.size()];
        follow(true);
        thread = new Thread(this::run, "tickwire-prefault");
        thread.setDaemon(true);
        thread.start();
    }

    /** Pages touched so far (the tests' window onto the thread's progress). */
    long pagesTouched()
    {
        return pagesTouched;
    }

    @Override
    public void close()
    {
        running = false;
        LockSupport.unpark(thread);
        try
        {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void run()
    {
        int polls = 0;
        while (running)
        {
            // until a first cycle file is followed, every poll (a replay's new output journal: at once); then now and
            // then, and each directory only when it changed, since listing allocates
            if (++polls % RESCAN_EVERY == 0 || following == 0)
            {
                follow(false);
            }
            for (final CycleFile file : newest)
            {
                if (file != null)
                {
                    touchGrowth(file);
                }
            }
            LockSupport.parkNanos(IDLE_NANOS);
        }
        for (final CycleFile file : newest)
        {
            if (file != null)
            {
                closeQuietly(file);
            }
        }
    }

    /**
     * Follows each directory's newest cycle file, dropping the one it replaces (Chronicle no longer writes
     * there). A file present at start (written before a restart) is touched only where it grows; a file that
     * appears later, from its start.
     */
    private void follow(final boolean atStart)
    {
        for (int i = 0; i < directories.size(); i++)
        {
            final long modified = directoryFiles[i].lastModified(); // 0: no such directory (yet)
            if (modified == 0 || modified == listedModified[i] && System.currentTimeMillis() - modified > SETTLING_MILLIS)
            {
                continue;
            }
            listedModified[i] = modified;
            final Path path = newestCycleFile(directories.get(i));
            if (path == null || newest[i] != null && newest[i].path.equals(path))
            {
                continue;
            }
            try
            {
                final FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
                if (newest[i] != null)
                {
                    closeQuietly(newest[i]);
                }
                following += newest[i] == null ? 1 : 0;
                newest[i] = new CycleFile(path, channel, atStart ? channel.size() & -PAGE : 0);
            }
            catch (final IOException ex)
            {
                LOG.debug("prefault cannot open {}: {}", path, ex.toString());
            }
        }
    }

    private void touchGrowth(final CycleFile file)
    {
        try
        {
            final long to = file.stopped ? 0 : file.channel.size() & -PAGE;
            for (long base = file.touchedTo; base < to && running; base += WINDOW)
            {
                final long length = Math.min(WINDOW, to - base);
                final MappedByteBuffer pages = file.channel.map(FileChannel.MapMode.READ_WRITE, base, length);
                for (int offset = 0; offset < length; offset += (int)PAGE)
                {
                    INT.compareAndSet(pages, offset, 0, 0);
                }
                pagesTouched += length / PAGE;
                file.touchedTo = base + length;
            }
        }
        catch (final IOException | InternalError ex)
        {
            // IOException: the file went away. InternalError: the JDK's report of a fault on a mapping whose
            // file shrank under it. Either way there is nothing left to touch in this file.
            file.stopped = true;
            closeQuietly(file);
            LOG.debug("prefault of {} stopped: {}", file.path, ex.toString());
        }
    }

    private static void closeQuietly(final CycleFile file)
    {
        try
        {
            file.channel.close();
        }
        catch (final IOException ex)
        {
            LOG.debug("closing {}: {}", file.path, ex.toString());
        }
    }

    /** Cycle files are named by their cycle (20261121.cq4), so the greatest name is the newest. */
    private static Path newestCycleFile(final Path directory)
    {
        Path newest = null;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, CYCLE_FILES))
        {
            for (final Path file : files)
            {
                if (newest == null || file.getFileName().toString().compareTo(newest.getFileName().toString()) > 0)
                {
                    newest = file;
                }
            }
        }
        catch (final IOException ex)
        {
            LOG.debug("prefault cannot list {}: {}", directory, ex.toString());
        }
        return newest;
    }
}

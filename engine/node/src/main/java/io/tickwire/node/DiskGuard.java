package io.tickwire.node;

import io.tickwire.codecs.sbe.FeedState;
import io.tickwire.model.EngineCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Disk as a resource the node watches instead of discovering as a SIGBUS: at start the data directory must be
 * writable and have room ({@code disk.startNeedsMb} above {@code disk.stopBelowMb}); then every
 * {@code disk.checkIntervalMs} the free space is sampled ({@code disk_free_mb}): below {@code disk.warnBelowMb} a
 * warning (logged once per episode, counted, on /health), below {@code disk.stopBelowMb} the node stops through
 * its fatal path — before a journal's mapped write can fault on a full volume.
 */
final class DiskGuard
{
    private static final Logger LOG = LoggerFactory.getLogger(DiskGuard.class);
    private static final long MIB = 1 << 20;

    /** The thresholds, MiB: {@code disk.startNeedsMb}, {@code disk.warnBelowMb}, {@code disk.stopBelowMb}. */
    record Thresholds(long startNeedsMb, long warnBelowMb, long stopBelowMb)
    {
    }

    private final Path dir;
    private final Thresholds mb;
    private final FreeSpaceProbe freeSpace;
    private final EngineCounters counters;
    private final Consumer<String> fatal;
    /** Where the warning and its end go as node status records (the status channel); set once the ring runs. */
    private volatile BiConsumer<FeedState, String> status = (state, message) -> { };
    private volatile String warning;

    DiskGuard(final Path dir, final Thresholds mb, final FreeSpaceProbe freeSpace, final EngineCounters counters,
        final Consumer<String> fatal)
    {
        this.dir = dir.toAbsolutePath();
        this.mb = mb;
        this.freeSpace = freeSpace;
        this.counters = counters;
        this.fatal = fatal;
    }

    /** Before anything is opened. @throws IllegalStateException saying what is wrong with which directory. */
    void checkAtStart()
    {
        try
        {
            Files.createDirectories(dir);
            Files.delete(Files.createTempFile(dir, ".tickwire-write-check", ".tmp"));
        }
        catch (final IOException | SecurityException ex)
        {
            throw new IllegalStateException("data directory " + dir + " is not writable: " + ex, ex);
        }
        final long freeMb = freeMb();
        final long needsMb = mb.startNeedsMb() + mb.stopBelowMb();
        if (freeMb < needsMb)
        {
            throw new IllegalStateException("not enough disk for the data directory " + dir + ": " + freeMb +
                " MiB free, needs " + needsMb + " MiB (disk.startNeedsMb " + mb.startNeedsMb() + " + disk.stopBelowMb " +
                mb.stopBelowMb() + ")");
        }
        counters.diskFreeMb.setRelease(freeMb);
    }

    /** One watchdog pass: from the watchdog thread. */
    void check()
    {
        final long freeMb = freeMb();
        counters.diskFreeMb.setRelease(freeMb);
        if (freeMb < mb.stopBelowMb())
        {
            fatal.accept("disk full on " + dir + ": " + freeMb + " MiB free, needs " + mb.stopBelowMb() +
                " MiB (disk.stopBelowMb)");
        }
        else if (freeMb < mb.warnBelowMb())
        {
            if (warning == null)
            {
                warning = "disk low on " + dir + ": " + freeMb + " MiB free, below disk.warnBelowMb " + mb.warnBelowMb();
                counters.diskLowWarnings.increment();
                LOG.warn("{}", warning);
                status.accept(FeedState.DEGRADED, warning);
            }
        }
        else if (warning != null)
        {
            LOG.info("disk on {} back to {} MiB free", dir, freeMb);
            warning = null;
            status.accept(FeedState.UP, "disk on " + dir + " back to " + freeMb + " MiB free");
        }
    }

    void statusTo(final BiConsumer<FeedState, String> status)
    {
        this.status = status;
    }

    /** The current low-disk warning, or null. */
    String warning()
    {
        return warning;
    }

    private long freeMb()
    {
        try
        {
            return freeSpace.freeBytes(dir) / MIB;
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("cannot read the free space of " + dir + ": " + ex, ex);
        }
    }
}

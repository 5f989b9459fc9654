package io.tickwire.model.journal;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.util.Arrays;

/**
 * Keeps the newest {@code journal.retentionDays} cycle files of a journal and deletes the older ones, so a node
 * that runs for months does not fill its disk by design. tickwire's cycles are daily and named
 * {@code yyyyMMddL.cq4} (Chronicle's LARGE and HUGE daily cycles), so name order is time order and a file is a
 * day. The node applies it at start and on its watchdog thread, which sees each daily roll within a check
 * interval: never on a journal stage. 0 keeps everything.
 */
public final class JournalRetention
{
    private static final Logger LOG = LoggerFactory.getLogger(JournalRetention.class);

    private final ChronicleQueue queue;
    private final File directory;
    private final int keepDays;

    public JournalRetention(final ChronicleQueue queue, final int keepDays)
    {
        this.queue = queue;
        this.directory = queue.file();
        this.keepDays = keepDays;
    }

    /** @return how many cycle files were deleted. */
    public int apply()
    {
        final File[] cycles = directory.listFiles((d, name) -> name.endsWith(".cq4"));
        if (keepDays <= 0 || cycles == null || cycles.length <= keepDays)
        {
            return 0;
        }
        Arrays.sort(cycles);
        int deleted = 0;
        for (int i = 0; i < cycles.length - keepDays; i++)
        {
            if (cycles[i].delete())
            {
                deleted++;
            }
            else
            {
                LOG.warn("journal retention: could not delete {}", cycles[i]);
            }
        }
        if (deleted > 0)
        {
            queue.refreshDirectoryListing();
            LOG.info("journal retention: deleted {} day(s) older than the newest {} in {}", deleted, keepDays,
                directory);
        }
        return deleted;
    }
}

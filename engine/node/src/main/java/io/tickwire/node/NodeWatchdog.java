package io.tickwire.node;

import io.tickwire.model.journal.JournalRetention;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The node's housekeeping thread ({@code tickwire-watchdog}): every {@code disk.checkIntervalMs} it samples the
 * data volume's free space and applies journal retention, so a daily roll is seen within one interval and no
 * journal stage ever deletes a file. A failure of its own goes to the fatal path.
 */
final class NodeWatchdog implements AutoCloseable
{
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor((r) ->
    {
        final Thread t = new Thread(r, "tickwire-watchdog");
        t.setDaemon(true);
        return t;
    });

    NodeWatchdog(final DiskGuard disk, final List<JournalRetention> retention, final long intervalMillis,
        final Consumer<String> fatal)
    {
        retention.forEach(JournalRetention::apply); // days past retention while the node was stopped
        thread.scheduleWithFixedDelay(() ->
        {
            try
            {
                disk.check();
                retention.forEach(JournalRetention::apply);
            }
            catch (final RuntimeException ex)
            {
                fatal.accept("watchdog: " + ex.getMessage());
            }
        }, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close()
    {
        thread.shutdownNow();
    }
}

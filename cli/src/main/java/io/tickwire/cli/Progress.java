package io.tickwire.cli;

import io.tickwire.replay.ProgressListener;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress bar for long work, redrawn in place on a terminal ({@code \r}): the share done when the total is
 * known, the count and rate always. Silent when standard error is not a terminal (a log should hold the summary,
 * not a thousand progress lines); the command's summary line follows either way.
 */
final class Progress implements ProgressListener
{
    private static final int WIDTH = 30;
    private final PrintStream err;
    private final String unit;
    private final boolean terminal = System.console() != null;
    private final long start = System.nanoTime();
    private boolean shown;

    Progress(final PrintStream err, final String unit)
    {
        this.err = err;
        this.unit = unit;
    }

    @Override
    public void progress(final long done, final long total)
    {
        if (terminal)
        {
            err.print("\r" + line(done, total, System.nanoTime() - start) + "   ");
            shown = true;
        }
    }

    /** Clears the bar before the summary. */
    void done()
    {
        if (shown)
        {
            err.print("\r\033[K");
        }
    }

    String line(final long done, final long total, final long elapsedNanos)
    {
        final double rate = done / Math.max(elapsedNanos / 1e9, 1e-3);
        if (total <= 0)
        {
            return String.format(Locale.ROOT, "%,d %s (%,.0f/s)", done, unit, rate);
        }
        final double share = Math.min(1.0, (double)done / total);
        final int filled = (int)(share * WIDTH);
        return String.format(Locale.ROOT, "[%s%s] %3.0f%% %,d of %,d %s (%,.0f/s)", "#".repeat(filled),
            ".".repeat(WIDTH - filled), share * 100, done, total, unit, rate);
    }
}

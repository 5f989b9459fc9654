package io.tickwire.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress line for long work, rewritten in place on a terminal ({@code \r}), and silent when the output goes
 * to a file or a pipe (a log should hold the summary, not a thousand progress lines).
 */
final class Progress
{
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

    void update(final long count)
    {
        if (terminal)
        {
            final double seconds = (System.nanoTime() - start) / 1e9;
            err.printf(Locale.ROOT, "\r%,d %s (%,.0f/s)   ", count, unit, count / Math.max(seconds, 1e-3));
            shown = true;
        }
    }

    void done()
    {
        if (shown)
        {
            err.print("\r\033[K");
        }
    }
}

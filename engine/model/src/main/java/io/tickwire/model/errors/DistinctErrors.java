package io.tickwire.model.errors;

import org.agrona.concurrent.errors.DistinctErrorLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every distinct error the node has seen, once, with how often and where it recurred — the idea of Agrona's
 * {@code DistinctErrorLog}, keyed by where it happened and its stack trace rather than its message, so the
 * same fault on a million events is one entry with a count, not a million lines: an error storm cannot fill
 * a disk or a log. The first observation of each is logged; later ones are counted. Bounded: past
 * {@link #MAX_DISTINCT} kinds, further kinds are counted as overflow. Thread-safe; only error paths call it.
 * A node also writes each occurrence to the {@link DistinctErrorLog} in its counters file, where
 * {@code tickwire errors} reads it from another process, and after the process is gone.
 */
public final class DistinctErrors
{
    /** How many kinds of error are kept. */
    public static final int MAX_DISTINCT = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(DistinctErrors.class);

    /** One kind of error: where, what, and the input positions of its first and latest occurrence. */
    public record Entry(String where, String stackTrace, long count, long firstPosition, long lastPosition)
    {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final DistinctErrorLog log;
    private long overflow;
    private boolean logFull;

    /** Errors kept in this process only (a replay, a rebuild, a test). */
    public DistinctErrors()
    {
        this(null);
    }

    /** Errors also written to {@code log}, for other processes to read. */
    public DistinctErrors(final DistinctErrorLog log)
    {
        this.log = log;
    }

    /**
     * @param where    the component that failed (a stage, the gateway conductor, ...).
     * @param position what it was working on (an input journal index), or -1 when none applies.
     * @return whether this was the first of its kind.
     */
    public synchronized boolean record(final String where, final long position, final Throwable error)
    {
        if (log != null)
        {
            if (!log.record(new NodeFault(where, error)) && !logFull)
            {
                logFull = true; // the in-memory entries still count every kind; said once
                LOG.warn("the counters file's error log is full: tickwire errors will not show kinds after this one");
            }
        }
        final String trace = stackTrace(error);
        final String key = where + '\n' + trace;
        final Entry seen = entries.get(key);
        if (seen != null)
        {
            entries.put(key, new Entry(where, trace, seen.count() + 1, seen.firstPosition(), position));
            return false;
        }
        if (entries.size() >= MAX_DISTINCT)
        {
            overflow++;
            return false;
        }
        entries.put(key, new Entry(where, trace, 1, position, position));
        LOG.error("{} failed at input position {} (further occurrences are counted, not logged)", where, position, error);
        return true;
    }

    public synchronized List<Entry> entries()
    {
        return new ArrayList<>(entries.values());
    }

    /** Kinds of error that arrived when {@link #MAX_DISTINCT} were already kept. */
    public synchronized long overflow()
    {
        return overflow;
    }

    private static String stackTrace(final Throwable error)
    {
        final StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    /**
     * What the error log keys on: where it failed, then the error as its cause. Agrona's log compares type,
     * message and stack traces, so the same fault in the same place is one entry with a count. No stack of its
     * own: it is made on the error path, not thrown.
     */
    static final class NodeFault extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        NodeFault(final String where, final Throwable cause)
        {
            super(where, cause, false, false);
        }
    }
}

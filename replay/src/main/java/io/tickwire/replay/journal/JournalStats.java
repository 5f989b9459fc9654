package io.tickwire.replay.journal;

import io.tickwire.model.journal.JournalReader;
import net.openhft.chronicle.queue.ChronicleQueue;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code tickwire journal stats}: what a journal holds — records and bytes by type, symbols, the index and
 * event-time span, the rate over it, the feed gaps its FeedStatus records declare, and its files.
 */
public final class JournalStats
{
    /** The figures, for tests and the printout. */
    public record Result(Map<String, long[]> byType, int symbols, long firstIndex, long lastIndex, long firstEventTime,
        long lastEventTime, long records, long gaps, long gapNanos, Map<String, Long> files)
    {
    }

    private JournalStats()
    {
    }

    public static Result of(final ChronicleQueue journal, final Path directory)
    {
        final RecordDecoder decoder = new RecordDecoder();
        final SymbolTable symbols = new SymbolTable();
        final Map<String, long[]> byType = new TreeMap<>();
        final long[] span = {-1, -1, Long.MAX_VALUE, Long.MIN_VALUE, 0, 0, 0};
        try (JournalReader reader = new JournalReader(journal).toStart())
        {
            reader.drain((buffer, length, index) ->
            {
                final RecordDecoder.Decoded record = decoder.decode(buffer, length);
                symbols.onRecord(record);
                final long[] counts = byType.computeIfAbsent(record.type(), (t) -> new long[2]);
                counts[0]++;
                counts[1] += length;
                span[0] = span[0] < 0 ? index : span[0];
                span[1] = index;
                final long eventTime = record.number("eventTime", 0);
                if (eventTime > 0)
                {
                    span[2] = Math.min(span[2], eventTime);
                    span[3] = Math.max(span[3], eventTime);
                }
                span[4]++;
                final long gapStart = record.number("gapStart", 0);
                final long gapEnd = record.number("gapEnd", 0);
                if (record.type().equals("FeedStatus") && gapStart > 0 && gapEnd > gapStart && gapEnd != Long.MAX_VALUE)
                {
                    span[5]++;
                    span[6] += gapEnd - gapStart;
                }
            });
        }
        final Map<String, Long> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(directory))
        {
            for (final Path file : list.toList())
            {
                files.put(file.getFileName().toString(), Files.size(file));
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return new Result(byType, symbols.size(), span[0], span[1], span[4] == 0 ? 0 : span[2],
            span[4] == 0 ? 0 : span[3], span[4], span[5], span[6], files);
    }

    public static void print(final Result r, final PrintStream out)
    {
        out.printf(Locale.ROOT, "records %,d (index %d .. %d), symbols %d%n", r.records(), r.firstIndex(),
            r.lastIndex(), r.symbols());
        if (r.firstEventTime() > 0)
        {
            final double seconds = Math.max(1e-9, (r.lastEventTime() - r.firstEventTime()) / 1e9);
            out.printf(Locale.ROOT, "event time %s .. %s (%.1f s), %,.0f records/s%n",
                Instant.ofEpochSecond(0, r.firstEventTime()), Instant.ofEpochSecond(0, r.lastEventTime()), seconds,
                r.records() / seconds);
        }
        out.printf(Locale.ROOT, "%-20s %12s %14s%n", "type", "records", "bytes");
        r.byType().forEach((type, c) -> out.printf(Locale.ROOT, "%-20s %,12d %,14d%n", type, c[0], c[1]));
        out.printf(Locale.ROOT, "feed gaps declared: %d, %.3f s in all%n", r.gaps(), r.gapNanos() / 1e9);
        out.println("files:");
        final List<Map.Entry<String, Long>> files = List.copyOf(r.files().entrySet());
        files.forEach((f) -> out.printf(Locale.ROOT, "  %-40s %,14d bytes%n", f.getKey(), f.getValue()));
    }
}

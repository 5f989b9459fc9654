package io.tickwire.node;

import io.tickwire.model.journal.Journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/** The engine's levels sampled when {@code /metrics} is scraped: the ring's backlog, each journal's size on disk. */
final class EngineGauges
{
    private static final List<String> JOURNALS = List.of(Journal.INPUT, Journal.OUTPUT, Journal.RAW,
        Journal.DEAD_LETTER);

    private final NodeContext ctx;
    private final LongSupplier ringLag;

    EngineGauges(final NodeContext ctx, final LongSupplier ringLag)
    {
        this.ctx = ctx;
        this.ringLag = ringLag;
    }

    Map<String, Long> sample()
    {
        final Map<String, Long> gauges = new LinkedHashMap<>();
        gauges.put("ring_lag", ringLag.getAsLong());
        for (final String journal : JOURNALS)
        {
            gauges.put(journal + "_journal_disk_bytes", sizeOnDisk(ctx.journalDir(journal)));
        }
        return gauges;
    }

    private static long sizeOnDisk(final Path dir)
    {
        try (Stream<Path> files = Files.walk(dir))
        {
            return files.filter(Files::isRegularFile).mapToLong((f) -> f.toFile().length()).sum();
        }
        catch (final IOException | UncheckedIOException ex)
        {
            return -1; // a file rolled away while walking: the next scrape sees the new set
        }
    }
}

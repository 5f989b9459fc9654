package io.tickwire.cli;

import io.tickwire.config.Keys;
import io.tickwire.config.TickwireConfig;
import io.tickwire.model.journal.Journal;
import io.tickwire.replay.history.FlatFileImport;
import net.openhft.chronicle.queue.ChronicleQueue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** {@code tickwire import}: Massive flat files into an input journal, which {@code tickwire replay} then runs. */
final class ImportCommand
{
    static final String HELP = String.join("\n",
        "usage: tickwire import (--files F,F... | --dir DIR) --output JOURNAL_DIR [--rejects FILE] [--run-rows N]",
        "",
        "Reads Massive flat files (trades_v1, quotes_v1, minute_aggs_v1; .csv.gz streamed, or .csv), told apart",
        "by their headers, into a new input journal in event-time order, with a symbol definition before each",
        "ticker's first event and the engine's timer ticks between events. Rows that cannot be read go to the",
        "rejects file (default import-rejects.txt) with file, line and reason. Sorting uses runs of --run-rows",
        "rows (default 1,000,000) spilled to temporary files: memory stays bounded. Then:",
        "  tickwire replay --input JOURNAL_DIR --output OUT_DIR   builds bars, metrics and setups from it.",
        "Sample files: samples/flatfiles (docs/quant-walkthrough.md).");

    private ImportCommand()
    {
    }

    static int run(final CommandLine cl, final PrintStream out, final PrintStream err) throws IOException
    {
        final List<Path> files = new ArrayList<>();
        for (final String f : cl.option("files", "").split(","))
        {
            if (!f.isBlank())
            {
                files.add(Path.of(f.trim()));
            }
        }
        if (cl.option("dir", null) != null)
        {
            try (Stream<Path> list = Files.list(Path.of(cl.option("dir", null))))
            {
                list.filter((p) -> p.toString().endsWith(".csv.gz") || p.toString().endsWith(".csv")).sorted()
                    .forEach(files::add);
            }
        }
        if (files.isEmpty())
        {
            throw new IllegalArgumentException("--files F,F... or --dir DIR names the flat files to import");
        }
        final Path output = Path.of(cl.required("output", "JOURNAL_DIR"));
        final TickwireConfig config = cl.config();
        final Path rejects = Path.of(cl.option("rejects", "import-rejects.txt"));
        try (ChronicleQueue journal = Journal.open(output, config.get(Keys.JOURNAL_ROLL_CYCLE),
            config.get(Keys.JOURNAL_ROLL_TIME));
            PrintStream rejected = new PrintStream(Files.newOutputStream(rejects), true, StandardCharsets.UTF_8))
        {
            final Progress progress = new Progress(err, "rows");
            final FlatFileImport.Result r = new FlatFileImport((int)cl.longOption("run-rows", 1_000_000),
                config.get(Keys.ENGINE_TIMER_INTERVAL_MS) * 1_000_000L).importFiles(files, journal, rejected, progress);
            progress.done();
            out.printf("imported %,d of %,d rows (%,d rejected, see %s): %d symbols, %s .. %s, into %s%n", r.events(),
                r.rows(), r.rejected(), rejects, r.symbols(), r.firstTime() < 0 ? "-" : Instant.ofEpochSecond(0,
                r.firstTime()), r.firstTime() < 0 ? "-" : Instant.ofEpochSecond(0, r.lastTime()), output);
        }
        return 0;
    }
}

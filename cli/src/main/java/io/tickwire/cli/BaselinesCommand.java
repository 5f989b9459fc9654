package io.tickwire.cli;

import io.tickwire.config.Keys;
import io.tickwire.engine.metrics.BaselineFile;
import io.tickwire.model.journal.Journal;
import io.tickwire.replay.JournalReplayer;
import io.tickwire.replay.baseline.BaselineBuilder;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code tickwire baselines build}: percentile baselines from output journals, for the node to rank metrics in. */
final class BaselinesCommand
{
    static final String HELP = String.join("\n",
        "usage: tickwire baselines build [--days 90] [--journal DIR,DIR...] [--input DIR,DIR...] [--out FILE]",
        "                                [--config FILE] [--set k=v]...",
        "",
        "Reads the metrics records (spread in bps, quote rate, thrust, realized volatility; ETF-index divergence) of",
        "the last --days US trading days in the output journals (--journal; default <engine.dataDir>/journals/output)",
        "and in input journals (--input: imports of flat files, or a node's input journal), each replayed first",
        "through the live stages into a temporary output journal; writes, per symbol, metric, timeframe and half",
        "hour of the trading day, the",
        "values at 25 quantiles (t-digest sketches) to --out (default: metrics.baselinesFile, else",
        "<engine.dataDir>/baselines.tsv). A node journals the file at start; its metrics then carry each value's",
        "percentile rank (pctl) for that time of day. Buckets and method: docs/analytics.md, \"Baselines\".");

    private BaselinesCommand()
    {
    }

    /** A comma-separated list of existing journal directories. */
    private static List<Path> paths(final String list)
    {
        final List<Path> paths = new ArrayList<>();
        for (final String j : list.split(","))
        {
            if (!j.isBlank())
            {
                final Path path = Path.of(j.trim());
                if (!Files.isDirectory(path))
                {
                    throw new IllegalArgumentException("no journal at " + path);
                }
                paths.add(path);
            }
        }
        return paths;
    }

    static int run(final CommandLine cl, final PrintStream out, final PrintStream err) throws IOException
    {
        final List<Path> journals = paths(cl.option("journal", ""));
        final List<Path> inputs = paths(cl.option("input", ""));
        if (journals.isEmpty() && inputs.isEmpty())
        {
            journals.add(cl.existingJournal("journal", Journal.OUTPUT));
        }
        final String configured = cl.config().get(Keys.METRICS_BASELINES_FILE);
        final Path file = Path.of(cl.option("out", configured.isEmpty() ?
            Path.of(cl.config().get(Keys.ENGINE_DATA_DIR)).resolve(BaselineFile.DEFAULT_NAME).toString() : configured));
        final Path scratch = Files.createTempDirectory("tickwire-baselines");
        final BaselineBuilder.Result r;
        try
        {
            for (int i = 0; i < inputs.size(); i++) // the same stages as live: the metrics a node would have written
            {
                final Progress replaying = new Progress(err, "input records replayed");
                final Path replayed = scratch.resolve("output-" + i);
                new JournalReplayer(cl.config()).progress(replaying).replay(inputs.get(i), replayed);
                replaying.done();
                journals.add(replayed);
            }
            final Progress progress = new Progress(err, "records read");
            r = new BaselineBuilder((int)cl.longOption("days", 90)).build(journals, file, progress);
            progress.done();
        }
        finally
        {
            ReplayCommand.deleteTree(scratch);
        }
        out.printf("%,d tables for %d symbols from %,d values of %,d records, %d trading days %s .. %s: %s%n",
            r.tables(), r.symbols(), r.values(), r.records(), r.tradingDays(), r.firstDay(), r.lastDay(), file);
        return 0;
    }
}

package io.tickwire.cli;

import io.tickwire.config.Keys;
import io.tickwire.engine.metrics.BaselineFile;
import io.tickwire.model.journal.Journal;
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
        "usage: tickwire baselines build [--days 90] [--journal DIR,DIR...] [--out FILE] [--config FILE] [--set k=v]...",
        "",
        "Reads the metrics records (spread in bps, quote rate, thrust, realized volatility; ETF-index divergence) of",
        "the last --days US trading days in the output journals (default <engine.dataDir>/journals/output; a replay",
        "of an import is one too) and writes, per symbol, metric, timeframe and half hour of the trading day, the",
        "values at 25 quantiles (t-digest sketches) to --out (default: metrics.baselinesFile, else",
        "<engine.dataDir>/baselines.tsv). A node journals the file at start; its metrics then carry each value's",
        "percentile rank (pctl) for that time of day. Buckets and method: docs/analytics.md, \"Baselines\".");

    private BaselinesCommand()
    {
    }

    static int run(final CommandLine cl, final PrintStream out, final PrintStream err) throws IOException
    {
        final List<Path> journals = new ArrayList<>();
        final String named = cl.option("journal", "");
        if (named.isEmpty())
        {
            journals.add(cl.existingJournal("journal", Journal.OUTPUT));
        }
        for (final String j : named.split(","))
        {
            if (!j.isBlank())
            {
                final Path path = Path.of(j.trim());
                if (!Files.isDirectory(path))
                {
                    throw new IllegalArgumentException("no journal at " + path);
                }
                journals.add(path);
            }
        }
        final String configured = cl.config().get(Keys.METRICS_BASELINES_FILE);
        final Path file = Path.of(cl.option("out", configured.isEmpty() ?
            Path.of(cl.config().get(Keys.ENGINE_DATA_DIR)).resolve(BaselineFile.DEFAULT_NAME).toString() : configured));
        final Progress progress = new Progress(err, "records read");
        final BaselineBuilder.Result r = new BaselineBuilder((int)cl.longOption("days", 90))
            .build(journals, file, progress);
        progress.done();
        out.printf("%,d tables for %d symbols from %,d values of %,d records, %d trading days %s .. %s: %s%n",
            r.tables(), r.symbols(), r.values(), r.records(), r.tradingDays(), r.firstDay(), r.lastDay(), file);
        return 0;
    }
}

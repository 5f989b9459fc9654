package io.tickwire.cli;

import io.tickwire.model.journal.Journal;
import io.tickwire.replay.backtest.Backtest;
import io.tickwire.replay.backtest.BacktestReport;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/** {@code tickwire backtest}: setups run through a recorded or imported day by the live evaluator, and a report. */
final class BacktestCommand
{
    static final String HELP = String.join("\n",
        "usage: tickwire backtest --setups FILE --report DIR [--input DIR] [--config FILE] [--set key=value]...",
        "",
        "Places the setups of FILE (a JSON array, as config/setups.example.json; each may add \"at\", when it is",
        "placed, ISO-8601 or epoch ns, default the day's start, and \"p\", the forecast that it reaches target 1",
        "before its stop) into the input journal (default <engine.dataDir>/journals/input) and replays the day",
        "through the live stages. The report directory gets setups.csv (every setup's path: trigger, target 1,",
        "outcome, times, R, maximum favourable and adverse excursion in ATRs), summary.csv (hit rates and",
        "expectancy by direction and confirmation rule), alerts.csv (by type and hour), reliability.csv (the",
        "forecasts' reliability table) and report.html (all of it with charts, self-contained).");

    private BacktestCommand()
    {
    }

    static int run(final CommandLine cl, final PrintStream out, final PrintStream err) throws IOException
    {
        final Path setups = Path.of(cl.required("setups", "FILE"));
        final Path report = Path.of(cl.required("report", "DIR"));
        final Path work = Files.createTempDirectory("tickwire-backtest");
        try
        {
            final Progress progress = new Progress(err, "input records");
            final Backtest.Result result = Backtest.run(cl.config(), cl.existingJournal("input", Journal.INPUT),
                Files.readString(setups), work, progress);
            progress.done();
            BacktestReport.write(result, report);
            final BacktestReport.Summary s = BacktestReport.summary(result);
            out.printf(Locale.ROOT, "%d setups, %d triggered, %d reached target 1, expectancy %.3f R, Brier %.4f " +
                "over %d forecasts; report in %s%n", s.setups(), s.triggered(), s.hitTarget1(), s.expectancyR(),
                s.brier(), s.forecasts(), report.resolve("report.html"));
        }
        finally
        {
            try (Stream<Path> paths = Files.walk(work))
            {
                paths.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
            }
        }
        return 0;
    }
}

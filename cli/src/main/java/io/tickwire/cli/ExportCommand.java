package io.tickwire.cli;

import io.tickwire.model.journal.Journal;
import io.tickwire.replay.journal.JournalExport;
import io.tickwire.replay.journal.RecordFilter;
import net.openhft.chronicle.queue.ChronicleQueue;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;

/** {@code tickwire export}: one kind of record over a window to Parquet or CSV, for pandas, Polars, DuckDB, R. */
final class ExportCommand
{
    static final String HELP = String.join("\n",
        "usage: tickwire export --type trades|quotes|bars|metrics|pairs|setups|alerts --out FILE",
        "                       [--format parquet|csv] [--symbols S,...] [--from TIME] [--to TIME]",
        "                       [--revisions latest|all] [--journal DIR]",
        "",
        "Writes the records of one kind from the output journal (default <engine.dataDir>/journals/output) to",
        "Parquet (default) or CSV, with typed columns: times as TIMESTAMP_NS, prices and sizes as DECIMAL(18,6),",
        "enums as text; the first columns are index (the journal position) and ticker. Bars keep their latest",
        "revision unless --revisions all. --from/--to: event time, epoch ns or ISO-8601, [from, to).");

    private ExportCommand()
    {
    }

    static int run(final CommandLine cl, final PrintStream out, final PrintStream err) throws SQLException
    {
        final JournalExport.Kind kind = JournalExport.kind(cl.required("type", "trades|quotes|bars|..."));
        final Path file = Path.of(cl.required("out", "FILE"));
        final JournalExport.Format format = JournalExport.Format.valueOf(
            cl.option("format", file.toString().endsWith(".csv") ? "csv" : "parquet").toUpperCase(Locale.ROOT));
        final RecordFilter window = new RecordFilter(Set.of(), JournalCommand.set(cl.option("symbols", "")),
            JournalCommand.time(cl.option("from", null), Long.MIN_VALUE),
            JournalCommand.time(cl.option("to", null), Long.MAX_VALUE));
        try (ChronicleQueue journal = Journal.openForRead(cl.existingJournal("journal", Journal.OUTPUT)))
        {
            final Progress progress = new Progress(err, "records read");
            final JournalExport.Result result = JournalExport.export(journal, kind, window,
                cl.option("revisions", "latest").equals("all"), format, file, progress);
            progress.done();
            out.printf("%,d %s to %s (%s): %s%n", result.rows(), kind.name().toLowerCase(Locale.ROOT), file,
                format.name().toLowerCase(Locale.ROOT), String.join(",", result.columns()));
        }
        return 0;
    }
}

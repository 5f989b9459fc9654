package io.tickwire.cli;

import io.tickwire.model.journal.Journal;
import io.tickwire.replay.RawJournalExporter;

import java.io.PrintStream;
import java.nio.file.Path;

/** {@code tickwire export-raw}: the raw capture journal as a recorded session the simulator can serve. */
final class ExportRawCommand
{
    static final String HELP = String.join("\n",
        "usage: tickwire export-raw --output FILE [--input DIR] [--config FILE] [--set key=value]...",
        "",
        "Writes every upstream frame of the raw capture journal (default <engine.dataDir>/journals/raw) as one",
        "line: RECEIVE_TIME_NS, TAB, CLUSTER, TAB, FRAME. Serve it again with",
        "  tickwire simulate --recording FILE [--fast]");

    private ExportRawCommand()
    {
    }

    static int run(final CommandLine cl, final PrintStream out)
    {
        final String output = cl.required("output", "FILE");
        final Path input = cl.existingJournal("input", Journal.RAW);
        out.printf("exported %,d frames to %s%n", RawJournalExporter.export(input, Path.of(output)), output);
        return 0;
    }
}

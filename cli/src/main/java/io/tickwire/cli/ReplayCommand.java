package io.tickwire.cli;

import io.tickwire.config.TickwireConfig;
import io.tickwire.model.journal.Journal;
import io.tickwire.replay.JournalComparator;
import io.tickwire.replay.JournalReplayer;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** {@code tickwire replay}: input journal through the handlers into a new output journal, optionally compared. */
final class ReplayCommand
{
    static final String HELP = String.join("\n",
        "usage: tickwire replay --output DIR [--input DIR] [--compare DIR] [--config FILE] [--set key=value]...",
        "",
        "Reads the input journal (default <engine.dataDir>/journals/input), drives the same handlers as live",
        "and writes a new output journal to DIR (which must not exist yet). With --compare, checks the new",
        "output against another output journal record by record, byte for byte, and exits 1 if they differ.",
        "Use the configuration the live run used: bar timeframes and dedupe window shape the output.");

    private ReplayCommand()
    {
    }

    static int run(final CommandLine cl, final PrintStream out)
    {
        final TickwireConfig config = cl.config();
        final Path output = Path.of(cl.required("output", "DIR"));
        final Path input = cl.existingJournal("input", Journal.INPUT);
        if (Files.exists(output))
        {
            throw new IllegalArgumentException("output " + output + " already exists; replay writes a new journal");
        }
        final JournalReplayer.Result result = new JournalReplayer(config).replay(input, output);
        out.printf(Locale.ROOT, "replayed %,d input records into %,d output records in %.3f s (%,.0f events/s)%n",
            result.inputRecords(), result.outputRecords(), result.nanos() / 1e9, result.eventsPerSecond());
        final String compare = cl.options.get("compare");
        if (compare != null)
        {
            final JournalComparator.Result cmp = JournalComparator.compare(Path.of(compare), output);
            if (cmp.equal())
            {
                out.printf(Locale.ROOT, "identical to %s: %,d records, byte for byte%n", compare, cmp.recordsCompared());
            }
            else
            {
                out.println("DIFFERENT from " + compare + ": " + cmp.difference());
                return 1;
            }
        }
        return 0;
    }
}

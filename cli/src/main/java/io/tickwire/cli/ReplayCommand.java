package io.tickwire.cli;

import io.tickwire.config.Keys;
import io.tickwire.config.TickwireConfig;
import io.tickwire.gateway.EngineLink;
import io.tickwire.gateway.GatewayServer;
import io.tickwire.gateway.GatewaySettings;
import io.tickwire.model.journal.Journal;
import io.tickwire.replay.JournalComparator;
import io.tickwire.replay.JournalReplayer;
import io.tickwire.replay.ReplaySlice;
import io.tickwire.replay.journal.RecordFilter;
import io.tickwire.replay.journal.SliceCopy;
import net.openhft.chronicle.queue.ChronicleQueue;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** {@code tickwire replay}: input journal through the handlers into a new output journal, optionally compared. */
final class ReplayCommand
{
    static final String HELP = String.join("\n",
        "usage: tickwire replay --output DIR [--input DIR] [--compare DIR] [--from T] [--to T] [--symbols S,...]",
        "                       [--speed N] [--serve PORT] [--config FILE] [--set key=value]...",
        "",
        "Reads the input journal (default <engine.dataDir>/journals/input), drives the same handlers as live",
        "and writes a new output journal to DIR (which must not exist yet). With --compare, checks the new",
        "output against another output journal record by record, byte for byte, and exits 1 if they differ.",
        "Use the configuration the live run used: bar timeframes and dedupe window shape the output.",
        "",
        "A slice: --from/--to (event time, epoch ns or ISO-8601) replays everything before --from as a warm-up, so",
        "the stages stand at --from as live did, then the window; the output holds the window's records (of",
        "--symbols only, and those of no symbol), each byte for byte what the whole day's replay writes. --speed N",
        "paces the window at N times its recorded timing. --serve PORT serves the output through a gateway on",
        "PORT as it is written: a desk sees the state before --from as its snapshot, then the window as live,",
        "at --speed (default 1); the gateway stays up after the replay until Ctrl-C.");

    private ReplayCommand()
    {
    }

    /** The slice written into {@code output} and served from it by a gateway started when the warm-up is in. */
    private static int serve(final TickwireConfig config, final Path input, final Path output, final ReplaySlice slice,
        final int port, final PrintStream out)
    {
        final GatewayServer[] gateway = new GatewayServer[1];
        try (ChronicleQueue served = Journal.open(output, config.get(Keys.JOURNAL_ROLL_CYCLE),
            config.get(Keys.JOURNAL_ROLL_TIME)))
        {
            final JournalReplayer.Result result = new JournalReplayer(config).replay(input, output, slice, () ->
            {
                gateway[0] = GatewayServer.start(GatewaySettings.from(config, false).port(port), served,
                    EngineLink.none((reason) -> { }));
                out.println("warm-up done; serving the slice at " + gateway[0].webSocketUrl() + " (speed " +
                    slice.speed() + "x)");
            });
            out.printf(Locale.ROOT, "replayed %,d input records; still serving, Ctrl-C ends%n", result.inputRecords());
            if (gateway[0] != null)
            {
                try
                {
                    Thread.currentThread().join();
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                }
                gateway[0].close();
            }
        }
        return 0;
    }

    /** Deletes a directory and everything in it. */
    static void deleteTree(final Path dir)
    {
        try (Stream<Path> paths = Files.walk(dir))
        {
            paths.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    static int run(final CommandLine cl, final PrintStream out, final PrintStream err)
    {
        final TickwireConfig config = cl.config();
        final Path output = Path.of(cl.required("output", "DIR"));
        final Path input = cl.existingJournal("input", Journal.INPUT);
        if (Files.exists(output))
        {
            throw new IllegalArgumentException("output " + output + " already exists; replay writes a new journal");
        }
        final ReplaySlice slice = new ReplaySlice(JournalCommand.time(cl.option("from", null), Long.MIN_VALUE),
            JournalCommand.time(cl.option("to", null), Long.MAX_VALUE), JournalCommand.set(cl.option("symbols", "")),
            Double.parseDouble(cl.option("speed", cl.option("serve", null) != null ? "1" : "0")));
        if (cl.option("serve", null) != null)
        {
            return serve(config, input, output, slice, Integer.parseInt(cl.option("serve", null)), out);
        }
        final boolean sliced = !slice.equals(ReplaySlice.ALL);
        final Path written = sliced ? output.resolveSibling(output.getFileName() + ".working") : output;
        final Progress progress = new Progress(err, "input records");
        final JournalReplayer.Result result = new JournalReplayer(config).progress(progress)
            .replay(input, written, slice, () -> { });
        progress.done();
        if (sliced)
        {
            try (ChronicleQueue working = Journal.openForRead(written);
                ChronicleQueue kept = Journal.open(output, config.get(Keys.JOURNAL_ROLL_CYCLE),
                    config.get(Keys.JOURNAL_ROLL_TIME)))
            {
                out.printf(Locale.ROOT, "slice: %,d records kept of %,d written (warm-up included)%n",
                    SliceCopy.copy(working, kept, new RecordFilter(Set.of(), slice.symbols(), slice.fromNanos(),
                        slice.toNanos())), result.outputRecords());
            }
            deleteTree(written);
        }
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

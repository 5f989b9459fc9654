package io.tickwire.cli;

import io.tickwire.model.journal.Journal;
import io.tickwire.replay.journal.JournalDump;
import io.tickwire.replay.journal.JournalStats;
import io.tickwire.replay.journal.JournalVerify;
import io.tickwire.replay.journal.RecordFilter;
import net.openhft.chronicle.queue.ChronicleQueue;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code tickwire journal dump|stats|verify|tail}: look inside a journal, decoded from the schema. */
final class JournalCommand
{
    static final String HELP = String.join("\n",
        "usage: tickwire journal dump|stats|verify|tail [--journal NAME|DIR] [--type T,...] [--symbols S,...]",
        "                        [--from TIME] [--to TIME] [--format json|csv]",
        "",
        "  dump    every record as a JSON line ({\"index\":N,\"type\":\"Trade\",\"ticker\":\"SPY\",...}), or as CSV for",
        "          one --type; dead letters show their frames as text",
        "  stats   records and bytes by type, symbols, index and event-time span, rate, declared feed gaps, files",
        "  verify  every record against the schema, index continuity, the tail; exit code 0 sound, 1 damaged",
        "  tail    dump, then follow what is appended (Ctrl-C ends it)",
        "",
        "--journal: input, output, raw or deadletter under engine.dataDir/journals (default output), or a",
        "directory. --type: schema message names (Trade, Quote, Microbar, BarMetrics, SetupTransition, ...).",
        "--from/--to: event time, epoch nanoseconds or ISO-8601 (2026-11-30T14:30:00Z); [from, to).");

    private JournalCommand()
    {
    }

    static int run(final String action, final CommandLine cl, final PrintStream out)
    {
        final Path path = journal(cl);
        try (ChronicleQueue journal = Journal.openForRead(path))
        {
            switch (action)
            {
                case "stats" ->
                {
                    JournalStats.print(JournalStats.of(journal, path), out);
                    return 0;
                }
                case "verify" ->
                {
                    final JournalVerify.Result result = JournalVerify.verify(journal);
                    JournalVerify.print(result, out);
                    return result.sound() ? 0 : 1;
                }
                default ->
                {
                    final JournalDump.Format format = JournalDump.Format.valueOf(
                        cl.option("format", "json").toUpperCase(java.util.Locale.ROOT));
                    final RecordFilter filter = new RecordFilter(set(cl.option("type", "")),
                        set(cl.option("symbols", "")), time(cl.option("from", null), Long.MIN_VALUE),
                        time(cl.option("to", null), Long.MAX_VALUE));
                    new JournalDump(filter, format, out).dump(journal, action.equals("tail"),
                        () -> Thread.currentThread().isInterrupted());
                    return 0;
                }
            }
        }
    }

    private static Path journal(final CommandLine cl)
    {
        final String name = cl.option("journal", Journal.OUTPUT);
        final Path path = Set.of(Journal.INPUT, Journal.OUTPUT, Journal.RAW, Journal.DEAD_LETTER).contains(name) ?
            cl.dataDirJournal(name) : Path.of(name);
        if (!Files.isDirectory(path))
        {
            throw new IllegalArgumentException("no journal at " + path);
        }
        return path;
    }

    static Set<String> set(final String list)
    {
        return Arrays.stream(list.split(",")).map(String::trim).filter((s) -> !s.isEmpty()).collect(Collectors.toSet());
    }

    static long time(final String text, final long absent)
    {
        if (text == null)
        {
            return absent;
        }
        if (text.chars().allMatch(Character::isDigit))
        {
            return Long.parseLong(text);
        }
        try
        {
            final Instant instant = Instant.parse(text);
            return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
        }
        catch (final DateTimeParseException ex)
        {
            throw new IllegalArgumentException("'" + text + "' is not epoch nanoseconds or an ISO-8601 instant");
        }
    }
}

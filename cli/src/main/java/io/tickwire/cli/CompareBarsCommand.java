package io.tickwire.cli;

import io.tickwire.model.journal.Journal;
import io.tickwire.replay.UpstreamBarComparator;

import java.io.PrintStream;

/** {@code tickwire compare-bars}: tickwire's bars against Massive's A/AM bars in an output journal. */
final class CompareBarsCommand
{
    static final String HELP = String.join("\n",
        "usage: tickwire compare-bars [--output DIR] [--config FILE] [--set key=value]...",
        "",
        "Compares tickwire's 1 s and 1 m bars with Massive's A and AM bars (latest revision of each) in the",
        "output journal (default <engine.dataDir>/journals/output): open, high, low, close and volume.");

    private CompareBarsCommand()
    {
    }

    static int run(final CommandLine cl, final PrintStream out)
    {
        final UpstreamBarComparator.Result r = UpstreamBarComparator.compare(cl.existingJournal("output", Journal.OUTPUT));
        out.printf("matched %d, differing %d, tickwire only %d, upstream only %d%n", r.matched(), r.differing(),
            r.tickwireOnly(), r.upstreamOnly());
        r.examples().forEach((e) -> out.println("  " + e));
        return r.differing() == 0 ? 0 : 1;
    }
}

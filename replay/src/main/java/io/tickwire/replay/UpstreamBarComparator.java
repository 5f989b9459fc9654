package io.tickwire.replay;

import io.tickwire.codecs.sbe.AggregateKind;
import io.tickwire.codecs.sbe.BarKind;
import io.tickwire.codecs.sbe.MessageHeaderDecoder;
import io.tickwire.codecs.sbe.MicrobarDecoder;
import io.tickwire.codecs.sbe.SymbolDefinitionDecoder;
import io.tickwire.codecs.sbe.UpstreamAggregateDecoder;
import io.tickwire.model.journal.Journal;
import io.tickwire.model.journal.JournalReader;
import net.openhft.chronicle.queue.ChronicleQueue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares tickwire's own 1 s and 1 m bars with Massive's A and AM bars in an output journal: for each
 * (symbol, start) the latest revision of each side, open/high/low/close and volume exactly. Quiet bars are
 * not compared (Massive sends no bar when nothing traded).
 */
public final class UpstreamBarComparator
{
    /** The comparison's outcome, with up to ten examples of differences. */
    public record Result(int matched, int differing, int tickwireOnly, int upstreamOnly, List<String> examples)
    {
    }

    private UpstreamBarComparator()
    {
    }

    public static Result compare(final Path outputJournal)
    {
        final Map<Integer, String> tickers = new HashMap<>();
        final Map<String, long[]> own = new TreeMap<>();
        final Map<String, long[]> upstream = new TreeMap<>();
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final SymbolDefinitionDecoder symbol = new SymbolDefinitionDecoder();
        final MicrobarDecoder bar = new MicrobarDecoder();
        final UpstreamAggregateDecoder aggregate = new UpstreamAggregateDecoder();
        try (ChronicleQueue queue = Journal.openForRead(outputJournal))
        {
            new JournalReader(queue).toStart().drain((buffer, length, index) ->
            {
                header.wrap(buffer, 0);
                switch (header.templateId())
                {
                    case SymbolDefinitionDecoder.TEMPLATE_ID:
                        symbol.wrapAndApplyHeader(buffer, 0, header);
                        tickers.put(symbol.symbolId(), symbol.ticker());
                        break;
                    case MicrobarDecoder.TEMPLATE_ID:
                        bar.wrapAndApplyHeader(buffer, 0, header);
                        if ((bar.timeframeMillis() == 1000 || bar.timeframeMillis() == 60_000) && bar.kind() != BarKind.QUIET &&
                            bar.kind() != BarKind.PARTIAL)
                        {
                            own.put(key(tickers.get(bar.symbolId()), bar.timeframeMillis(), bar.startTime()),
                                new long[]{bar.open(), bar.high(), bar.low(), bar.close(), bar.volume()});
                        }
                        break;
                    case UpstreamAggregateDecoder.TEMPLATE_ID:
                        aggregate.wrapAndApplyHeader(buffer, 0, header);
                        upstream.put(key(tickers.get(aggregate.symbolId()),
                            aggregate.kind() == AggregateKind.SECOND ? 1000 : 60_000, aggregate.startTime()),
                            new long[]{aggregate.open(), aggregate.high(), aggregate.low(), aggregate.close(),
                                aggregate.volume()});
                        break;
                    default:
                        break;
                }
            });
        }
        int matched = 0;
        int differing = 0;
        int ownOnly = 0;
        final List<String> examples = new ArrayList<>();
        for (final Map.Entry<String, long[]> e : own.entrySet())
        {
            final long[] theirs = upstream.get(e.getKey());
            if (theirs == null)
            {
                ownOnly++;
            }
            else if (java.util.Arrays.equals(e.getValue(), theirs))
            {
                matched++;
            }
            else
            {
                differing++;
                if (examples.size() < 10)
                {
                    examples.add(e.getKey() + ": tickwire " + java.util.Arrays.toString(e.getValue()) + " upstream " +
                        java.util.Arrays.toString(theirs));
                }
            }
        }
        final int upstreamOnly = (int)upstream.keySet().stream().filter((k) -> !own.containsKey(k)).count();
        return new Result(matched, differing, ownOnly, upstreamOnly, examples);
    }

    private static String key(final String ticker, final int timeframeMillis, final long start)
    {
        return ticker + " " + (timeframeMillis == 1000 ? "1s" : "1m") + " " + start;
    }
}

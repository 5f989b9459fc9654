package io.tickwire.bench;

import io.tickwire.codecs.sbe.MessageHeaderDecoder;
import io.tickwire.codecs.sbe.MicrobarDecoder;
import io.tickwire.config.TickwireConfig;
import io.tickwire.model.event.EventType;
import io.tickwire.model.journal.Journal;
import io.tickwire.model.journal.JournalReader;
import io.tickwire.replay.InputJournalCopy;
import io.tickwire.replay.JournalReplayer;
import net.openhft.chronicle.queue.ChronicleQueue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The chaos harness's bar check: the bars a node wrote across its restarts against those of one uninterrupted run
 * over the same events — its input journal without the EngineStart records, replayed. Every bar record is compared
 * (what it says of the market: kind, revision, window, prices, volume, counts; not which input closed it); the
 * 1 s and 1 m bars whose window lies within a minute of a restart are counted, to show the check reached them.
 */
final class RestartBars
{
    /** The comparison. */
    record Result(int bars, int nearRestarts, int differing, String firstDifference)
    {
    }

    /** What a bar record says of the market: its bytes after the bar clock and the closing input's receive time. */
    private record Bar(int timeframeMillis, long start, long end, byte[] market)
    {
        boolean sameAs(final Bar o)
        {
            return o != null && java.util.Arrays.equals(market, o.market);
        }
    }

    private RestartBars()
    {
    }

    static Result compare(final Path journals, final Path scratch, final List<Long> restartMillis)
    {
        final Path uninterrupted = scratch.resolve("uninterrupted-input");
        InputJournalCopy.without(journals.resolve(Journal.INPUT), uninterrupted, EventType.ENGINE_START);
        new JournalReplayer(TickwireConfig.defaults()).replay(uninterrupted, scratch.resolve("uninterrupted-output"));
        final List<Bar> written = bars(journals.resolve(Journal.OUTPUT));
        final List<Bar> expected = bars(scratch.resolve("uninterrupted-output"));
        int near = 0;
        int differing = 0;
        String first = null;
        for (int i = 0; i < Math.max(written.size(), expected.size()); i++)
        {
            final Bar w = i < written.size() ? written.get(i) : null;
            final Bar e = i < expected.size() ? expected.get(i) : null;
            if (w == null || !w.sameAs(e))
            {
                differing++;
                first = first != null ? first : "bar record " + i + (w == null ? " missing" : " (" + w.timeframeMillis() +
                    " ms from " + w.start() + ")");
            }
            else if (nearRestart(w, restartMillis))
            {
                near++;
            }
        }
        return new Result(written.size(), near, differing, first);
    }

    private static boolean nearRestart(final Bar bar, final List<Long> restartMillis)
    {
        if (bar.timeframeMillis() != 1_000 && bar.timeframeMillis() != 60_000)
        {
            return false;
        }
        for (final long restart : restartMillis)
        {
            final long at = restart * 1_000_000L;
            if (bar.end() >= at - 60_000_000_000L && bar.start() <= at + 60_000_000_000L)
            {
                return true;
            }
        }
        return false;
    }

    private static List<Bar> bars(final Path journal)
    {
        final List<Bar> bars = new ArrayList<>();
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final MicrobarDecoder bar = new MicrobarDecoder();
        final int market = MessageHeaderDecoder.ENCODED_LENGTH + MicrobarDecoder.symbolIdEncodingOffset();
        try (ChronicleQueue queue = Journal.openForRead(journal))
        {
            new JournalReader(queue).toStart().drain((buffer, length, index) ->
            {
                if (header.wrap(buffer, 0).templateId() == MicrobarDecoder.TEMPLATE_ID)
                {
                    bar.wrapAndApplyHeader(buffer, 0, header);
                    bars.add(new Bar(bar.timeframeMillis(), bar.startTime(), bar.endTime(),
                        java.util.Arrays.copyOfRange(buffer.byteArray(), market, length)));
                }
            });
        }
        return bars;
    }
}

package io.tickwire.replay;

import io.tickwire.config.Keys;
import io.tickwire.model.event.MarketEvent;
import io.tickwire.model.journal.EventCodec;
import io.tickwire.model.journal.Journal;
import io.tickwire.model.journal.JournalAppender;
import io.tickwire.model.journal.JournalReader;
import net.openhft.chronicle.queue.ChronicleQueue;

import java.nio.file.Path;
import java.time.LocalTime;

/**
 * Copies an input journal record for record (the bytes as they are) into a new one, leaving out one event type:
 * for instance every EngineStart, to replay a run that spans restarts as one uninterrupted run over the same events.
 */
public final class InputJournalCopy
{
    private InputJournalCopy()
    {
    }

    /** @return how many records were left out */
    public static long without(final Path from, final Path to, final int eventType)
    {
        final EventCodec codec = new EventCodec();
        final MarketEvent e = new MarketEvent();
        final long[] left = new long[1];
        try (ChronicleQueue in = Journal.openForRead(from);
            ChronicleQueue out = Journal.open(to, Keys.RollCycleName.LARGE_DAILY, LocalTime.of(6, 0)))
        {
            final JournalAppender appender = new JournalAppender(out);
            new JournalReader(in).toStart().drain((buffer, length, index) ->
            {
                if (codec.decode(buffer, 0, e) && e.type == eventType)
                {
                    left[0]++;
                    return;
                }
                appender.append(buffer.byteArray(), 0, length);
            });
        }
        return left[0];
    }
}

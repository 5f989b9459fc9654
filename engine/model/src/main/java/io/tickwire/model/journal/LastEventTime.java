package io.tickwire.model.journal;

import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import net.openhft.chronicle.queue.ChronicleQueue;

/**
 * The newest market event time (trade, quote, index value, upstream aggregate) in an input journal, read from
 * its end backwards: where the downtime of a restarted node begins. Looks at most {@code maxRecords} back, so
 * start-up stays bounded whatever the journal holds.
 */
public final class LastEventTime
{
    private LastEventTime()
    {
    }

    /** @return the event time, or 0 when no market event is within reach. */
    public static long of(final ChronicleQueue inputJournal, final int maxRecords)
    {
        final EventCodec codec = new EventCodec();
        final MarketEvent e = new MarketEvent();
        final long[] found = {0};
        final JournalReader reader = new JournalReader(inputJournal).backwardFromEnd();
        for (int i = 0; i < maxRecords && found[0] == 0; i++)
        {
            if (reader.poll((buffer, length, index) ->
            {
                if (codec.decode(buffer, 0, e) && isMarketData(e.type))
                {
                    found[0] = e.eventTime;
                }
            }) == 0)
            {
                break;
            }
        }
        return found[0];
    }

    private static boolean isMarketData(final int type)
    {
        return type == EventType.TRADE || type == EventType.QUOTE || type == EventType.INDEX_VALUE ||
            type == EventType.AGGREGATE;
    }
}

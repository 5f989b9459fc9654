package io.tickwire.model.journal;

import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import net.openhft.chronicle.queue.ChronicleQueue;

import java.util.HashSet;
import java.util.Set;

/**
 * The identities of the trades an input journal holds from a given event time on, read from its end backwards:
 * what a restarted node has already journaled of the window its first backfill reaches back over (the backfill
 * margin). Identity as the sequencer's dedupe has it: symbol, exchange, TRF id, trade id key.
 */
public final class JournaledTrades
{
    /** A trade's identity. */
    public record Identity(int symbolId, int exchange, int trfId, long tradeIdKey)
    {
    }

    private JournaledTrades()
    {
    }

    /** Trades with an event time at or after {@code fromEventTime}, looking at most {@code maxRecords} back. */
    public static Set<Identity> since(final ChronicleQueue inputJournal, final long fromEventTime, final int maxRecords)
    {
        final Set<Identity> identities = new HashSet<>();
        final EventCodec codec = new EventCodec();
        final MarketEvent e = new MarketEvent();
        final JournalReader reader = new JournalReader(inputJournal).backwardFromEnd();
        final boolean[] older = {false};
        for (int i = 0; i < maxRecords && !older[0]; i++)
        {
            if (reader.poll((buffer, length, index) ->
            {
                if (codec.decode(buffer, 0, e) && e.type == EventType.TRADE)
                {
                    if (e.eventTime < fromEventTime && e.receiveTime < fromEventTime)
                    {
                        older[0] = true; // received before the window began: nothing older is in it
                        return;
                    }
                    if (e.eventTime >= fromEventTime)
                    {
                        identities.add(new Identity(e.symbolId, e.exchange, e.trfId, e.tradeIdKey));
                    }
                }
            }) == 0)
            {
                break;
            }
        }
        return identities;
    }
}

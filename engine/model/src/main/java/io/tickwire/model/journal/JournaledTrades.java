package io.tickwire.model.journal;

import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import net.openhft.chronicle.queue.ChronicleQueue;

import java.util.HashSet;
import java.util.Set;

/**
 * What a restarted node needs of its input journal's end, in one backward read: the newest market event time
 * (trade, quote, index value, upstream aggregate) — where its downtime begins — and the identities of the trades
 * journaled within {@code windowNanos} before it, which the first backfill reaches back over (its margin).
 * Identity as the sequencer's dedupe has it: symbol, exchange, TRF id, trade id key. Bounded by {@code maxRecords}.
 */
public final class JournaledTrades
{
    /** A trade's identity. */
    public record Identity(int symbolId, int exchange, int trfId, long tradeIdKey)
    {
    }

    /** The journal's end: its newest market event time (0 when none within reach) and the trades near it. */
    public record Tail(long lastEventTime, Set<Identity> trades)
    {
    }

    private JournaledTrades()
    {
    }

    public static Tail tail(final ChronicleQueue inputJournal, final long windowNanos, final int maxRecords)
    {
        final Set<Identity> trades = new HashSet<>();
        final EventCodec codec = new EventCodec();
        final MarketEvent e = new MarketEvent();
        final JournalReader reader = new JournalReader(inputJournal).backwardFromEnd();
        final long[] last = {0};
        final boolean[] done = {false};
        for (int i = 0; i < maxRecords && !done[0]; i++)
        {
            if (reader.poll((buffer, length, index) ->
            {
                if (!codec.decode(buffer, 0, e) || !isMarketData(e.type))
                {
                    return;
                }
                if (last[0] == 0)
                {
                    last[0] = e.eventTime;
                }
                final long from = last[0] - windowNanos;
                if (e.eventTime < from && e.receiveTime < from)
                {
                    done[0] = true; // received before the window began: nothing older is in it
                }
                else if (e.type == EventType.TRADE && e.eventTime >= from)
                {
                    trades.add(new Identity(e.symbolId, e.exchange, e.trfId, e.tradeIdKey));
                }
            }) == 0)
            {
                break;
            }
        }
        return new Tail(last[0], trades);
    }

    private static boolean isMarketData(final int type)
    {
        return type == EventType.TRADE || type == EventType.QUOTE || type == EventType.INDEX_VALUE ||
            type == EventType.AGGREGATE;
    }
}

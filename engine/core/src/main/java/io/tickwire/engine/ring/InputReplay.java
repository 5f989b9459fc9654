package io.tickwire.engine.ring;

import io.tickwire.model.event.MarketEvent;
import io.tickwire.model.journal.EventCodec;
import io.tickwire.model.journal.JournalReader;
import net.openhft.chronicle.queue.ChronicleQueue;

/**
 * Publishes an input journal, from its first record, into a replay ring: each event carries its journal index,
 * as the live input journal stage gave it. The one way records re-enter the stages — for {@code tickwire
 * replay}, and for the node rebuilding its stages' state at start.
 */
public final class InputReplay
{
    private InputReplay()
    {
    }

    /** @return the number of input records published */
    public static long publishAll(final ChronicleQueue inputJournal, final RingPublisher publisher)
    {
        final EventCodec codec = new EventCodec();
        final MarketEvent event = new MarketEvent();
        final long[] count = new long[1];
        new JournalReader(inputJournal).toStart().drain((buffer, length, index) ->
        {
            if (codec.decode(buffer, 0, event))
            {
                event.inputIndex = index;
                publisher.publishBlocking(event);
                count[0]++;
            }
        });
        return count[0];
    }
}

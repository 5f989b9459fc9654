package io.tickwire.engine.ring;

import io.tickwire.model.event.MarketEvent;
import io.tickwire.model.journal.EventCodec;
import io.tickwire.model.journal.JournalReader;
import net.openhft.chronicle.queue.ChronicleQueue;

/**
 * Feeds an input journal, from its first record, through a {@link ReplayChain} on the calling thread: each event
 * carries its journal index, as the live input journal stage gave it. The one way records re-enter the stages —
 * for {@code tickwire replay}, and for the node rebuilding its stages' state at start.
 */
public final class InputReplay
{
    /** Decides, for each event about to be published, what becomes of it; it may wait first (pacing). */
    public interface Gate
    {
        /** Through the stages. */
        int PUBLISH = 0;
        /** The replay ends here. */
        int STOP = 1;

        int admit(MarketEvent event);
    }

    private InputReplay()
    {
    }

    /** @return the number of input records replayed */
    public static long replayAll(final ChronicleQueue inputJournal, final ReplayChain stages)
    {
        return replay(inputJournal, stages, (event) -> Gate.PUBLISH);
    }

    /** Replays what the gate admits, from the journal's first record until it says stop. @return records replayed */
    public static long replay(final ChronicleQueue inputJournal, final ReplayChain stages, final Gate gate)
    {
        final EventCodec codec = new EventCodec();
        final MarketEvent event = new MarketEvent(); // decoded into, then through the stages: no copy
        final long[] count = new long[1];
        final boolean[] stopped = new boolean[1];
        final JournalReader.RecordHandler handler = (buffer, length, index) ->
        {
            if (codec.decode(buffer, 0, event))
            {
                event.inputIndex = index;
                final int verdict = gate.admit(event);
                if (verdict == Gate.PUBLISH)
                {
                    stages.accept(event);
                    count[0]++;
                }
                stopped[0] = verdict == Gate.STOP;
            }
        };
        try (JournalReader reader = new JournalReader(inputJournal).toStart())
        {
            while (!stopped[0] && reader.poll(handler) > 0)
            {
                // one record a call
            }
        }
        return count[0];
    }
}

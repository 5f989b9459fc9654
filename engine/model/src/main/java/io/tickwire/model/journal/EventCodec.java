package io.tickwire.model.journal;

import io.tickwire.model.event.MarketEvent;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Ring event to SBE record and back, for the input types (symbol, trade, quote, index value, aggregate, timer,
 * feed status, engine start, setup command). The same encoding is used by the input journal and, for accepted
 * events, by the output journal, so replay reads exactly what live wrote. The per-message code is generated from
 * the event's field table and the schema ({@link InputRecords}); flyweights are reused: no allocation.
 */
public final class EventCodec
{
    private final InputRecords records = new InputRecords();

    /**
     * The input form of an event, as the input journal keeps it: only what entered the ring, none of the
     * sequencer's verdicts (which another stage may be writing at the same moment in the dedicated layout).
     *
     * @return bytes written (header included), or 0 for a type that has no record.
     */
    public int encodeInput(final MarketEvent e, final MutableDirectBuffer buffer, final int offset)
    {
        return records.encode(e, buffer, offset, false);
    }

    /** The output form: the input plus the sequencer's verdicts (trade flags, aggregate revision). */
    public int encodeOutput(final MarketEvent e, final MutableDirectBuffer buffer, final int offset)
    {
        return records.encode(e, buffer, offset, true);
    }

    /**
     * Fills {@code e} from a record. @return false for a template that is not an input type (a bar, a
     * dead letter), which the caller skips.
     */
    public boolean decode(final DirectBuffer buffer, final int offset, final MarketEvent e)
    {
        return records.decode(buffer, offset, e);
    }
}

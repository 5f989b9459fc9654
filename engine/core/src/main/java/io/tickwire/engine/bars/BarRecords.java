package io.tickwire.engine.bars;

import io.tickwire.codecs.sbe.MessageHeaderDecoder;
import io.tickwire.codecs.sbe.MicrobarDecoder;
import io.tickwire.model.event.MarketEvent;

/**
 * Walks the bars the bar stage left in a ring slot ({@code [int32 length][SBE Microbar]...}), for the stages
 * after it. A reused flyweight: {@code for (bars.of(e); bars.next(); ) use(bars.bar())}, no allocation.
 */
public final class BarRecords
{
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final MicrobarDecoder bar = new MicrobarDecoder();
    private MarketEvent event;
    private int offset;

    public BarRecords of(final MarketEvent e)
    {
        event = e;
        offset = 0;
        return this;
    }

    /** Moves {@link #bar()} to the next bar. @return false past the last one. */
    public boolean next()
    {
        if (offset >= event.barOutputLength)
        {
            return false;
        }
        final int length = event.barOutput.getInt(offset);
        header.wrap(event.barOutput, offset + 4);
        bar.wrap(event.barOutput, offset + 4 + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(),
            header.version());
        offset += 4 + length;
        return true;
    }

    /** The current bar; the same decoder for the life of this object. */
    public MicrobarDecoder bar()
    {
        return bar;
    }
}

package io.tickwire.client;

import java.math.BigDecimal;

/**
 * A {@code trade} message (channel {@code trades}): docs/protocol.md has every field; the whole message is
 * {@link #message()}.
 */
public record Trade(String symbol, long eventTime, long receiveTime, BigDecimal price, BigDecimal size, String source,
    DeskMessage message)
{
    static Trade of(final DeskMessage m)
    {
        return new Trade(m.get("sym"), m.number("t", 0), m.number("rt", 0), m.decimal("price"), m.decimal("size"),
            m.get("src"), m);
    }
}

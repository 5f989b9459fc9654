package io.tickwire.client;

import java.math.BigDecimal;

/**
 * A {@code bar} message (channels {@code bars.<tf>}): the window [start, end) in event time, OHLC, volume and
 * its revision (a later revision of the same bar replaces an earlier one). docs/protocol.md has every field.
 */
public record Bar(String symbol, String timeframe, String kind, int revision, long start, long end, BigDecimal open,
    BigDecimal high, BigDecimal low, BigDecimal close, BigDecimal volume, DeskMessage message)
{
    static Bar of(final DeskMessage m)
    {
        return new Bar(m.get("sym"), m.get("tf"), m.get("kind"), (int)m.number("rev", 0), m.number("start", 0),
            m.number("end", 0), m.decimal("o"), m.decimal("h"), m.decimal("l"), m.decimal("c"), m.decimal("v"), m);
    }
}

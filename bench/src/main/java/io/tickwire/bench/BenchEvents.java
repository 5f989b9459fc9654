package io.tickwire.bench;

import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;

/** The events the micro-benchmarks measure with. */
final class BenchEvents
{
    /** 2026-11-20 14:20 UTC, in the regular session. */
    static final long EVENT_TIME = 1_795_186_800_000_000_000L;

    private BenchEvents()
    {
    }

    /** A typical SPY print: 100 shares at 600.01 on the FINRA TRF bucket (exchange 4), received 1 ms later. */
    static MarketEvent trade(final MarketEvent e, final int symbolId)
    {
        e.reset(EventType.TRADE);
        e.eventTime = EVENT_TIME;
        e.receiveTime = EVENT_TIME + 1_000_000;
        e.symbolId = symbolId;
        e.exchange = 4;
        e.price = 600_010_000L;
        e.size = 100_000_000L;
        e.text("52983525034215");
        return e;
    }
}

package io.tickwire.model.setups;

import io.tickwire.codecs.sbe.SetupOp;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;

/**
 * A desk's setup command as parsed from JSON ({@link SetupJson}), before its ticker is interned on the
 * ingest thread and it enters the ring.
 */
public final class SetupRequest
{
    int op = SetupOp.ADD.value();
    long id;
    String ticker;
    int direction;
    int confirmRule;
    int confirmTicks = 1;
    int confirmDwellMillis;
    int trail;
    double trailParam;
    long entryLow;
    long entryHigh;
    long proximity;
    long stop;
    long target1;
    long target2;
    double target1Atr;
    double target2Atr;
    long expiry;
    /** The gateway key sending it (0: an open gateway); set by the gateway, never read from the desk's JSON. */
    long owner;

    public long id()
    {
        return id;
    }

    public String ticker()
    {
        return ticker;
    }

    public long owner()
    {
        return owner;
    }

    public SetupRequest owner(final long keyId)
    {
        owner = keyId;
        return this;
    }

    public boolean isAdd()
    {
        return op == SetupOp.ADD.value();
    }

    /** Fills a ring event with this command (the symbol id comes from the caller's symbol table). */
    public void fill(final MarketEvent e, final int symbolId, final long time)
    {
        e.reset(EventType.SETUP_COMMAND);
        e.eventTime = time;
        e.receiveTime = time;
        e.setupOp = op;
        e.setupId = id;
        e.symbolId = symbolId;
        e.direction = direction;
        e.confirmRule = confirmRule;
        e.confirmTicks = confirmTicks;
        e.confirmDwellMillis = confirmDwellMillis;
        e.trail = trail;
        e.trailParam = trailParam;
        e.entryLow = entryLow;
        e.entryHigh = entryHigh;
        e.proximity = proximity;
        e.stop = stop;
        e.target1 = target1;
        e.target2 = target2;
        e.target1Atr = target1Atr;
        e.target2Atr = target2Atr;
        e.expiry = expiry;
        e.owner = owner;
    }
}

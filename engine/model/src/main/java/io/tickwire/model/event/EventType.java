package io.tickwire.model.event;

/** What a ring slot holds. Plain int constants: switched on in every handler, never boxed. */
public final class EventType
{
    public static final int NONE = 0;
    public static final int SYMBOL = 1;
    public static final int TRADE = 2;
    public static final int QUOTE = 3;
    public static final int INDEX_VALUE = 4;
    public static final int AGGREGATE = 5;
    public static final int TIMER = 6;
    public static final int FEED_STATUS = 7;
    public static final int SETUP_COMMAND = 8;
    /** The process started here: a marker in the journals; the stages carry their state through it. */
    public static final int ENGINE_START = 9;
    /** A stock's limit-up/limit-down bands (Massive LULD). */
    public static final int LIMIT_BANDS = 10;
    /** A net order imbalance ahead of an auction (Massive NOI). */
    public static final int IMBALANCE = 11;
    /** Massive's fair market value of an instrument (FMV). */
    public static final int FAIR_VALUE = 12;
    /** A metric's percentile table for one symbol, timeframe and time of day, journaled at start. */
    public static final int BASELINE = 13;

    private EventType()
    {
    }
}

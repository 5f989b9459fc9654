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
    /** The process started: stages reset, so a journal spanning restarts replays as it ran. */
    public static final int ENGINE_START = 9;

    private EventType()
    {
    }
}

package io.tickwire.model.event;

import org.agrona.ExpandableArrayBuffer;

/**
 * One pre-allocated, mutable ring slot. It holds a normalized input (a flat union over every input type:
 * only the fields of {@link #type} are meaningful), the sequencer's verdict, and the records that later
 * stages produced for it, so the output journal can write everything in ring order from one thread.
 *
 * <p>Prices and sizes are fixed-point longs scaled by 10^6 ({@link io.tickwire.model.FixedPoint}).
 * Times are ns since the epoch.
 */
public final class MarketEvent
{
    /** The most stages a ring chain has (six today). */
    public static final int MAX_STAGES = 8;
    public static final int MAX_TEXT = 256;

    /** Trade flag bits, positions as the schema's TradeFlags set. */
    public static final int FLAG_LATE = 1;
    public static final int FLAG_DUPLICATE_SEQUENCE = 1 << 1;
    public static final int FLAG_BACKWARD_SEQUENCE = 1 << 2;
    public static final int FLAG_FRACTIONAL_SIZE = 1 << 3;
    /** The flags set by the decoder (inputs); the others are the sequencer's verdicts. */
    public static final int INPUT_FLAGS = FLAG_FRACTIONAL_SIZE;
    public static final int MAX_CONDITIONS = 8;
    public static final int MAX_INDICATORS = 4;

    // common
    public int type;
    public long eventTime;
    public long receiveTime;
    public int symbolId;
    public int source;

    // trade; price also carries an index value
    public int exchange;
    public int trfId;
    public int tape;
    public int flags;
    public long participantTime;
    public long trfTime;
    public long price;
    public long size;
    public long sequence;
    public long tradeIdKey;
    public int conditionCount;
    public final byte[] conditions = new byte[MAX_CONDITIONS];

    // quote
    public int bidExchange;
    public int askExchange;
    public int condition;
    public long bidPrice;
    public long bidSize;
    public long askPrice;
    public long askSize;
    public int indicatorCount;
    public final short[] indicators = new short[MAX_INDICATORS];

    // upstream aggregate (close is in price, volume in size)
    public int aggregateKind;
    public int otc;
    public long startTime;
    public long endTime;
    public long open;
    public long high;
    public long low;
    public long accumulatedVolume;
    public long vwap;
    public long dayVwap;
    public long dayOpen;
    public long averageSize;
    /** Upstream aggregate: how many times Massive sent this (symbol, kind, start) before; set by the sequencer. */
    public int revision;

    // symbol definition and feed status
    public int assetClass;
    public int cluster;
    public int feedState;
    public int statusCode;
    /** Feed status: the event-time window in which data may be missing (0, 0 when none). */
    public long gapStart;
    public long gapEnd;

    // setup command (SetupCommandDecoder field meanings)
    public int setupOp;
    public long setupId;
    public int direction;
    public int confirmRule;
    public int trail;
    public int setupState;
    public int confirmTicks;
    public int confirmDwellMillis;
    public long entryLow;
    public long entryHigh;
    public long proximity;
    public long stop;
    public long target1;
    public long target2;
    public double target1Atr;
    public double target2Atr;
    public double trailParam;
    public long expiry;
    public long entryPrice;

    /** Trade id, ticker or status message, ASCII/UTF-8 bytes; a RESTORE command's setup runtime state. */
    public final byte[] text = new byte[MAX_TEXT];
    public int textLength;

    // the sequencer's verdict
    public boolean accepted;
    /** Index of this event in the input journal: set by the input journal stage (live) or the replayer. */
    public long inputIndex;

    /**
     * What a stage threw on this event, by the stage's position in the chain (each position written by one
     * thread only). A stage may fail before the input journal stage has given the event its index, so the
     * chain's last stage records these once the index is known, and clears them.
     */
    public final Throwable[] stageFailures = new Throwable[MAX_STAGES];

    // records produced by the bar stage, then the metrics stage: [int32 length][SBE message]...
    public final ExpandableArrayBuffer barOutput = new ExpandableArrayBuffer(512);
    public int barOutputLength;
    public final ExpandableArrayBuffer metricsOutput = new ExpandableArrayBuffer(512);
    public int metricsOutputLength;
    public final ExpandableArrayBuffer setupOutput = new ExpandableArrayBuffer(256);
    public int setupOutputLength;

    /** A pristine event: what {@link #reset} copies, so the field list is written once, in copyInputFrom. */
    private static final MarketEvent BLANK = new MarketEvent();

    /** Clears everything the decoder may leave unset, so a reused slot never leaks an older event. */
    public void reset(final int type)
    {
        copyInputFrom(BLANK);
        this.type = type;
    }

    /** Copies the input part (not the verdict or stage output) of another event. */
    public void copyInputFrom(final MarketEvent o)
    {
        type = o.type;
        eventTime = o.eventTime;
        receiveTime = o.receiveTime;
        symbolId = o.symbolId;
        source = o.source;
        exchange = o.exchange;
        trfId = o.trfId;
        tape = o.tape;
        flags = o.flags;
        participantTime = o.participantTime;
        trfTime = o.trfTime;
        price = o.price;
        size = o.size;
        sequence = o.sequence;
        tradeIdKey = o.tradeIdKey;
        conditionCount = o.conditionCount;
        System.arraycopy(o.conditions, 0, conditions, 0, o.conditionCount);
        bidExchange = o.bidExchange;
        askExchange = o.askExchange;
        condition = o.condition;
        bidPrice = o.bidPrice;
        bidSize = o.bidSize;
        askPrice = o.askPrice;
        askSize = o.askSize;
        indicatorCount = o.indicatorCount;
        System.arraycopy(o.indicators, 0, indicators, 0, o.indicatorCount);
        aggregateKind = o.aggregateKind;
        otc = o.otc;
        startTime = o.startTime;
        endTime = o.endTime;
        open = o.open;
        high = o.high;
        low = o.low;
        accumulatedVolume = o.accumulatedVolume;
        vwap = o.vwap;
        dayVwap = o.dayVwap;
        dayOpen = o.dayOpen;
        averageSize = o.averageSize;
        revision = 0;
        assetClass = o.assetClass;
        cluster = o.cluster;
        feedState = o.feedState;
        statusCode = o.statusCode;
        gapStart = o.gapStart;
        gapEnd = o.gapEnd;
        textLength = o.textLength;
        System.arraycopy(o.text, 0, text, 0, o.textLength);
        setupOp = o.setupOp;
        setupId = o.setupId;
        direction = o.direction;
        confirmRule = o.confirmRule;
        trail = o.trail;
        setupState = o.setupState;
        confirmTicks = o.confirmTicks;
        confirmDwellMillis = o.confirmDwellMillis;
        entryLow = o.entryLow;
        entryHigh = o.entryHigh;
        proximity = o.proximity;
        stop = o.stop;
        target1 = o.target1;
        target2 = o.target2;
        target1Atr = o.target1Atr;
        target2Atr = o.target2Atr;
        trailParam = o.trailParam;
        expiry = o.expiry;
        entryPrice = o.entryPrice;
        inputIndex = o.inputIndex;
        accepted = false;
        barOutputLength = 0;
        metricsOutputLength = 0;
        setupOutputLength = 0;
    }

    public void text(final CharSequence value)
    {
        final int n = Math.min(value.length(), MAX_TEXT);
        for (int i = 0; i < n; i++)
        {
            text[i] = (byte)value.charAt(i);
        }
        textLength = n;
    }

    /** The text as a CharSequence view over the bytes (ASCII), without allocating. */
    public CharSequence textAsAscii()
    {
        return asciiView;
    }

    private final CharSequence asciiView = new CharSequence()
    {
        @Override
        public int length()
        {
            return textLength;
        }

        @Override
        public char charAt(final int index)
        {
            return (char)(text[index] & 0xFF);
        }

        @Override
        public CharSequence subSequence(final int start, final int end)
        {
            return new String(text, start, end - start, java.nio.charset.StandardCharsets.US_ASCII);
        }

        @Override
        public String toString()
        {
            return new String(text, 0, textLength, java.nio.charset.StandardCharsets.US_ASCII);
        }
    };

    /** Allocates: for tests, tools and logs, never the hot path. */
    public String textAsString()
    {
        return new String(text, 0, textLength, java.nio.charset.StandardCharsets.UTF_8);
    }
}

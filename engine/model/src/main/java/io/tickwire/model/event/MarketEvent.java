package io.tickwire.model.event;

import io.tickwire.codecs.sbe.MetricBaselineEncoder;
import org.agrona.ExpandableArrayBuffer;

/**
 * One pre-allocated, mutable ring slot. It holds a normalized input (a flat union over every input type:
 * only the fields of {@link #type} are meaningful), the sequencer's verdict, and the records that later
 * stages produced for it, so the output journal can write everything in ring order from one thread.
 *
 * <p>Prices and sizes are fixed-point longs scaled by 10^6 ({@link io.tickwire.model.FixedPoint}).
 * Times are ns since the epoch. The input fields are declared once, in the table
 * {@code engine/model/src/main/codegen/market-event.fields}, from which the build generates
 * {@link MarketEventFields} and the journal codec's input messages.
 */
public final class MarketEvent extends MarketEventFields
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
    /** The baseline grid's size: the quantiles a MetricBaseline carries, as the schema's BaselinePoints says. */
    public static final int BASELINE_POINTS = MetricBaselineEncoder.pointsLength();

    /** Which input this is ({@link EventType}): which of the fields are meaningful. */
    public int type;

    // the sequencer's verdict
    public boolean accepted;
    /** Index of this event in the input journal: set by the input journal stage (live) or the replayer. */
    public long inputIndex;
    /**
     * When the live node put it on the ring (the process's epoch clock, ns; 0 elsewhere), for the latency
     * histograms only: no stage reads it and it is never journaled.
     */
    public long publishNanos;

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

    /** A pristine event: what {@link #reset} copies. */
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
        copyFieldsFrom(o);
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

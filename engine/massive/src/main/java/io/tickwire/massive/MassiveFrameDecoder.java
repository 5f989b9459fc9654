package io.tickwire.massive;

import io.tickwire.model.event.StagedBatch;
import io.tickwire.model.symbols.SymbolDefinitions;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import io.tickwire.codecs.sbe.DeadLetterReason;
import io.tickwire.codecs.sbe.Source;
import io.tickwire.codecs.sbe.StatusCode;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import io.tickwire.model.symbols.SymbolTable;

import java.io.IOException;
import java.io.OutputStream;

import static io.tickwire.massive.MassiveFields.*;

/**
 * Decodes Massive WebSocket frames (JSON arrays of events) into normalized events, garbage-free.
 *
 * <p>The frame's array is walked here, byte by byte, and each event object is read straight from the bytes by
 * {@link MassiveByteEventReader}. What that reader leaves to jackson (an escaped or non-ASCII string, a nested
 * object, a syntax error inside an object: see its comment) goes, from that object's opening brace to the end of
 * the frame, to a jackson-core non-blocking parser that lives for the whole connection and is fed frame after
 * frame, so no parser, buffer or String is created per frame or per event there either. Events dispatched before
 * the hand-over stay dispatched once: nothing is read twice. Leniency follows
 * docs/architecture.md "Decoding": any field may be missing, numbers may be strings, timestamp units are
 * decided by magnitude, `T` is accepted as the ticker key, unknown fields are skipped.
 *
 * <p>A frame that is not JSON, or whose root is not an array, is rejected whole (nothing staged). An event
 * that cannot be used (missing or invalid field, unknown `ev`) is left out and reported through
 * {@link #rejectedEvents()}; the rest of the frame is kept.
 */
public final class MassiveFrameDecoder
{
    /** Massive status events (connection chatter, subscription acks, errors) go here, not into the ring. */
    public interface StatusListener
    {
        /** Status events are rare: the message is given as a String. */
        void onStatus(StatusCode code, String status, String message);
    }

    public static final int OK = -1;

    /** Where {@code releaseBuffered} writes what it reports: only the count is wanted. */
    private static final OutputStream DISCARD = OutputStream.nullOutputStream();
    /** Fed to jackson before the rest of a frame it takes over mid-array: it reads on as if from the frame's start. */
    private static final byte[] OPEN_ARRAY = {'['};

    private final JsonFactory factory = new JsonFactory();
    private final SymbolTable symbols;
    private final StatusListener statusListener;
    private JsonParser parser;
    private ByteArrayFeeder feeder;

    private final MassiveEventReader in = new MassiveEventReader();
    private final MassiveByteEventReader bytes = new MassiveByteEventReader(in);
    /** False only for {@link #jacksonOnly}, the reference in tests. */
    private final boolean readBytes;
    private final SessionSymbols session;

    // per-frame results
    private int eventIndex;
    private int rejectedEvents;
    private int unknownEvents;
    private int firstRejectIndex;
    private DeadLetterReason firstRejectReason;
    private String firstRejectDetail;
    private String frameErrorDetail;

    public MassiveFrameDecoder(final SymbolTable symbols, final StatusListener statusListener)
    {
        this(symbols, statusListener, new SessionSymbols());
    }

    /** @param session where the tickers this connection delivers are noted, for a wildcard's recovery */
    MassiveFrameDecoder(final SymbolTable symbols, final StatusListener statusListener, final SessionSymbols session)
    {
        this(symbols, statusListener, session, true);
    }

    /** A decoder that reads every frame with jackson: the reference the byte reader is tested against. */
    static MassiveFrameDecoder jacksonOnly(final SymbolTable symbols, final StatusListener statusListener)
    {
        return new MassiveFrameDecoder(symbols, statusListener, new SessionSymbols(), false);
    }

    private MassiveFrameDecoder(final SymbolTable symbols, final StatusListener statusListener,
        final SessionSymbols session, final boolean readBytes)
    {
        this.readBytes = readBytes;
        this.symbols = symbols;
        this.statusListener = statusListener;
        this.session = session;
        newParser();
    }

    /**
     * Decodes one frame into {@code batch} (cleared first).
     *
     * @return {@link #OK}, or the {@link DeadLetterReason} value when the whole frame is rejected.
     */
    public int decode(final byte[] frame, final int length, final long receiveTime, final StagedBatch batch)
    {
        batch.clear();
        eventIndex = 0;
        rejectedEvents = 0;
        unknownEvents = 0;
        firstRejectIndex = -1;
        firstRejectReason = null;
        firstRejectDetail = null;
        frameErrorDetail = null;
        try
        {
            return readBytes ? decodeBytes(frame, length, receiveTime, batch) :
                decodeWithJackson(frame, 0, length, receiveTime, batch);
        }
        catch (final IOException | RuntimeException ex)
        {
            return rejectFrame(batch, DeadLetterReason.MALFORMED_JSON, String.valueOf(ex.getMessage()));
        }
    }

    /**
     * Walks the frame's array and reads its objects from the bytes, until the end or an object the byte reader
     * leaves to jackson; a frame that does not open with {@code [} is jackson's whole, for its reason.
     */
    private int decodeBytes(final byte[] frame, final int length, final long receiveTime, final StagedBatch batch)
        throws IOException
    {
        int pos = skipWhitespace(frame, 0, length);
        if (pos == length || frame[pos] != '[')
        {
            return handOver(frame, 0, length, receiveTime, batch);
        }
        pos = skipWhitespace(frame, pos + 1, length);
        if (pos < length && frame[pos] == ']')
        {
            return closed(frame, pos + 1, length, batch);
        }
        while (pos < length && frame[pos] == '{')
        {
            final int after = bytes.read(frame, pos, length);
            if (after == MassiveByteEventReader.JACKSON)
            {
                return handOver(frame, pos, length, receiveTime, batch);
            }
            dispatchObject(receiveTime, batch);
            pos = skipWhitespace(frame, after, length);
            if (pos < length && frame[pos] == ']')
            {
                return closed(frame, pos + 1, length, batch);
            }
            if (pos >= length || frame[pos] != ',')
            {
                return rejectFrame(batch, DeadLetterReason.MALFORMED_JSON, pos >= length ?
                    "frame ends inside the array" : "expected ',' or ']' after event " + eventIndex + " at byte " + pos);
            }
            pos = skipWhitespace(frame, pos + 1, length);
        }
        return rejectFrame(batch, DeadLetterReason.MALFORMED_JSON, pos >= length ? "frame ends inside the array" :
            "array holds '" + (char)(frame[pos] & 0xFF) + "' at byte " + pos + ", not an event object");
    }

    /**
     * Hands the frame from {@code from} to jackson once its bytes are known to be UTF-8; a frame that is not is
     * rejected here. Jackson's own answer to a malformed byte in a field name depends on the names it has met
     * before (it may take one it matches from its name cache without decoding it), so leaving the check to it
     * would make a frame's fate depend on the frames before it. What the byte reader reads is ASCII already.
     */
    private int handOver(final byte[] frame, final int from, final int length, final long receiveTime,
        final StagedBatch batch) throws IOException
    {
        final int invalid = Utf8.firstInvalid(frame, from, length);
        if (invalid >= 0)
        {
            return rejectFrame(batch, DeadLetterReason.MALFORMED_JSON, "not UTF-8 at byte " + invalid);
        }
        return decodeWithJackson(frame, from, length, receiveTime, batch);
    }

    /** One array per frame, and nothing after it. */
    private int closed(final byte[] frame, final int after, final int length, final StagedBatch batch)
    {
        return onlyWhitespace(frame, after, length) ? OK :
            rejectFrame(batch, DeadLetterReason.MALFORMED_JSON, "bytes after the closing bracket");
    }

    /**
     * Reads the frame from {@code from} with jackson: the whole frame, or the rest of its array from an object's
     * opening brace on, fed after a lone {@code [} so jackson reads it as the array it is part of.
     */
    private int decodeWithJackson(final byte[] frame, final int from, final int length, final long receiveTime,
        final StagedBatch batch) throws IOException
    {
        JsonToken token;
        if (from > 0)
        {
            feeder.feedInput(OPEN_ARRAY, 0, 1);
            token = parser.nextToken(); // START_ARRAY, the whole of that input: the parser wants the next now
            feeder.feedInput(frame, from, length);
        }
        else
        {
            feeder.feedInput(frame, 0, length);
            token = parser.nextToken();
        }
        if (token == JsonToken.NOT_AVAILABLE)
        {
            return rejectFrame(batch, DeadLetterReason.MALFORMED_JSON, "empty or incomplete frame");
        }
        if (token != JsonToken.START_ARRAY)
        {
            return rejectFrame(batch, DeadLetterReason.NOT_AN_ARRAY, "frame root is " + token + ", not an array");
        }
        token = parser.nextToken();
        while (token == JsonToken.START_OBJECT)
        {
            in.read(parser);
            dispatchObject(receiveTime, batch);
            token = parser.nextToken();
        }
        if (token != JsonToken.END_ARRAY)
        {
            return rejectFrame(batch, DeadLetterReason.MALFORMED_JSON,
                token == JsonToken.NOT_AVAILABLE ? "frame ends inside the array" : "array holds " + token);
        }
        // one array per frame, and nothing after it: a partial token left in the parser would corrupt the
        // next frame (it would be read as this one's continuation)
        if (!onlyWhitespace(frame, length - parser.releaseBuffered(DISCARD), length))
        {
            return rejectFrame(batch, DeadLetterReason.MALFORMED_JSON, "bytes after the closing bracket");
        }
        parser.nextToken(); // consumes the trailing whitespace: the parser is between values again
        return OK;
    }

    private static int skipWhitespace(final byte[] frame, final int from, final int to)
    {
        int i = from;
        while (i < to && isWhitespace(frame[i]))
        {
            i++;
        }
        return i;
    }

    private static boolean isWhitespace(final byte b)
    {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    private static boolean onlyWhitespace(final byte[] frame, final int from, final int to)
    {
        for (int i = from; i < to; i++)
        {
            if (!isWhitespace(frame[i]))
            {
                return false;
            }
        }
        return true;
    }

    public int rejectedEvents()
    {
        return rejectedEvents;
    }

    public int unknownEvents()
    {
        return unknownEvents;
    }

    public int firstRejectIndex()
    {
        return firstRejectIndex;
    }

    public DeadLetterReason firstRejectReason()
    {
        return firstRejectReason;
    }

    public String firstRejectDetail()
    {
        return firstRejectDetail;
    }

    public String frameErrorDetail()
    {
        return frameErrorDetail;
    }

    private int rejectFrame(final StagedBatch batch, final DeadLetterReason reason, final String detail)
    {
        batch.clear();
        frameErrorDetail = detail;
        newParser(); // a parser that saw bad input cannot be trusted with the next frame
        return reason.value();
    }

    private void newParser()
    {
        try
        {
            parser = factory.createNonBlockingByteArrayParser();
            feeder = (ByteArrayFeeder)parser.getNonBlockingInputFeeder();
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private void dispatchObject(final long receiveTime, final StagedBatch batch)
    {
        dispatch(receiveTime, batch);
        eventIndex++;
    }

    private void dispatch(final long receiveTime, final StagedBatch batch)
    {
        if (in.ev == EV_STATUS)
        {
            statusListener.onStatus(MassiveFields.statusCode(in.status), in.status, in.message);
            return;
        }
        if (in.ev == EV_NONE)
        {
            reject(DeadLetterReason.MISSING_FIELD, "event has no ev");
            return;
        }
        if (in.ev == EV_UNKNOWN)
        {
            unknownEvents++;
            reject(DeadLetterReason.UNKNOWN_EVENT, "unknown ev");
            return;
        }
        if (in.invalidField >= 0)
        {
            reject(DeadLetterReason.INVALID_FIELD, "invalid value for '" + in.invalidFieldName + "'");
            return;
        }
        if (in.symLength == 0)
        {
            reject(DeadLetterReason.MISSING_FIELD, "event has no sym/T");
            return;
        }
        if (invalid(MassiveEventRules.common(in)))
        {
            return;
        }
        final int symbolId = symbols.intern(in.sym, 0, in.symLength);
        session.saw(symbolId, symbols);
        SymbolDefinitions.stageIfNew(symbols, batch, symbolId, receiveTime);
        switch (in.ev)
        {
            case EV_TRADE -> stage(EventType.TRADE, in.present(F_P) && in.present(F_T) &&
                (in.present(F_S) || in.present(F_DS)), "trade needs p, t and s or ds", MassiveEventRules::trade,
                MassiveEventMapping::trade, symbolId, receiveTime, batch);
            case EV_QUOTE -> stage(EventType.QUOTE, in.present(F_T), "quote needs t", MassiveEventRules::quote,
                MassiveEventMapping::quote, symbolId, receiveTime, batch);
            case EV_INDEX_VALUE -> stage(EventType.INDEX_VALUE, in.present(F_VAL) && in.present(F_T),
                "index value needs val and t", MassiveEventRules::indexValue, MassiveEventMapping::indexValue,
                symbolId, receiveTime, batch);
            case EV_LULD -> stage(EventType.LIMIT_BANDS, in.present(F_H) && in.present(F_L) && in.present(F_T),
                "LULD needs h, l and t", MassiveEventRules::limitBands, MassiveEventMapping::limitBands, symbolId,
                receiveTime, batch);
            case EV_NOI -> stage(EventType.IMBALANCE, in.present(F_T) && in.present(F_O), "NOI needs t and o",
                MassiveEventRules::imbalance, MassiveEventMapping::imbalance, symbolId, receiveTime, batch);
            case EV_FMV -> stage(EventType.FAIR_VALUE, in.present(F_FMV) && in.present(F_T), "FMV needs fmv and t",
                MassiveEventRules::fairValue, MassiveEventMapping::fairValue, symbolId, receiveTime, batch);
            default -> stage(EventType.AGGREGATE, in.present(F_S) && in.present(F_E) && in.present(F_C),
                "aggregate needs s, e and c", MassiveEventRules::aggregate, MassiveEventMapping::aggregate, symbolId,
                receiveTime, batch);
        }
    }

    /** The checks an event kind's values must pass ({@link MassiveEventRules}): null, or why not. */
    private interface Rule
    {
        String check(MassiveEventReader in);
    }

    /** Maps an event kind's fields onto a staged ring event ({@link MassiveEventMapping}). */
    private interface Mapping
    {
        void map(MassiveEventReader in, MarketEvent e);
    }

    /**
     * Stages one event of a kind: rejected when a field it needs is missing or a rule refuses a value, else mapped
     * onto a new ring event. The rule and the mapping are static method references: no allocation.
     */
    private void stage(final int type, final boolean complete, final String missing, final Rule rule,
        final Mapping mapping, final int symbolId, final long receiveTime, final StagedBatch batch)
    {
        if (!complete)
        {
            reject(DeadLetterReason.MISSING_FIELD, missing);
            return;
        }
        if (invalid(rule.check(in)))
        {
            return;
        }
        final MarketEvent e = batch.add(type);
        e.symbolId = symbolId;
        e.source = Source.TICK.value();
        e.receiveTime = receiveTime;
        mapping.map(in, e);
    }

    /** Rejects the event when a rule gave a reason. */
    private boolean invalid(final String why)
    {
        if (why != null)
        {
            reject(DeadLetterReason.INVALID_FIELD, why);
        }
        return why != null;
    }

    private void reject(final DeadLetterReason reason, final String detail)
    {
        rejectedEvents++;
        if (firstRejectIndex < 0)
        {
            firstRejectIndex = eventIndex;
            firstRejectReason = reason;
            firstRejectDetail = detail;
        }
    }

}

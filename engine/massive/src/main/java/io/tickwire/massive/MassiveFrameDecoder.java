package io.tickwire.massive;

import io.tickwire.model.FixedPoint;
import io.tickwire.model.event.StagedBatch;
import io.tickwire.model.event.TradeIdKey;
import io.tickwire.model.symbols.SymbolDefinitions;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import io.tickwire.codecs.sbe.AggregateKind;
import io.tickwire.codecs.sbe.DeadLetterReason;
import io.tickwire.codecs.sbe.Source;
import io.tickwire.codecs.sbe.StatusCode;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import io.tickwire.model.symbols.SymbolTable;

import java.io.IOException;

import static io.tickwire.massive.MassiveFields.*;

/**
 * Decodes Massive WebSocket frames (JSON arrays of events) into normalized events, garbage-free.
 *
 * <p>One jackson-core non-blocking parser lives for the whole connection and is fed frame after frame,
 * so no parser, buffer or String is created per frame or per event: field names come back canonicalized,
 * values are read from the parser's own char buffer, tickers are interned from it. Leniency follows
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



    private final JsonFactory factory = new JsonFactory();
    private final SymbolTable symbols;
    private final StatusListener statusListener;
    private JsonParser parser;
    private ByteArrayFeeder feeder;

    // per-event scratch
    private int ev;
    private final char[] sym = new char[MarketEvent.MAX_TEXT];
    private int symLength;
    private final char[] id = new char[MarketEvent.MAX_TEXT];
    private int idLength;
    private boolean idIsText;
    private final boolean[] present = new boolean[NUMERIC_FIELDS];
    private final boolean[] integral = new boolean[NUMERIC_FIELDS];
    private final long[] whole = new long[NUMERIC_FIELDS];
    private final long[] fixed = new long[NUMERIC_FIELDS];
    private final byte[] conditions = new byte[MarketEvent.MAX_CONDITIONS];
    private int conditionCount;
    private final short[] indicators = new short[MarketEvent.MAX_INDICATORS];
    private int indicatorCount;
    private String status;
    private String message;
    private int invalidField = -1;
    private String invalidFieldName;

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
        this.symbols = symbols;
        this.statusListener = statusListener;
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
            feeder.feedInput(frame, 0, length);
            JsonToken token = parser.nextToken();
            if (token == JsonToken.NOT_AVAILABLE)
            {
                return rejectFrame(batch, DeadLetterReason.MALFORMED_JSON, "empty frame");
            }
            while (token != JsonToken.NOT_AVAILABLE)
            {
                if (token != JsonToken.START_ARRAY)
                {
                    return rejectFrame(batch, DeadLetterReason.NOT_AN_ARRAY, "frame root is " + token + ", not an array");
                }
                token = parser.nextToken();
                while (token == JsonToken.START_OBJECT)
                {
                    decodeObject(receiveTime, batch);
                    token = parser.nextToken();
                }
                if (token != JsonToken.END_ARRAY)
                {
                    return rejectFrame(batch, DeadLetterReason.MALFORMED_JSON,
                        token == JsonToken.NOT_AVAILABLE ? "frame ends inside the array" : "array holds " + token);
                }
                token = parser.nextToken();
            }
            return OK;
        }
        catch (final IOException | RuntimeException ex)
        {
            return rejectFrame(batch, DeadLetterReason.MALFORMED_JSON, String.valueOf(ex.getMessage()));
        }
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

    private void decodeObject(final long receiveTime, final StagedBatch batch) throws IOException
    {
        clearScratch();
        JsonToken token = parser.nextToken();
        while (token == JsonToken.FIELD_NAME)
        {
            final int field = MassiveFields.fieldId(parser.currentName());
            token = parser.nextToken();
            readValue(field, token);
            token = parser.nextToken();
        }
        if (token != JsonToken.END_OBJECT)
        {
            throw new IOException("object ends with " + token);
        }
        dispatch(receiveTime, batch);
        eventIndex++;
    }

    private void clearScratch()
    {
        ev = EV_NONE;
        symLength = 0;
        idLength = 0;
        idIsText = false;
        conditionCount = 0;
        indicatorCount = 0;
        status = null;
        message = null;
        invalidField = -1;
        invalidFieldName = null;
        for (int i = 0; i < NUMERIC_FIELDS; i++)
        {
            present[i] = false;
        }
    }

    private void readValue(final int field, final JsonToken token) throws IOException
    {
        if (token == JsonToken.VALUE_NULL)
        {
            return;
        }
        if (token == JsonToken.START_ARRAY)
        {
            readArray(field);
            return;
        }
        if (token == JsonToken.START_OBJECT)
        {
            skipChildren();
            if (field != F_UNKNOWN)
            {
                markInvalid(field);
            }
            return;
        }
        switch (field)
        {
            case F_EV:
                ev = MassiveFields.eventKind(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
                break;
            case F_SYM:
                symLength = copyText(sym);
                break;
            case F_I:
                idLength = copyText(id);
                idIsText = true;
                break;
            case F_STATUS:
                status = parser.getText();
                break;
            case F_MESSAGE:
                message = parser.getText();
                break;
            case F_UNKNOWN:
                break;
            default:
                readNumber(field, token);
        }
    }

    private void readNumber(final int field, final JsonToken token) throws IOException
    {
        if (token == JsonToken.VALUE_NUMBER_INT)
        {
            present[field] = true;
            integral[field] = true;
            whole[field] = parser.getLongValue();
        }
        else if (token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_STRING)
        {
            final char[] chars = parser.getTextCharacters();
            final int offset = parser.getTextOffset();
            final int length = parser.getTextLength();
            final long value = FixedPoint.parse(chars, offset, length);
            if (value == FixedPoint.INVALID)
            {
                markInvalid(field);
                return;
            }
            present[field] = true;
            integral[field] = value % FixedPoint.SCALE == 0;
            fixed[field] = value;
            whole[field] = value / FixedPoint.SCALE;
            if (integral[field] && token == JsonToken.VALUE_STRING && MassiveFields.isDigits(chars, offset, length))
            {
                whole[field] = MassiveFields.parseWhole(chars, offset, length); // full precision for long ids/timestamps
            }
        }
        else if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE)
        {
            present[field] = true;
            integral[field] = true;
            whole[field] = token == JsonToken.VALUE_TRUE ? 1 : 0;
        }
        else
        {
            markInvalid(field);
        }
    }

    private void readArray(final int field) throws IOException
    {
        JsonToken token = parser.nextToken();
        while (token != JsonToken.END_ARRAY)
        {
            if (token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT)
            {
                skipChildren();
                markInvalid(field);
            }
            else if (field == F_C && token == JsonToken.VALUE_NUMBER_INT)
            {
                if (conditionCount < conditions.length)
                {
                    conditions[conditionCount++] = (byte)parser.getIntValue();
                }
            }
            else if (field == F_I && token == JsonToken.VALUE_NUMBER_INT)
            {
                if (indicatorCount < indicators.length)
                {
                    indicators[indicatorCount++] = (short)parser.getIntValue();
                }
            }
            else if (field != F_UNKNOWN)
            {
                markInvalid(field);
            }
            token = parser.nextToken();
        }
    }

    private void skipChildren() throws IOException
    {
        int depth = 1;
        while (depth > 0)
        {
            final JsonToken token = parser.nextToken();
            if (token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT)
            {
                depth++;
            }
            else if (token == JsonToken.END_ARRAY || token == JsonToken.END_OBJECT)
            {
                depth--;
            }
            else if (token == JsonToken.NOT_AVAILABLE)
            {
                throw new IOException("frame ends inside a value");
            }
        }
    }

    private void markInvalid(final int field) throws IOException
    {
        if (invalidField < 0)
        {
            invalidField = field;
            invalidFieldName = parser.currentName();
        }
    }

    private void dispatch(final long receiveTime, final StagedBatch batch)
    {
        if (ev == EV_STATUS)
        {
            statusListener.onStatus(MassiveFields.statusCode(status), status, message);
            return;
        }
        if (ev == EV_NONE)
        {
            reject(DeadLetterReason.MISSING_FIELD, "event has no ev");
            return;
        }
        if (ev == EV_UNKNOWN)
        {
            unknownEvents++;
            reject(DeadLetterReason.UNKNOWN_EVENT, "unknown ev");
            return;
        }
        if (invalidField >= 0)
        {
            reject(DeadLetterReason.INVALID_FIELD, "invalid value for '" + invalidFieldName + "'");
            return;
        }
        if (symLength == 0)
        {
            reject(DeadLetterReason.MISSING_FIELD, "event has no sym/T");
            return;
        }
        final int symbolId = symbols.intern(sym, 0, symLength);
        SymbolDefinitions.stageIfNew(symbols, batch, symbolId, receiveTime);
        switch (ev)
        {
            case EV_TRADE:
                stageTrade(symbolId, receiveTime, batch);
                break;
            case EV_QUOTE:
                stageQuote(symbolId, receiveTime, batch);
                break;
            case EV_INDEX_VALUE:
                stageIndexValue(symbolId, receiveTime, batch);
                break;
            default:
                stageAggregate(symbolId, receiveTime, batch);
        }
    }

    private void stageTrade(final int symbolId, final long receiveTime, final StagedBatch batch)
    {
        if (!present[F_P] || !present[F_T] || !present[F_S] && !present[F_DS])
        {
            reject(DeadLetterReason.MISSING_FIELD, "trade needs p, t and s or ds");
            return;
        }
        final MarketEvent e = batch.add(EventType.TRADE);
        e.symbolId = symbolId;
        e.source = Source.TICK.value();
        e.receiveTime = receiveTime;
        e.eventTime = nanos(F_T);
        e.participantTime = present[F_PT] ? nanos(F_PT) : 0;
        e.trfTime = present[F_TRFT] ? nanos(F_TRFT) : 0;
        e.exchange = (int)wholeOr(F_X, 0);
        e.trfId = (int)wholeOr(F_TRFI, 0);
        e.tape = (int)wholeOr(F_Z, 0);
        e.sequence = wholeOr(F_Q, 0);
        e.price = fixedValue(F_P);
        e.size = present[F_DS] ? fixedValue(F_DS) : fixedValue(F_S);
        if (e.size % FixedPoint.SCALE != 0)
        {
            e.flags |= MarketEvent.FLAG_FRACTIONAL_SIZE;
        }
        e.conditionCount = conditionCount;
        System.arraycopy(conditions, 0, e.conditions, 0, conditionCount);
        if (idIsText)
        {
            for (int i = 0; i < idLength; i++)
            {
                e.text[i] = (byte)id[i];
            }
            e.textLength = idLength;
            e.tradeIdKey = TradeIdKey.of(id, 0, idLength);
        }
        else
        {
            e.tradeIdKey = TradeIdKey.withoutId(e.sequence, e.eventTime, e.price, e.size);
        }
    }

    private void stageQuote(final int symbolId, final long receiveTime, final StagedBatch batch)
    {
        if (!present[F_T])
        {
            reject(DeadLetterReason.MISSING_FIELD, "quote needs t");
            return;
        }
        final MarketEvent e = batch.add(EventType.QUOTE);
        e.symbolId = symbolId;
        e.source = Source.TICK.value();
        e.receiveTime = receiveTime;
        e.eventTime = nanos(F_T);
        e.participantTime = present[F_PT] ? nanos(F_PT) : 0;
        e.bidExchange = (int)wholeOr(F_BX, 0);
        e.askExchange = (int)wholeOr(F_AX, 0);
        e.bidPrice = present[F_BP] ? fixedValue(F_BP) : 0;
        e.askPrice = present[F_AP] ? fixedValue(F_AP) : 0;
        e.bidSize = present[F_BS] ? fixedValue(F_BS) : 0;
        e.askSize = present[F_AS] ? fixedValue(F_AS) : 0;
        e.condition = (int)wholeOr(F_C, 0);
        e.tape = (int)wholeOr(F_Z, 0);
        e.sequence = wholeOr(F_Q, 0);
        e.indicatorCount = indicatorCount;
        System.arraycopy(indicators, 0, e.indicators, 0, indicatorCount);
    }

    private void stageIndexValue(final int symbolId, final long receiveTime, final StagedBatch batch)
    {
        if (!present[F_VAL] || !present[F_T])
        {
            reject(DeadLetterReason.MISSING_FIELD, "index value needs val and t");
            return;
        }
        final MarketEvent e = batch.add(EventType.INDEX_VALUE);
        e.symbolId = symbolId;
        e.source = Source.TICK.value();
        e.receiveTime = receiveTime;
        e.eventTime = nanos(F_T);
        e.price = fixedValue(F_VAL);
    }

    private void stageAggregate(final int symbolId, final long receiveTime, final StagedBatch batch)
    {
        if (!present[F_S] || !present[F_E] || !present[F_C])
        {
            reject(DeadLetterReason.MISSING_FIELD, "aggregate needs s, e and c");
            return;
        }
        final MarketEvent e = batch.add(EventType.AGGREGATE);
        e.symbolId = symbolId;
        e.source = Source.TICK.value();
        e.receiveTime = receiveTime;
        e.aggregateKind = ev == EV_SECOND_AGG ? AggregateKind.SECOND.value() : AggregateKind.MINUTE.value();
        e.startTime = nanos(F_S);
        e.endTime = nanos(F_E);
        e.eventTime = e.endTime;
        e.open = fixedOr(F_O);
        e.high = fixedOr(F_H);
        e.low = fixedOr(F_L);
        e.price = fixedOr(F_C);
        e.size = present[F_DV] ? fixedValue(F_DV) : fixedOr(F_V);
        e.accumulatedVolume = present[F_DAV] ? fixedValue(F_DAV) : fixedOr(F_AV);
        e.vwap = fixedOr(F_VW);
        e.dayVwap = fixedOr(F_A);
        e.dayOpen = fixedOr(F_OP);
        e.averageSize = fixedOr(F_Z);
        e.otc = (int)wholeOr(F_OTC, 0);
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

    private long nanos(final int field)
    {
        return MassiveFields.toEpochNanos(whole[field]);
    }


    private long wholeOr(final int field, final long fallback)
    {
        return present[field] ? whole[field] : fallback;
    }

    private long fixedOr(final int field)
    {
        return present[field] ? fixedValue(field) : 0;
    }

    private long fixedValue(final int field)
    {
        return integral[field] ? whole[field] * FixedPoint.SCALE : fixed[field];
    }

    private int copyText(final char[] target) throws IOException
    {
        final char[] chars = parser.getTextCharacters();
        final int offset = parser.getTextOffset();
        final int length = Math.min(parser.getTextLength(), target.length);
        System.arraycopy(chars, offset, target, 0, length);
        return length;
    }





}

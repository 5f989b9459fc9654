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

    /** Where {@code releaseBuffered} writes what it reports: only the count is wanted. */
    private static final OutputStream DISCARD = OutputStream.nullOutputStream();

    private final JsonFactory factory = new JsonFactory();
    private final SymbolTable symbols;
    private final StatusListener statusListener;
    private JsonParser parser;
    private ByteArrayFeeder feeder;

    private final MassiveEventReader in = new MassiveEventReader();
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
            feeder.feedInput(frame, 0, length);
            JsonToken token = parser.nextToken();
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
                decodeObject(receiveTime, batch);
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
        catch (final IOException | RuntimeException ex)
        {
            return rejectFrame(batch, DeadLetterReason.MALFORMED_JSON, String.valueOf(ex.getMessage()));
        }
    }

    private static boolean onlyWhitespace(final byte[] frame, final int from, final int to)
    {
        for (int i = from; i < to; i++)
        {
            final byte b = frame[i];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t')
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

    private void decodeObject(final long receiveTime, final StagedBatch batch) throws IOException
    {
        in.read(parser);
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

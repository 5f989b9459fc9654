package io.tickwire.massive;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tickwire.model.FixedPoint;
import io.tickwire.model.event.MarketEvent;

import java.io.IOException;

import static io.tickwire.massive.MassiveFields.*;

/**
 * One Massive event object in typed scratch slots, without allocating: numbers by field id (whole and
 * fixed-point, whether present, whether integral), the ticker and trade id as chars, the condition and indicator
 * arrays, and the first field whose value could not be used. Filled by {@link MassiveByteEventReader} straight
 * from a frame's bytes, or, for what that reader leaves to jackson, by {@link #read} from jackson's parser; both
 * store through the same methods here, so both give the same slots. Leniency: numbers may be strings, unknown
 * fields and nested values of unknown fields are skipped, nulls count as absent. {@link MassiveFrameDecoder}
 * validates the slots and maps them onto ring events.
 */
final class MassiveEventReader
{
    private JsonParser parser;

    // what the last read() found, for the decoder to validate and map
    int ev;
    final char[] sym = new char[MarketEvent.MAX_TEXT];
    int symLength;
    final char[] id = new char[MarketEvent.MAX_TEXT];
    int idLength;
    boolean idIsText;
    /** NOI's auction type: the letter in {@code a} (where aggregates carry a number), 0 when none. */
    int auctionType;
    /** Which numeric fields the event had, one bit per field id: cleared in one store. */
    private long presentBits;

    static
    {
        if (NUMERIC_FIELDS > Long.SIZE)
        {
            throw new ExceptionInInitializerError(NUMERIC_FIELDS + " numeric fields do not fit the presence bits");
        }
    }
    final boolean[] integral = new boolean[NUMERIC_FIELDS];
    final long[] whole = new long[NUMERIC_FIELDS];
    final long[] fixed = new long[NUMERIC_FIELDS];
    final byte[] conditions = new byte[MarketEvent.MAX_CONDITIONS];
    int conditionCount;
    final short[] indicators = new short[MarketEvent.MAX_INDICATORS];
    int indicatorCount;
    String status;
    String message;
    int invalidField = -1;
    String invalidFieldName;
    /** The array field (c or i) that held more codes than an event keeps, or -1. */
    int tooManyCodes = -1;

    /** Reads one event object, its START_OBJECT already consumed, through its END_OBJECT. */
    void read(final JsonParser parser) throws IOException
    {
        this.parser = parser;
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
    }

    void clearScratch()
    {
        ev = EV_NONE;
        symLength = 0;
        idLength = 0;
        idIsText = false;
        auctionType = 0;
        conditionCount = 0;
        indicatorCount = 0;
        status = null;
        message = null;
        invalidField = -1;
        invalidFieldName = null;
        tooManyCodes = -1;
        presentBits = 0;
    }

    boolean present(final int field)
    {
        return (presentBits & (1L << field)) != 0;
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
                symLength = copyText(field, sym);
                break;
            case F_I:
                idLength = copyText(field, id);
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
            if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER)
            {
                markInvalid(field); // beyond a long: no field of the feed is that large
                return;
            }
            wholeNumber(field, parser.getLongValue());
        }
        else if (token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_STRING)
        {
            if (!decimalText(field, parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength(),
                token == JsonToken.VALUE_STRING))
            {
                markInvalid(field);
            }
        }
        else if (field == F_OTC && (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE))
        {
            wholeNumber(field, token == JsonToken.VALUE_TRUE ? 1 : 0);
        }
        else
        {
            markInvalid(field);
        }
    }

    /** A JSON integer that fits a long (or {@code otc}'s boolean as 1 or 0). */
    void wholeNumber(final int field, final long value)
    {
        presentBits |= 1L << field;
        integral[field] = true;
        whole[field] = value;
    }

    /**
     * A JSON number with a fraction or exponent, or a string that should hold a number, as its text.
     *
     * @return false when the value cannot be used, for the caller to mark invalid under the name it knows
     */
    boolean decimalText(final int field, final char[] chars, final int offset, final int length, final boolean quoted)
    {
        final long value = FixedPoint.parse(chars, offset, length);
        if (value == FixedPoint.INVALID && field == F_A && quoted && length == 1 && Character.isLetter(chars[offset]))
        {
            auctionType = chars[offset]; // NOI's auction type: a letter where aggregates carry a number
            return true;
        }
        if (value == FixedPoint.INVALID)
        {
            return false;
        }
        presentBits |= 1L << field;
        integral[field] = value % FixedPoint.SCALE == 0;
        fixed[field] = value;
        whole[field] = value / FixedPoint.SCALE;
        if (integral[field] && quoted && MassiveFields.isDigits(chars, offset, length))
        {
            whole[field] = MassiveFields.parseWhole(chars, offset, length); // full precision for long ids/timestamps
        }
        return true;
    }

    /**
     * Condition codes (0-255) and quote indicators (0-65535), kept whole: a code out of range or more of them
     * than an event holds is recorded for the decoder to reject with its reason, never truncated.
     */
    private void readArray(final int field) throws IOException
    {
        JsonToken token = parser.nextToken();
        while (token != JsonToken.END_ARRAY)
        {
            if (token == JsonToken.NOT_AVAILABLE || token == null)
            {
                throw new IOException("frame ends inside an array");
            }
            if (token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT)
            {
                skipChildren();
                markInvalid(field);
            }
            else if ((field == F_C || field == F_I) && token == JsonToken.VALUE_NUMBER_INT)
            {
                readCode(field);
            }
            else if (field != F_UNKNOWN)
            {
                markInvalid(field);
            }
            token = parser.nextToken();
        }
    }

    private void readCode(final int field) throws IOException
    {
        final long code = parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? -1 : parser.getLongValue();
        if (!code(field, code))
        {
            markInvalid(field);
        }
    }

    /**
     * One code of the {@code c} or {@code i} array.
     *
     * @return false when the code is out of range, for the caller to mark the field invalid
     */
    boolean code(final int field, final long code)
    {
        final boolean condition = field == F_C;
        if (code < 0 || code > (condition ? 255 : 65_535))
        {
            return false;
        }
        if (condition ? conditionCount == conditions.length : indicatorCount == indicators.length)
        {
            tooManyCodes = field; // kept for the rules to reject with their reason: the code itself is valid
        }
        else if (condition)
        {
            conditions[conditionCount++] = (byte)code;
        }
        else
        {
            indicators[indicatorCount++] = (short)code;
        }
        return true;
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
            markInvalid(field, parser.currentName()); // null inside an array
        }
    }

    /** The first field whose value cannot be used, by the name it came under (null for an array's element). */
    void markInvalid(final int field, final String name)
    {
        if (invalidField < 0)
        {
            invalidField = field;
            invalidFieldName = name != null ? name : field == F_C ? "c" : field == F_I ? "i" : "?";
        }
    }

    long nanos(final int field)
    {
        return MassiveFields.toEpochNanos(whole[field]);
    }

    long wholeOr(final int field, final long fallback)
    {
        return present(field) ? whole[field] : fallback;
    }

    long fixedOr(final int field)
    {
        return present(field) ? fixedValue(field) : 0;
    }

    long fixedValue(final int field)
    {
        return integral[field] ? whole[field] * FixedPoint.SCALE : fixed[field];
    }

    /** A text longer than the event holds is invalid, not cut: a cut trade id would no longer identify the trade. */
    private int copyText(final int field, final char[] target) throws IOException
    {
        final int length = parser.getTextLength();
        if (length > target.length)
        {
            markInvalid(field);
            return 0;
        }
        System.arraycopy(parser.getTextCharacters(), parser.getTextOffset(), target, 0, length);
        return length;
    }
}

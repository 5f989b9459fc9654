package io.tickwire.massive;

import java.nio.charset.StandardCharsets;

import static io.tickwire.massive.MassiveFields.*;

/**
 * Reads one Massive event object straight from a frame's bytes into {@link MassiveEventReader}'s slots: field
 * names dispatched from their bytes, numbers parsed from their digits, no tokenizer in between. It reads the JSON
 * the feed sends — ASCII names and strings without escapes, numbers, {@code true}/{@code false}/{@code null},
 * arrays of whole numbers — and leaves everything else to jackson: a string with an escape, a control or a
 * non-ASCII byte, a nested object, an array of anything but integers, an integer of more than 18 digits, a literal
 * where a text field was expected, and any syntax error, including a frame that ends inside the object. For those
 * it answers {@link #JACKSON}, having dispatched nothing, and {@link MassiveFrameDecoder} hands the object, from
 * its opening brace, to jackson, whose reading is the reference: the two fill the slots through the same methods,
 * and a test decodes random and mutated frames both ways and requires the same events and rejections.
 */
final class MassiveByteEventReader
{
    /** What {@link #read} returns for an object it leaves to jackson. */
    static final int JACKSON = -1;
    /** The longest number read here (a digit string of a long id, a price, a timestamp): longer goes to jackson. */
    private static final int MAX_NUMBER = 40;
    private static final int MAX_WHOLE_DIGITS = 18;

    private final MassiveEventReader slots;
    /** A number's characters for {@link io.tickwire.model.FixedPoint#parse}: one parser of decimals for both readers. */
    private final char[] numberChars = new char[MAX_NUMBER];
    private byte[] b;
    private int end;
    /** Whether the number {@link #numberEnd} last read had no fraction and no exponent. */
    private boolean whole;

    MassiveByteEventReader(final MassiveEventReader slots)
    {
        this.slots = slots;
    }

    /**
     * Reads the object whose opening brace is at {@code start}.
     *
     * @return the position after its closing brace, or {@link #JACKSON}
     */
    int read(final byte[] frame, final int start, final int end)
    {
        this.b = frame;
        this.end = end;
        slots.clearScratch();
        int pos = skipWhitespace(start + 1);
        if (pos < end && b[pos] == '}')
        {
            return pos + 1;
        }
        while (pos < end && b[pos] == '"')
        {
            final int nameStart = pos + 1;
            final int nameEnd = stringEnd(nameStart);
            if (nameEnd < 0)
            {
                return JACKSON;
            }
            pos = skipWhitespace(nameEnd + 1);
            if (pos >= end || b[pos] != ':')
            {
                return JACKSON;
            }
            pos = value(fieldId(b, nameStart, nameEnd - nameStart), nameStart, nameEnd, skipWhitespace(pos + 1));
            if (pos < 0)
            {
                return JACKSON;
            }
            pos = skipWhitespace(pos);
            if (pos < end && b[pos] == '}')
            {
                return pos + 1;
            }
            if (pos >= end || b[pos] != ',')
            {
                return JACKSON;
            }
            pos = skipWhitespace(pos + 1);
        }
        return JACKSON;
    }

    /** Reads the value at {@code pos} of the field named by the bytes between the two name positions. */
    private int value(final int field, final int nameStart, final int nameEnd, final int pos)
    {
        if (pos >= end)
        {
            return JACKSON;
        }
        final byte c = b[pos];
        if (c == '"')
        {
            return string(field, nameStart, nameEnd, pos + 1);
        }
        if (c == '-' || digit(c))
        {
            return number(field, nameStart, nameEnd, pos);
        }
        if (c == '[')
        {
            return array(field, pos + 1);
        }
        if (c == 'n')
        {
            return literal(pos, "null"); // absent
        }
        if (c == 't' || c == 'f')
        {
            final boolean value = c == 't';
            final int after = literal(pos, value ? "true" : "false");
            if (after < 0 || isText(field))
            {
                return JACKSON; // jackson reads a literal's text where a text field was expected
            }
            if (field == F_OTC)
            {
                slots.wholeNumber(field, value ? 1 : 0);
            }
            else if (field != F_UNKNOWN)
            {
                invalid(field, nameStart, nameEnd);
            }
            return after;
        }
        return JACKSON;
    }

    private int string(final int field, final int nameStart, final int nameEnd, final int start)
    {
        final int stringEnd = stringEnd(start);
        if (stringEnd < 0)
        {
            return JACKSON;
        }
        final int length = stringEnd - start;
        switch (field)
        {
            case F_EV:
                slots.ev = eventKind(b, start, length);
                break;
            case F_SYM:
                slots.symLength = text(field, nameStart, nameEnd, start, length, slots.sym);
                break;
            case F_I:
                slots.idLength = text(field, nameStart, nameEnd, start, length, slots.id);
                slots.idIsText = true;
                break;
            case F_STATUS:
                slots.status = new String(b, start, length, StandardCharsets.US_ASCII); // rare: connection chatter
                break;
            case F_MESSAGE:
                slots.message = new String(b, start, length, StandardCharsets.US_ASCII);
                break;
            case F_UNKNOWN:
                break;
            default:
                if (length > MAX_NUMBER)
                {
                    return JACKSON;
                }
                if (!slots.decimalText(field, chars(start, length), 0, length, true))
                {
                    invalid(field, nameStart, nameEnd);
                }
        }
        return stringEnd + 1;
    }

    /** A text longer than the event holds is invalid, not cut, as jackson's reading has it. */
    private int text(final int field, final int nameStart, final int nameEnd, final int start, final int length,
        final char[] target)
    {
        if (length > target.length)
        {
            invalid(field, nameStart, nameEnd);
            return 0;
        }
        for (int i = 0; i < length; i++)
        {
            target[i] = (char)b[start + i];
        }
        return length;
    }

    private int number(final int field, final int nameStart, final int nameEnd, final int start)
    {
        final int numberEnd = numberEnd(start);
        if (numberEnd < 0 || isText(field))
        {
            return JACKSON; // jackson reads a number's text where a text field was expected
        }
        if (field == F_UNKNOWN)
        {
            return numberEnd;
        }
        final int length = numberEnd - start;
        if (whole)
        {
            if (wholeDigits(start, numberEnd) > MAX_WHOLE_DIGITS)
            {
                return JACKSON; // jackson decides between a long and a big integer
            }
            slots.wholeNumber(field, parseWhole(start, numberEnd));
        }
        else if (length > MAX_NUMBER)
        {
            return JACKSON;
        }
        else if (!slots.decimalText(field, chars(start, length), 0, length, false))
        {
            invalid(field, nameStart, nameEnd);
        }
        return numberEnd;
    }

    /** An array of whole numbers: codes for {@code c} and {@code i}, skipped for unknown fields, invalid elsewhere. */
    private int array(final int field, final int start)
    {
        int pos = skipWhitespace(start);
        if (pos < end && b[pos] == ']')
        {
            return pos + 1;
        }
        while (pos < end)
        {
            final int numberEnd = numberEnd(pos);
            if (numberEnd < 0 || !whole || wholeDigits(pos, numberEnd) > MAX_WHOLE_DIGITS)
            {
                return JACKSON;
            }
            if (field == F_C || field == F_I)
            {
                if (!slots.code(field, parseWhole(pos, numberEnd)))
                {
                    slots.markInvalid(field, null);
                }
            }
            else if (field != F_UNKNOWN)
            {
                slots.markInvalid(field, null);
            }
            pos = skipWhitespace(numberEnd);
            if (pos < end && b[pos] == ']')
            {
                return pos + 1;
            }
            if (pos >= end || b[pos] != ',')
            {
                return JACKSON;
            }
            pos = skipWhitespace(pos + 1);
        }
        return JACKSON;
    }

    /** The fields jackson's reading takes as text whatever the token: a number or literal there is left to it. */
    private static boolean isText(final int field)
    {
        return field == F_EV || field == F_SYM || field == F_I || field == F_STATUS || field == F_MESSAGE;
    }

    private void invalid(final int field, final int nameStart, final int nameEnd)
    {
        if (slots.invalidField < 0)
        {
            slots.markInvalid(field, new String(b, nameStart, nameEnd - nameStart, StandardCharsets.US_ASCII));
        }
    }

    /** The closing quote's position, or -1 for a string this reader leaves to jackson (escape, control, non-ASCII). */
    private int stringEnd(final int start)
    {
        for (int i = start; i < end; i++)
        {
            final byte c = b[i];
            if (c == '"')
            {
                return i;
            }
            if (c == '\\' || c < 0x20) // a negative byte is non-ASCII
            {
                return -1;
            }
        }
        return -1;
    }

    /** The end of a JSON number as its grammar has it ({@code -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?}), or -1. */
    private int numberEnd(final int start)
    {
        int i = start;
        if (i < end && b[i] == '-')
        {
            i++;
        }
        if (i >= end || !digit(b[i]))
        {
            return -1;
        }
        if (b[i] == '0')
        {
            i++;
        }
        else
        {
            i = digitsEnd(i);
        }
        whole = true;
        if (i < end && b[i] == '.')
        {
            whole = false;
            final int fraction = i + 1;
            i = digitsEnd(fraction);
            if (i == fraction)
            {
                return -1;
            }
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E'))
        {
            whole = false;
            i++;
            if (i < end && (b[i] == '+' || b[i] == '-'))
            {
                i++;
            }
            final int exponent = i;
            i = digitsEnd(exponent);
            if (i == exponent)
            {
                return -1;
            }
        }
        return i; // what follows ("12a", "01") is the caller's to check: only a separator may
    }

    private int wholeDigits(final int start, final int numberEnd)
    {
        return numberEnd - start - (b[start] == '-' ? 1 : 0);
    }

    private long parseWhole(final int start, final int numberEnd)
    {
        final boolean negative = b[start] == '-';
        long value = 0;
        for (int i = negative ? start + 1 : start; i < numberEnd; i++)
        {
            value = value * 10 + (b[i] - '0');
        }
        return negative ? -value : value;
    }

    private int digitsEnd(final int start)
    {
        int i = start;
        while (i < end && digit(b[i]))
        {
            i++;
        }
        return i;
    }

    private static boolean digit(final byte c)
    {
        return c >= '0' && c <= '9';
    }

    private int literal(final int start, final String word)
    {
        if (start + word.length() > end)
        {
            return -1;
        }
        for (int i = 0; i < word.length(); i++)
        {
            if (b[start + i] != word.charAt(i))
            {
                return -1;
            }
        }
        return start + word.length(); // what follows ("nullx") is the caller's to check: only a separator may
    }

    private char[] chars(final int start, final int length)
    {
        for (int i = 0; i < length; i++)
        {
            numberChars[i] = (char)b[start + i];
        }
        return numberChars;
    }

    private int skipWhitespace(final int start)
    {
        int i = start;
        while (i < end && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t'))
        {
            i++;
        }
        return i;
    }
}

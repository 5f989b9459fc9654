package io.tickwire.gateway;

import org.agrona.ExpandableArrayBuffer;

/** Appends JSON text as ASCII bytes to a reused buffer; numbers and fixed-point decimals without Strings. */
final class JsonOut
{
    private static final long SCALE = 1_000_000L;

    final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(4096);
    int length;

    JsonOut reset()
    {
        length = 0;
        return this;
    }

    JsonOut raw(final String ascii)
    {
        length += buffer.putStringWithoutLengthAscii(length, ascii);
        return this;
    }

    JsonOut ch(final char c)
    {
        buffer.putByte(length++, (byte)c);
        return this;
    }

    JsonOut number(final long value)
    {
        length += buffer.putLongAscii(length, value);
        return this;
    }

    /** A fixed-point value (scaled by 10^6) as an exact JSON number: 600010000 -> 600.01. */
    JsonOut fixed(final long value)
    {
        long v = value;
        if (v < 0)
        {
            ch('-');
            v = -v;
        }
        number(v / SCALE);
        long frac = v % SCALE;
        if (frac != 0)
        {
            ch('.');
            long div = SCALE / 10;
            while (frac != 0)
            {
                ch((char)('0' + frac / div));
                frac %= div;
                div /= 10;
            }
        }
        return this;
    }

    /** A double as a JSON number (shortest round-trip form); NaN and infinities, which JSON lacks, as null. */
    JsonOut decimal(final double value)
    {
        return Double.isFinite(value) ? raw(Double.toString(value)) : raw("null");
    }

    /** A JSON string from raw bytes, escaping what JSON requires. */
    JsonOut string(final byte[] bytes, final int offset, final int count)
    {
        ch('"');
        for (int i = offset; i < offset + count; i++)
        {
            final int b = bytes[i] & 0xFF;
            if (b == '"' || b == '\\')
            {
                ch('\\').ch((char)b);
            }
            else if (b < 0x20)
            {
                raw("\\u00").ch(Character.forDigit(b >> 4, 16)).ch(Character.forDigit(b & 0xF, 16));
            }
            else
            {
                buffer.putByte(length++, (byte)b);
            }
        }
        return ch('"');
    }

    JsonOut string(final String s)
    {
        return raw(quoted(s));
    }

    /** A Java string as a JSON string literal, ASCII only (anything else \\u-escaped). */
    static String quoted(final String s)
    {
        final StringBuilder escaped = new StringBuilder(s.length() + 8).append('"');
        for (int i = 0; i < s.length(); i++)
        {
            final char c = s.charAt(i);
            if (c == '"' || c == '\\')
            {
                escaped.append('\\').append(c);
            }
            else if (c < 0x20 || c > 0x7E)
            {
                escaped.append(String.format("\\u%04x", (int)c));
            }
            else
            {
                escaped.append(c);
            }
        }
        return escaped.append('"').toString();
    }
}

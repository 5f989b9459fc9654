package io.tickwire.massive;

/** UTF-8 from a char range into a byte array, and checked in a byte range, without a String or a coder object. */
final class Utf8
{
    private Utf8()
    {
    }

    /** Bytes {@code chars[0, length)} take in UTF-8 (a lone surrogate counts as the 3 bytes of U+FFFD). */
    static int length(final char[] chars, final int length)
    {
        int n = 0;
        for (int i = 0; i < length; i++)
        {
            final char c = chars[i];
            if (c < 0x80)
            {
                n += 1;
            }
            else if (c < 0x800)
            {
                n += 2;
            }
            else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(chars[i + 1]))
            {
                n += 4;
                i++;
            }
            else
            {
                n += 3;
            }
        }
        return n;
    }

    /** Encodes into {@code out}, which must hold {@link #length} bytes. @return the bytes written. */
    static int encode(final char[] chars, final int length, final byte[] out)
    {
        int n = 0;
        for (int i = 0; i < length; i++)
        {
            final char c = chars[i];
            if (c < 0x80)
            {
                out[n++] = (byte)c;
            }
            else if (c < 0x800)
            {
                out[n++] = (byte)(0xC0 | c >> 6);
                out[n++] = (byte)(0x80 | c & 0x3F);
            }
            else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(chars[i + 1]))
            {
                final int cp = Character.toCodePoint(c, chars[++i]);
                out[n++] = (byte)(0xF0 | cp >> 18);
                out[n++] = (byte)(0x80 | cp >> 12 & 0x3F);
                out[n++] = (byte)(0x80 | cp >> 6 & 0x3F);
                out[n++] = (byte)(0x80 | cp & 0x3F);
            }
            else
            {
                final char v = Character.isSurrogate(c) ? '\uFFFD' : c;
                out[n++] = (byte)(0xE0 | v >> 12);
                out[n++] = (byte)(0x80 | v >> 6 & 0x3F);
                out[n++] = (byte)(0x80 | v & 0x3F);
            }
        }
        return n;
    }

    /**
     * The first byte in {@code bytes[from, to)} where the bytes stop being UTF-8 as the standard has it (no overlong
     * forms, no surrogates, nothing past U+10FFFF: what the JDK's decoder accepts), or -1 when they all are.
     */
    static int firstInvalid(final byte[] bytes, final int from, final int to)
    {
        int i = from;
        while (i < to)
        {
            final int b = bytes[i] & 0xFF;
            final int length;
            int low = 0x80;
            int high = 0xBF;
            if (b < 0x80)
            {
                i++;
                continue;
            }
            else if (b >= 0xC2 && b <= 0xDF)
            {
                length = 2;
            }
            else if (b >= 0xE0 && b <= 0xEF)
            {
                length = 3;
                low = b == 0xE0 ? 0xA0 : 0x80;
                high = b == 0xED ? 0x9F : 0xBF;
            }
            else if (b >= 0xF0 && b <= 0xF4)
            {
                length = 4;
                low = b == 0xF0 ? 0x90 : 0x80;
                high = b == 0xF4 ? 0x8F : 0xBF;
            }
            else
            {
                return i;
            }
            if (i + length > to)
            {
                return i;
            }
            final int second = bytes[i + 1] & 0xFF;
            if (second < low || second > high)
            {
                return i;
            }
            for (int k = 2; k < length; k++)
            {
                if ((bytes[i + k] & 0xC0) != 0x80)
                {
                    return i;
                }
            }
            i += length;
        }
        return -1;
    }
}

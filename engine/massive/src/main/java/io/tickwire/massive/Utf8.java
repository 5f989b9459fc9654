package io.tickwire.massive;

/** UTF-8 from a char range into a byte array, without a String or an encoder object. */
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
}

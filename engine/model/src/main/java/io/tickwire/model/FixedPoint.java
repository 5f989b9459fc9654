package io.tickwire.model;

/**
 * Exact decimal text to fixed-point long (scaled by 10^6) without allocating or going through double.
 * Digits past the sixth decimal are truncated toward zero; Massive sends at most four for equities.
 */
public final class FixedPoint
{
    public static final long SCALE = 1_000_000L;
    public static final int DECIMALS = 6;
    /** Returned for text that is not a number; callers treat it as an invalid field. */
    public static final long INVALID = Long.MIN_VALUE;

    private static final long[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    private FixedPoint()
    {
    }

    public static long parse(final char[] chars, final int offset, final int length)
    {
        int i = offset;
        final int end = offset + length;
        if (i == end)
        {
            return INVALID;
        }
        boolean negative = false;
        if (chars[i] == '-' || chars[i] == '+')
        {
            negative = chars[i] == '-';
            i++;
        }
        long integer = 0;
        long fraction = 0;
        int fractionDigits = 0;
        boolean seenDigit = false;
        boolean seenDot = false;
        int exponent = 0;
        for (; i < end; i++)
        {
            final char c = chars[i];
            if (c >= '0' && c <= '9')
            {
                seenDigit = true;
                if (!seenDot)
                {
                    if (integer > 9_000_000_000_000L)
                    {
                        return INVALID;
                    }
                    integer = integer * 10 + (c - '0');
                }
                else if (fractionDigits < DECIMALS)
                {
                    fraction = fraction * 10 + (c - '0');
                    fractionDigits++;
                }
            }
            else if (c == '.' && !seenDot)
            {
                seenDot = true;
            }
            else if ((c == 'e' || c == 'E') && seenDigit)
            {
                exponent = parseExponent(chars, i + 1, end);
                if (exponent == Integer.MIN_VALUE)
                {
                    return INVALID;
                }
                break;
            }
            else
            {
                return INVALID;
            }
        }
        if (!seenDigit)
        {
            return INVALID;
        }
        long value = integer * SCALE + fraction * POW10[DECIMALS - fractionDigits];
        if (exponent != 0)
        {
            value = scaleByPowerOfTen(value, exponent);
        }
        return negative ? -value : value;
    }

    public static long parse(final CharSequence text)
    {
        final char[] chars = new char[text.length()];
        for (int i = 0; i < chars.length; i++)
        {
            chars[i] = text.charAt(i);
        }
        return parse(chars, 0, chars.length);
    }

    public static double toDouble(final long fixed)
    {
        return fixed / (double)SCALE;
    }

    /** Appends the shortest exact decimal form: 450120000 -> "450.12". */
    public static void append(final StringBuilder out, final long fixed)
    {
        long v = fixed;
        if (v < 0)
        {
            out.append('-');
            v = -v;
        }
        out.append(v / SCALE);
        long frac = v % SCALE;
        if (frac != 0)
        {
            out.append('.');
            int digits = DECIMALS;
            while (frac % 10 == 0)
            {
                frac /= 10;
                digits--;
            }
            final String f = Long.toString(frac);
            for (int pad = f.length(); pad < digits; pad++)
            {
                out.append('0');
            }
            out.append(f);
        }
    }

    public static String toString(final long fixed)
    {
        final StringBuilder sb = new StringBuilder(24);
        append(sb, fixed);
        return sb.toString();
    }

    private static int parseExponent(final char[] chars, final int from, final int end)
    {
        int i = from;
        boolean negative = false;
        if (i < end && (chars[i] == '-' || chars[i] == '+'))
        {
            negative = chars[i] == '-';
            i++;
        }
        if (i == end)
        {
            return Integer.MIN_VALUE;
        }
        int e = 0;
        for (; i < end; i++)
        {
            final char c = chars[i];
            if (c < '0' || c > '9' || e > 100)
            {
                return Integer.MIN_VALUE;
            }
            e = e * 10 + (c - '0');
        }
        return negative ? -e : e;
    }

    private static long scaleByPowerOfTen(final long value, final int exponent)
    {
        long v = value;
        if (exponent > 0)
        {
            for (int k = 0; k < exponent; k++)
            {
                if (Math.abs(v) > Long.MAX_VALUE / 10)
                {
                    return INVALID;
                }
                v *= 10;
            }
        }
        else
        {
            for (int k = 0; k < -exponent && v != 0; k++)
            {
                v /= 10;
            }
        }
        return v;
    }
}

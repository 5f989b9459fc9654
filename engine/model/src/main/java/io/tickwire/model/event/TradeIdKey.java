package io.tickwire.model.event;

/**
 * A 64-bit key for a trade's id text, used in the dedupe identity (sym, x, trfi, id).
 *
 * <p>Massive ids are usually decimal digits: up to 18 digits map to their value (non-negative, exact, no
 * collision). Anything else is hashed (64-bit FNV-1a, mixed) into the negative half, so a hash can never
 * equal a numeric id; two distinct non-numeric ids collide with probability about 2^-63 per pair.
 * Options trades carry no id: their key is a hash of (q, t, p, s) — exact repeats of the same print.
 */
public final class TradeIdKey
{
    private TradeIdKey()
    {
    }

    public static long of(final char[] chars, final int offset, final int length)
    {
        if (length > 0 && length <= 18)
        {
            long v = 0;
            boolean digits = true;
            for (int i = offset; i < offset + length; i++)
            {
                final char c = chars[i];
                if (c < '0' || c > '9')
                {
                    digits = false;
                    break;
                }
                v = v * 10 + (c - '0');
            }
            if (digits)
            {
                return v;
            }
        }
        long h = 0xCBF29CE484222325L;
        for (int i = offset; i < offset + length; i++)
        {
            h = (h ^ chars[i]) * 0x100000001B3L;
        }
        return mix(h) | Long.MIN_VALUE;
    }

    public static long withoutId(final long sequence, final long eventTime, final long price, final long size)
    {
        long h = mix(sequence * 0x9E3779B97F4A7C15L + eventTime);
        h = mix(h ^ price);
        h = mix(h ^ size);
        return h | Long.MIN_VALUE;
    }

    private static long mix(final long z)
    {
        long x = z;
        x = (x ^ (x >>> 33)) * 0xFF51AFD7ED558CCDL;
        x = (x ^ (x >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return x ^ (x >>> 33);
    }
}

package io.tickwire.massive;

import io.tickwire.codecs.sbe.StatusCode;

/**
 * Massive's JSON vocabulary as the decoder reads it: the field names and event kinds of the real feed
 * (docs and observed quirks: see ../shared/massive-protocol.md), mapped to small ints so the hot path
 * switches on numbers, plus the few numeric helpers the wire's formats need.
 */
final class MassiveFields
{
    static final int EV_NONE = 0;
    static final int EV_TRADE = 1;
    static final int EV_QUOTE = 2;
    static final int EV_SECOND_AGG = 3;
    static final int EV_MINUTE_AGG = 4;
    static final int EV_INDEX_VALUE = 5;
    static final int EV_STATUS = 6;
    static final int EV_UNKNOWN = 7;
    static final int EV_LULD = 8;
    static final int EV_NOI = 9;
    static final int EV_FMV = 10;

    // numeric fields, indices into the value arrays
    static final int F_X = 0;
    static final int F_Z = 1;
    static final int F_P = 2;
    static final int F_S = 3;
    static final int F_C = 4;
    static final int F_T = 5;
    static final int F_Q = 6;
    static final int F_TRFI = 7;
    static final int F_TRFT = 8;
    static final int F_PT = 9;
    static final int F_DS = 10;
    static final int F_BX = 11;
    static final int F_BP = 12;
    static final int F_BS = 13;
    static final int F_AX = 14;
    static final int F_AP = 15;
    static final int F_AS = 16;
    static final int F_V = 17;
    static final int F_AV = 18;
    static final int F_OP = 19;
    static final int F_VW = 20;
    static final int F_O = 21;
    static final int F_H = 22;
    static final int F_L = 23;
    static final int F_A = 24;
    static final int F_E = 25;
    static final int F_OTC = 26;
    static final int F_DV = 27;
    static final int F_DAV = 28;
    static final int F_VAL = 29;
    static final int F_AT = 30;
    static final int F_B = 31;
    static final int F_FMV = 32;
    static final int NUMERIC_FIELDS = 33;
    // non-numeric fields
    static final int F_EV = 100;
    static final int F_SYM = 101;
    static final int F_I = 102;
    static final int F_STATUS = 103;
    static final int F_MESSAGE = 104;
    static final int F_UNKNOWN = 199;

    private static final long NANOS_PER_MILLI = 1_000_000L;

    private MassiveFields()
    {
    }

    /** Massive documents ms but sends ns for some events: decide by magnitude (s, ms, µs or ns). */
    static long toEpochNanos(final long value)
    {
        if (value >= 100_000_000_000_000_000L)
        {
            return value;
        }
        if (value >= 100_000_000_000_000L)
        {
            return value * 1_000L;
        }
        if (value >= 100_000_000_000L)
        {
            return value * NANOS_PER_MILLI;
        }
        return value * 1_000_000_000L;
    }

    /** The feed's field names and their ids: one table for both readers, jackson's names and a frame's raw bytes. */
    private static final String[] FIELD_NAMES = {"ev", "sym", "T", "i", "x", "z", "p", "s", "c", "t", "q", "trfi", "trft",
        "pt", "ds", "bx", "bp", "bs", "ax", "ap", "as", "v", "av", "op", "vw", "o", "h", "l", "a", "e", "otc", "dv", "dav",
        "val", "at", "b", "fmv", "status", "message"};
    private static final int[] FIELD_IDS = {F_EV, F_SYM, F_SYM, F_I, F_X, F_Z, F_P, F_S, F_C, F_T, F_Q, F_TRFI, F_TRFT,
        F_PT, F_DS, F_BX, F_BP, F_BS, F_AX, F_AP, F_AS, F_V, F_AV, F_OP, F_VW, F_O, F_H, F_L, F_A, F_E, F_OTC, F_DV, F_DAV,
        F_VAL, F_AT, F_B, F_FMV, F_STATUS, F_MESSAGE};
    /**
     * The names packed into a long each (every name is ASCII and at most 8 bytes), in an open-addressed table:
     * a name is found with one multiply and, mostly, one compare. 0 marks an empty slot.
     */
    private static final int NAME_SLOTS = 128;
    private static final long[] NAME_KEYS = new long[NAME_SLOTS];
    private static final int[] NAME_IDS = new int[NAME_SLOTS];

    static
    {
        for (int entry = 0; entry < FIELD_NAMES.length; entry++)
        {
            final String name = FIELD_NAMES[entry];
            long key = 0;
            for (int i = 0; i < name.length(); i++)
            {
                key = key << 8 | name.charAt(i);
            }
            int slot = nameSlot(key);
            while (NAME_KEYS[slot] != 0)
            {
                slot = nextSlot(slot);
            }
            NAME_KEYS[slot] = key;
            NAME_IDS[slot] = FIELD_IDS[entry];
        }
    }

    private static int nameSlot(final long key)
    {
        return (int)((key * 0x9E3779B97F4A7C15L) >>> 57); // the top 7 bits: NAME_SLOTS
    }

    private static int nextSlot(final int slot)
    {
        return (slot + 1) & (NAME_SLOTS - 1);
    }

    private static int fieldIdOfKey(final long key)
    {
        for (int slot = nameSlot(key); ; slot = nextSlot(slot))
        {
            final long candidate = NAME_KEYS[slot];
            if (candidate == key)
            {
                return NAME_IDS[slot];
            }
            if (candidate == 0)
            {
                return F_UNKNOWN;
            }
        }
    }

    static int fieldId(final String name)
    {
        final int length = name.length();
        if (length == 0 || length > Long.BYTES)
        {
            return F_UNKNOWN;
        }
        long key = 0;
        for (int i = 0; i < length; i++)
        {
            final char c = name.charAt(i);
            if (c == 0 || c > 0x7F)
            {
                return F_UNKNOWN;
            }
            key = key << 8 | c;
        }
        return fieldIdOfKey(key);
    }

    /** The id of the field named by {@code length} bytes of a frame at {@code offset}. */
    static int fieldId(final byte[] bytes, final int offset, final int length)
    {
        if (length == 0 || length > Long.BYTES)
        {
            return F_UNKNOWN;
        }
        long key = 0;
        for (int i = offset; i < offset + length; i++)
        {
            final byte c = bytes[i];
            if (c <= 0) // NUL, or not ASCII
            {
                return F_UNKNOWN;
            }
            key = key << 8 | c;
        }
        return fieldIdOfKey(key);
    }

    static StatusCode statusCode(final String status)
    {
        if (status == null)
        {
            return StatusCode.OTHER;
        }
        switch (status)
        {
            case "connected": return StatusCode.CONNECTED;
            case "success": return StatusCode.SUCCESS;
            case "auth_success": return StatusCode.AUTH_SUCCESS;
            case "auth_failed": return StatusCode.AUTH_FAILED;
            case "auth_timeout": return StatusCode.AUTH_TIMEOUT;
            case "auth_required": return StatusCode.AUTH_REQUIRED;
            case "error": return StatusCode.ERROR;
            case "max_connections": return StatusCode.MAX_CONNECTIONS;
            case "force_disconnect": return StatusCode.FORCE_DISCONNECT;
            case "slow_consumer": return StatusCode.SLOW_CONSUMER;
            default: return StatusCode.OTHER;
        }
    }

    static boolean isDigits(final char[] chars, final int offset, final int length)
    {
        if (length == 0 || length > 18)
        {
            return false;
        }
        for (int i = offset; i < offset + length; i++)
        {
            if (chars[i] < '0' || chars[i] > '9')
            {
                return false;
            }
        }
        return true;
    }

    static long parseWhole(final char[] chars, final int offset, final int length)
    {
        long v = 0;
        for (int i = offset; i < offset + length; i++)
        {
            v = v * 10 + (chars[i] - '0');
        }
        return v;
    }

    /** The {@code ev} values the feed sends and their kinds; any other is {@link #EV_UNKNOWN}. */
    private static final String[] EV_NAMES = {"T", "Q", "A", "AM", "V", "LULD", "NOI", "FMV", "status"};
    private static final int[] EV_KINDS = {EV_TRADE, EV_QUOTE, EV_SECOND_AGG, EV_MINUTE_AGG, EV_INDEX_VALUE, EV_LULD,
        EV_NOI, EV_FMV, EV_STATUS};

    /** The {@code ev} value, read in place from the parser's buffer. */
    static int eventKind(final char[] c, final int o, final int n)
    {
        for (int k = 0; k < EV_NAMES.length; k++)
        {
            final String name = EV_NAMES[k];
            if (name.length() == n && sameChars(name, c, o))
            {
                return EV_KINDS[k];
            }
        }
        return EV_UNKNOWN;
    }

    /** The {@code ev} value, read in place from a frame's bytes. */
    static int eventKind(final byte[] bytes, final int offset, final int length)
    {
        for (int k = 0; k < EV_NAMES.length; k++)
        {
            if (sameAscii(EV_NAMES[k], bytes, offset, length))
            {
                return EV_KINDS[k];
            }
        }
        return EV_UNKNOWN;
    }

    private static boolean sameAscii(final String name, final byte[] bytes, final int offset, final int length)
    {
        if (name.length() != length)
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (name.charAt(i) != bytes[offset + i])
            {
                return false;
            }
        }
        return true;
    }

    private static boolean sameChars(final String name, final char[] c, final int o)
    {
        for (int i = 0; i < name.length(); i++)
        {
            if (name.charAt(i) != c[o + i])
            {
                return false;
            }
        }
        return true;
    }
}

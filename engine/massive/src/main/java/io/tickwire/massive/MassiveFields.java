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

    static int fieldId(final String name)
    {
        switch (name)
        {
            case "ev": return F_EV;
            case "sym":
            case "T": return F_SYM;
            case "i": return F_I;
            case "x": return F_X;
            case "z": return F_Z;
            case "p": return F_P;
            case "s": return F_S;
            case "c": return F_C;
            case "t": return F_T;
            case "q": return F_Q;
            case "trfi": return F_TRFI;
            case "trft": return F_TRFT;
            case "pt": return F_PT;
            case "ds": return F_DS;
            case "bx": return F_BX;
            case "bp": return F_BP;
            case "bs": return F_BS;
            case "ax": return F_AX;
            case "ap": return F_AP;
            case "as": return F_AS;
            case "v": return F_V;
            case "av": return F_AV;
            case "op": return F_OP;
            case "vw": return F_VW;
            case "o": return F_O;
            case "h": return F_H;
            case "l": return F_L;
            case "a": return F_A;
            case "e": return F_E;
            case "otc": return F_OTC;
            case "dv": return F_DV;
            case "dav": return F_DAV;
            case "val": return F_VAL;
            case "at": return F_AT;
            case "b": return F_B;
            case "fmv": return F_FMV;
            case "status": return F_STATUS;
            case "message": return F_MESSAGE;
            default: return F_UNKNOWN;
        }
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

    /** The {@code ev} value, read in place from the parser's buffer. */
    static int eventKind(final char[] c, final int o, final int n)
    {
        if (n == 1)
        {
            switch (c[o])
            {
                case 'T':
                    return EV_TRADE;
                case 'Q':
                    return EV_QUOTE;
                case 'A':
                    return EV_SECOND_AGG;
                case 'V':
                    return EV_INDEX_VALUE;
                default:
                    return EV_UNKNOWN;
            }
        }
        if (n == 2 && c[o] == 'A' && c[o + 1] == 'M')
        {
            return EV_MINUTE_AGG;
        }
        if (n == 4 && c[o] == 'L' && c[o + 1] == 'U' && c[o + 2] == 'L' && c[o + 3] == 'D')
        {
            return EV_LULD;
        }
        if (n == 3 && c[o] == 'N' && c[o + 1] == 'O' && c[o + 2] == 'I')
        {
            return EV_NOI;
        }
        if (n == 3 && c[o] == 'F' && c[o + 1] == 'M' && c[o + 2] == 'V')
        {
            return EV_FMV;
        }
        if (n == 6 && c[o] == 's' && c[o + 1] == 't' && c[o + 2] == 'a' && c[o + 3] == 't' && c[o + 4] == 'u' &&
            c[o + 5] == 's')
        {
            return EV_STATUS;
        }
        return EV_UNKNOWN;
    }
}

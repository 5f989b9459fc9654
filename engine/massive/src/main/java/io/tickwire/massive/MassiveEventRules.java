package io.tickwire.massive;

import io.tickwire.model.FixedPoint;
import io.tickwire.model.event.MarketEvent;

import static io.tickwire.massive.MassiveFields.*;

/**
 * What a Massive event's values must be before it may enter the ring: the checks the JSON alone does not make.
 * Each returns null for a usable event, or the reason it is not (only then is a String built). The bounds are
 * those of the feed as it really behaves (../shared/massive-protocol.md), wide enough for every listed
 * instrument and narrow enough that no value can overflow the 10^6 fixed point or pass as a price it is not.
 */
final class MassiveEventRules
{
    /** Prices and index values: positive, at most a billion. */
    static final long MAX_PRICE = 1_000_000_000L * FixedPoint.SCALE;
    /** Sizes and volumes: at most a trillion. */
    static final long MAX_QUANTITY = 1_000_000_000_000L * FixedPoint.SCALE;
    /** Event times: 2000-01-01 up to 2100-01-01, ns since the epoch, after the unit is decided by magnitude. */
    static final long MIN_TIME = 946_684_800_000_000_000L;
    static final long MAX_TIME = 4_102_444_800_000_000_000L;
    /** Exchange and TRF ids: stocks 1-21, options in the 300s, TRFs 201-203. */
    static final int MAX_EXCHANGE = 999;
    static final int MAX_TAPE = 255;
    /** Value returned by {@link #amount} for a number beyond what the fixed point holds. */
    private static final long OUT_OF_RANGE = Long.MIN_VALUE;

    private MassiveEventRules()
    {
    }

    static String common(final MassiveEventReader in)
    {
        if (in.tooManyCodes >= 0)
        {
            return in.tooManyCodes == F_C ?
                "more than " + in.conditions.length + " conditions" : "more than " + in.indicators.length + " indicators";
        }
        for (int i = 0; i < in.symLength; i++)
        {
            if (in.sym[i] <= ' ' || in.sym[i] > '~')
            {
                return "ticker holds a character that is not printable ASCII";
            }
        }
        return null;
    }

    static String trade(final MassiveEventReader in)
    {
        String why = time(in, F_T, "t");
        why = why != null ? why : optionalTime(in, F_PT, "pt");
        why = why != null ? why : optionalTime(in, F_TRFT, "trft");
        why = why != null ? why : price(in, F_P, "p");
        why = why != null ? why : code(in, F_X, "x", MAX_EXCHANGE);
        why = why != null ? why : code(in, F_TRFI, "trfi", MAX_EXCHANGE);
        why = why != null ? why : code(in, F_Z, "z", MAX_TAPE);
        why = why != null ? why : code(in, F_Q, "q", Long.MAX_VALUE);
        if (why != null)
        {
            return why;
        }
        if (in.idIsText && Utf8.length(in.id, in.idLength) > MarketEvent.MAX_TEXT)
        {
            return "trade id (i) longer than " + MarketEvent.MAX_TEXT + " bytes of UTF-8";
        }
        final long size = in.present(F_DS) ? amount(in, F_DS) : amount(in, F_S);
        if (size <= 0 || size > MAX_QUANTITY)
        {
            return "trade size (" + (in.present(F_DS) ? "ds" : "s") + ") must be positive and at most 10^12";
        }
        return null;
    }

    static String quote(final MassiveEventReader in)
    {
        String why = time(in, F_T, "t");
        why = why != null ? why : optionalTime(in, F_PT, "pt");
        why = why != null ? why : quantity(in, F_BP, "bp", MAX_PRICE);
        why = why != null ? why : quantity(in, F_AP, "ap", MAX_PRICE);
        why = why != null ? why : quantity(in, F_BS, "bs", MAX_QUANTITY);
        why = why != null ? why : quantity(in, F_AS, "as", MAX_QUANTITY);
        why = why != null ? why : code(in, F_BX, "bx", MAX_EXCHANGE);
        why = why != null ? why : code(in, F_AX, "ax", MAX_EXCHANGE);
        why = why != null ? why : code(in, F_C, "c", Short.MAX_VALUE);
        why = why != null ? why : code(in, F_Z, "z", MAX_TAPE);
        return why != null ? why : code(in, F_Q, "q", Long.MAX_VALUE);
    }

    static String indexValue(final MassiveEventReader in)
    {
        final String why = time(in, F_T, "t");
        return why != null ? why : price(in, F_VAL, "val");
    }

    static String aggregate(final MassiveEventReader in)
    {
        String why = time(in, F_S, "s");
        why = why != null ? why : time(in, F_E, "e");
        why = why != null ? why : price(in, F_C, "c");
        why = why != null || !in.present(F_O) ? why : price(in, F_O, "o");
        why = why != null || !in.present(F_H) ? why : price(in, F_H, "h");
        why = why != null || !in.present(F_L) ? why : price(in, F_L, "l");
        why = why != null ? why : quantity(in, F_VW, "vw", MAX_PRICE);
        why = why != null ? why : quantity(in, F_A, "a", MAX_PRICE);
        why = why != null ? why : quantity(in, F_OP, "op", MAX_PRICE);
        why = why != null ? why : quantity(in, in.present(F_DV) ? F_DV : F_V, "v", MAX_QUANTITY);
        why = why != null ? why : quantity(in, in.present(F_DAV) ? F_DAV : F_AV, "av", MAX_QUANTITY);
        why = why != null ? why : quantity(in, F_Z, "z", MAX_QUANTITY);
        why = why != null ? why : code(in, F_OTC, "otc", 1);
        if (why == null && in.nanos(F_E) < in.nanos(F_S))
        {
            why = "aggregate ends (e) before it starts (s)";
        }
        if (why == null && in.present(F_H) && in.present(F_L) && amount(in, F_L) > amount(in, F_H))
        {
            why = "aggregate low (l) above its high (h)";
        }
        return why;
    }

    static String limitBands(final MassiveEventReader in)
    {
        String why = time(in, F_T, "t");
        why = why != null ? why : price(in, F_H, "h");
        why = why != null ? why : price(in, F_L, "l");
        why = why != null ? why : code(in, F_Z, "z", MAX_TAPE);
        why = why != null ? why : code(in, F_Q, "q", Long.MAX_VALUE);
        return why == null && amount(in, F_L) > amount(in, F_H) ? "limit-down (l) above limit-up (h)" : why;
    }

    static String imbalance(final MassiveEventReader in)
    {
        String why = time(in, F_T, "t");
        why = why != null ? why : code(in, F_X, "x", MAX_EXCHANGE);
        why = why != null ? why : code(in, F_AT, "at", 2359);
        why = why != null ? why : signedQuantity(in, F_O, "o"); // an imbalance may be given as signed
        why = why != null ? why : quantity(in, F_P, "p", MAX_QUANTITY);
        return why != null ? why : quantity(in, F_B, "b", MAX_PRICE);
    }

    static String fairValue(final MassiveEventReader in)
    {
        final String why = time(in, F_T, "t");
        return why != null ? why : price(in, F_FMV, "fmv");
    }

    private static String time(final MassiveEventReader in, final int field, final String name)
    {
        final long raw = in.whole[field];
        final long nanos = in.nanos(field);
        if (raw <= 0 || nanos < MIN_TIME || nanos >= MAX_TIME)
        {
            return name + " is not a time between 2000 and 2100";
        }
        return null;
    }

    private static String optionalTime(final MassiveEventReader in, final int field, final String name)
    {
        return in.present(field) && in.whole[field] != 0 ? time(in, field, name) : null;
    }

    private static String price(final MassiveEventReader in, final int field, final String name)
    {
        final long value = amount(in, field);
        return value > 0 && value <= MAX_PRICE ? null : name + " must be a positive price, at most 10^9";
    }

    /** Optional, zero allowed (a quote side may be empty), never negative. */
    private static String quantity(final MassiveEventReader in, final int field, final String name, final long max)
    {
        if (!in.present(field))
        {
            return null;
        }
        final long value = amount(in, field);
        return value >= 0 && value <= max ? null : name + " must be between 0 and " + FixedPoint.toDouble(max);
    }

    private static String signedQuantity(final MassiveEventReader in, final int field, final String name)
    {
        final long value = amount(in, field);
        return value != OUT_OF_RANGE && Math.abs(value) <= MAX_QUANTITY ? null :
            name + " must be a quantity of at most 10^12 either way";
    }

    /** Optional whole-number codes and counters: 0 up to max. */
    private static String code(final MassiveEventReader in, final int field, final String name, final long max)
    {
        if (!in.present(field))
        {
            return null;
        }
        return in.integral[field] && in.whole[field] >= 0 && in.whole[field] <= max ? null :
            name + " must be a whole number from 0 to " + max;
    }

    /** The fixed-point value, or {@link #OUT_OF_RANGE} when the number is beyond what 10^6 fixed point holds. */
    private static long amount(final MassiveEventReader in, final int field)
    {
        if (in.integral[field] && Math.abs(in.whole[field]) > Long.MAX_VALUE / FixedPoint.SCALE)
        {
            return OUT_OF_RANGE;
        }
        return in.fixedValue(field);
    }
}

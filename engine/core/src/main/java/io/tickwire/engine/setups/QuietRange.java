package io.tickwire.engine.setups;

import io.tickwire.codecs.sbe.SetupState;
import io.tickwire.codecs.sbe.Trail;

/**
 * The open price interval around a setup's last evaluated price in which a tick changes nothing about it: no
 * transition, no alert, no trail, no re-armed hysteresis. The evaluator skips a setup while ticks stay inside,
 * so a tick costs the setups it crosses, not all of the symbol's. Bounds are conservative (a little narrow):
 * evaluating a quiet setup is harmless, skipping a live one would not be. Time-driven rules (expiry, dwell) and
 * inputs other than ticks (bars, ATR, commands) are handled by the evaluator, which rescans the symbol then.
 */
final class QuietRange
{
    /** A setup that must see every tick (READY counts ticks in the zone; one whose last price is in a region). */
    static final long ALWAYS = Long.MAX_VALUE;
    /** Rounding guard for bounds computed through doubles, in fixed-point units. */
    private static final long GUARD = 2;

    private QuietRange()
    {
    }

    /** Sets {@code s.quietLow} and {@code s.quietHigh}: quiet while quietLow &lt; price &lt; quietHigh. */
    static void compute(final Setup s, final long last, final double atr, final double stopThreatAtr)
    {
        s.quietLow = Long.MIN_VALUE;
        s.quietHigh = Long.MAX_VALUE;
        if (s.state == SetupState.READY.value())
        {
            always(s);
            return;
        }
        final boolean up = s.isLong;
        // the stop: long at or below, short at or above
        region(s, last, up ? Long.MIN_VALUE : s.stop, up ? s.stop : Long.MAX_VALUE);
        if (s.state == SetupState.ARMED.value())
        {
            region(s, last, s.entryLow - s.proximity, s.entryHigh + s.proximity);
            return;
        }
        final long target = s.state == SetupState.TRIGGERED.value() ? s.target1 : s.target2;
        if (target > 0)
        {
            region(s, last, up ? target : Long.MIN_VALUE, up ? Long.MAX_VALUE : target);
        }
        if (s.state == SetupState.TARGET1.value() && s.trail == Trail.ATR.value() && atr > 0)
        {
            final long distance = Math.round(s.trailParam * atr * 1e6); // as Setup.trailByAtr computes it
            region(s, last, up ? s.stop + distance : Long.MIN_VALUE, up ? Long.MAX_VALUE : s.stop - distance);
        }
        if (atr > 0 && stopThreatAtr > 0)
        {
            if (s.threatArmed) // fires within stopThreatAtr ATRs of the stop
            {
                final long reach = (long)Math.ceil(stopThreatAtr * atr * 1e6) + GUARD;
                region(s, last, s.stop - reach, s.stop + reach);
            }
            else // re-arms beyond 1.5 times that
            {
                final long reach = Math.max(0, (long)Math.floor(1.5 * stopThreatAtr * atr * 1e6) - GUARD);
                region(s, last, Long.MIN_VALUE, s.stop - reach);
                region(s, last, s.stop + reach, Long.MAX_VALUE);
            }
        }
    }

    /** Narrows the quiet interval so it excludes the closed region [from, to]; one that holds last: always. */
    private static void region(final Setup s, final long last, final long from, final long to)
    {
        if (from > to || s.quietLow == ALWAYS)
        {
            return;
        }
        if (last >= from && last <= to)
        {
            always(s);
        }
        else if (to < last)
        {
            s.quietLow = Math.max(s.quietLow, to);
        }
        else
        {
            s.quietHigh = Math.min(s.quietHigh, from);
        }
    }

    private static void always(final Setup s)
    {
        s.quietLow = ALWAYS;
        s.quietHigh = ALWAYS;
    }
}

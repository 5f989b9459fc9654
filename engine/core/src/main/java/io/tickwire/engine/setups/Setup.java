package io.tickwire.engine.setups;

import io.tickwire.codecs.sbe.ConfirmRule;
import io.tickwire.codecs.sbe.Direction;
import io.tickwire.codecs.sbe.SetupState;
import io.tickwire.model.event.MarketEvent;
import org.agrona.concurrent.UnsafeBuffer;

/** One setup: the desk's definition and where it stands. Owned by the evaluator thread. */
final class Setup
{
    static final int ALERT_TYPES = 4;

    long id;
    /** The gateway key that placed it (0: an open gateway); an amend by an admin does not change it. */
    long owner;
    int symbolId;
    boolean isLong;
    int confirmRule;
    int trail;
    int confirmTicks;
    long confirmDwellNanos;
    long entryLow;
    long entryHigh;
    long proximity;
    long stop;
    long target1;
    long target2;
    double target1Atr;
    double target2Atr;
    double trailParam;
    long expiry;

    int state = SetupState.ARMED.value();
    long entryPrice;
    int ticksInZone;
    long inZoneSince;
    double ema;
    int emaSamples;
    final long[] lastAlert = new long[ALERT_TYPES];
    final int[] heldBack = new int[ALERT_TYPES];
    boolean threatArmed = true;
    boolean divergenceArmed = true;
    /** Ticks strictly inside (quietLow, quietHigh) change nothing about this setup ({@link QuietRange}). */
    long quietLow = QuietRange.ALWAYS;
    long quietHigh = QuietRange.ALWAYS;
    /** A trail moved the stop since the store last saw this setup: saved at the next timer tick. */
    boolean unsaved;
    /** Index in its symbol's list in the book: the order ticks evaluate setups in. */
    int position;

    Setup()
    {
        java.util.Arrays.fill(lastAlert, Long.MIN_VALUE / 2);
    }

    /** The definition part of a command (add, amend, restore). */
    void define(final MarketEvent c)
    {
        id = c.setupId;
        symbolId = c.symbolId;
        isLong = c.direction == Direction.LONG.value();
        confirmRule = c.confirmRule;
        trail = c.trail;
        confirmTicks = Math.max(1, c.confirmTicks);
        confirmDwellNanos = c.confirmDwellMillis * 1_000_000L;
        entryLow = Math.min(c.entryLow, c.entryHigh);
        entryHigh = Math.max(c.entryLow, c.entryHigh);
        proximity = c.proximity;
        stop = c.stop;
        target1 = c.target1;
        target2 = c.target2;
        target1Atr = c.target1Atr;
        target2Atr = c.target2Atr;
        trailParam = c.trailParam;
        expiry = c.expiry;
    }

    /** The setup as a RESTORE command, for the store. */
    void describe(final MarketEvent c)
    {
        c.setupId = id;
        c.owner = owner;
        c.symbolId = symbolId;
        c.direction = isLong ? Direction.LONG.value() : Direction.SHORT.value();
        c.confirmRule = confirmRule;
        c.trail = trail;
        c.confirmTicks = confirmTicks;
        c.confirmDwellMillis = (int)(confirmDwellNanos / 1_000_000L);
        c.entryLow = entryLow;
        c.entryHigh = entryHigh;
        c.proximity = proximity;
        c.stop = stop;
        c.target1 = target1;
        c.target2 = target2;
        c.target1Atr = target1Atr;
        c.target2Atr = target2Atr;
        c.trailParam = trailParam;
        c.expiry = expiry;
        c.setupState = state;
        c.entryPrice = entryPrice;
        final UnsafeBuffer runtime = new UnsafeBuffer(c.text);
        int at = 0;
        for (int i = 0; i < ALERT_TYPES; i++)
        {
            runtime.putLong(at, lastAlert[i]);
            runtime.putInt(at + 8, heldBack[i]);
            at += 12;
        }
        runtime.putDouble(at, ema);
        runtime.putInt(at + 8, emaSamples);
        runtime.putInt(at + 12, ticksInZone);
        runtime.putLong(at + 16, inZoneSince);
        runtime.putByte(at + 24, (byte)((threatArmed ? 1 : 0) | (divergenceArmed ? 2 : 0)));
        c.textLength = at + 25;
    }

    /** What {@link #describe} saved beyond the definition: cool-downs, the EMA, confirmation progress. */
    void restoreRuntime(final MarketEvent c)
    {
        if (c.textLength != 4 * 12 + 25)
        {
            return; // a store written before the runtime was kept: the setup restarts its cool-downs
        }
        final UnsafeBuffer runtime = new UnsafeBuffer(c.text);
        int at = 0;
        for (int i = 0; i < ALERT_TYPES; i++)
        {
            lastAlert[i] = runtime.getLong(at);
            heldBack[i] = runtime.getInt(at + 8);
            at += 12;
        }
        ema = runtime.getDouble(at);
        emaSamples = runtime.getInt(at + 8);
        ticksInZone = runtime.getInt(at + 12);
        inZoneSince = runtime.getLong(at + 16);
        final byte armed = runtime.getByte(at + 24);
        threatArmed = (armed & 1) != 0;
        divergenceArmed = (armed & 2) != 0;
    }

    boolean terminal()
    {
        return state >= SetupState.TARGET2.value();
    }

    boolean beforeTrigger()
    {
        return state <= SetupState.READY.value();
    }

    /** Long: at or below the stop; short: at or above. */
    boolean stopHit(final long price)
    {
        return isLong ? price <= stop : price >= stop;
    }

    boolean inZone(final long price)
    {
        return price >= entryLow && price <= entryHigh;
    }

    boolean nearZone(final long price)
    {
        return price >= entryLow - proximity && price <= entryHigh + proximity;
    }

    boolean reached(final long target, final long price)
    {
        return target > 0 && (isLong ? price >= target : price <= target);
    }

    /** A target {@code multiple} ATRs from the entry, in the setup's direction, on the tick and at least a tick away. */
    long targetFrom(final long entry, final double multiple, final double atr)
    {
        final long distance = Math.max(Math.round(multiple * atr * 1e6), TickSize.of(entry));
        return TickSize.snap(isLong ? entry + distance : entry - distance);
    }

    /** After target 1 an ATR trail moves the stop (on the tick) toward price, never away. */
    void trailByAtr(final long price, final double atr)
    {
        final long distance = Math.round(trailParam * atr * 1e6);
        stop = isLong ? Math.max(stop, TickSize.snap(price - distance)) : Math.min(stop, TickSize.snap(price + distance));
    }

    /**
     * EMA of 1 s closes with period trailParam; once it has that many closes (warm), the stop follows it,
     * never backwards.
     */
    void trailByEma(final long close)
    {
        final double alpha = 2.0 / (Math.max(1, trailParam) + 1);
        ema = emaSamples == 0 ? close : ema + alpha * (close - ema);
        if (++emaSamples >= trailParam)
        {
            final long emaStop = TickSize.snap(Math.round(ema));
            stop = isLong ? Math.max(stop, emaStop) : Math.min(stop, emaStop);
        }
    }

    /** TICKS: N consecutive trades in the zone; DWELL: in the zone for the dwell time. Leaving resets both. */
    boolean confirmedByTick(final long price, final long time)
    {
        if (!inZone(price))
        {
            ticksInZone = 0;
            inZoneSince = 0;
            return false;
        }
        ticksInZone++;
        if (inZoneSince == 0)
        {
            inZoneSince = time;
        }
        return confirmRule == ConfirmRule.TICKS.value() && ticksInZone >= confirmTicks ||
            confirmRule == ConfirmRule.DWELL.value() && time - inZoneSince >= confirmDwellNanos;
    }

    /**
     * The stop-threat alert's hysteresis: fires once price comes within {@code thresholdAtr} ATRs of the stop,
     * re-arms beyond 1.5 times that. @return the distance in ATRs when the alert fires, else NaN.
     */
    double stopThreat(final long price, final double atr, final double thresholdAtr)
    {
        if (!(atr > 0) || thresholdAtr <= 0)
        {
            return Double.NaN;
        }
        final double distance = Math.abs(price - stop) / 1e6 / atr;
        if (threatArmed && distance < thresholdAtr)
        {
            threatArmed = false;
            return distance;
        }
        if (distance > 1.5 * thresholdAtr)
        {
            threatArmed = true;
        }
        return Double.NaN;
    }
}

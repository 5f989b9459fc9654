package io.tickwire.engine.setups;

import io.tickwire.model.FixedPoint;

/**
 * The minimum price increment of US equities (Reg NMS Rule 612): $0.01 at $1.00 and above, $0.0001 below. A
 * target or stop tickwire computes (from ATRs, a trail, an EMA) is put on it, so a desk can rest an order there.
 */
final class TickSize
{
    private static final long CENT = FixedPoint.SCALE / 100;
    private static final long HUNDREDTH_OF_A_CENT = FixedPoint.SCALE / 10_000;

    private TickSize()
    {
    }

    static long of(final long price)
    {
        return price >= FixedPoint.SCALE ? CENT : HUNDREDTH_OF_A_CENT;
    }

    /** The nearest price on the tick (half a tick rounds up). */
    static long snap(final long price)
    {
        final long tick = of(price);
        return Math.floorDiv(price + tick / 2, tick) * tick;
    }
}

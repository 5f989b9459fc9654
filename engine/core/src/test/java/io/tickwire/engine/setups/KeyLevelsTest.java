package io.tickwire.engine.setups;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Key levels over two hand-built days, and the snapping rule on them. */
class KeyLevelsTest
{
    private static final long P = 1_000_000L;

    private final KeyLevels levels = new KeyLevels();

    private void trade(final String eastern, final double price, final long size)
    {
        final long t = LocalDateTime.parse(eastern).atZone(ZoneId.of("America/New_York")).toInstant().toEpochMilli() *
            1_000_000L;
        levels.onTrade(1, t, Math.round(price * P), size * P);
    }

    private long[] current()
    {
        final long[] out = new long[KeyLevels.MAX_LEVELS];
        return Arrays.copyOf(out, levels.levels(1, out));
    }

    @Test
    void shouldBuildPremarketOpeningRangesVwapAndCarryThePriorClose()
    {
        trade("2026-11-19T15:59:00", 99.00, 100);  // a regular-session close on the day before
        trade("2026-11-20T07:00:00", 101.00, 10);  // premarket
        trade("2026-11-20T08:00:00", 100.50, 10);
        trade("2026-11-20T09:31:00", 102.00, 100); // first 5 minutes
        trade("2026-11-20T09:40:00", 103.00, 100); // inside 15
        trade("2026-11-20T09:50:00", 99.50, 200);  // inside 30
        trade("2026-11-20T10:30:00", 104.00, 100); // after every opening range
        // premarket high/low, prior close, OR5 high/low, OR15 high/low, OR30 high/low, VWAP
        final double vwap = (102.0 * 100 + 103 * 100 + 99.5 * 200 + 104 * 100) / 500;
        assertArrayEquals(new long[]{101 * P, 100_500_000L, 99 * P, 102 * P, 102 * P, 103 * P, 102 * P, 103 * P,
            99_500_000L, Math.round(vwap * P)}, current());
        trade("2026-11-23T09:31:00", 105.00, 10);  // Monday: Friday's last regular trade is the prior close
        assertArrayEquals(new long[]{104 * P, 105 * P, 105 * P, 105 * P, 105 * P, 105 * P, 105 * P, 105 * P}, current());
    }

    @Test
    void shouldSnapOnlyToLevelsBeyondTheEntryAndWithinReach()
    {
        final long[] known = {102_400_000L, 99_000_000L};
        // long from 100.50, ATR 1, snap within 0.25: 102.50 raw -> 102.40 (0.10 away)
        assertEquals(102_400_000L, LevelSnapper.snap(102_500_000L, 100_500_000L, true, 1.0, 0.25, known, 2));
        // 102.80 raw: 102.40 is 0.40 away, too far; the round number 105 is 2.20 away: stays raw
        assertEquals(102_800_000L, LevelSnapper.snap(102_800_000L, 100_500_000L, true, 1.0, 0.25, known, 2));
        // a short from 100.50 toward 99.10: 99.00 is beyond the entry and 0.10 away
        assertEquals(99_000_000L, LevelSnapper.snap(99_100_000L, 100_500_000L, false, 1.0, 0.25, known, 2));
        // a level on the wrong side of the entry never counts
        assertEquals(100_600_000L, LevelSnapper.snap(100_600_000L, 100_500_000L, false, 1.0, 0.25,
            new long[]{100_550_000L}, 1));
        assertEquals(5_000_000L, LevelSnapper.roundStep(600 * P));
    }
}

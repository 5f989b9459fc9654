package io.tickwire.massive;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReconnectPolicyTest
{
    @Test
    void shouldBackOffExponentiallyWithFullJitterUpToTheCap()
    {
        final long seed = 20_261_130L;
        System.out.println("ReconnectPolicyTest seed " + seed);
        final Random random = new Random(seed);
        final ReconnectPolicy policy = new ReconnectPolicy(100, 3_000, 10_000, 60_000, random::nextLong);
        long maxSeen = 0;
        for (int attempt = 0; attempt < 40; attempt++)
        {
            final long bound = Math.min(3_000, 100L << Math.min(attempt, 30));
            final long delay = policy.nextDelayMillis(0, false);
            assertTrue(delay >= 0 && delay <= bound, "seed " + seed + " attempt " + attempt + ": " + delay);
            maxSeen = Math.max(maxSeen, delay);
        }
        assertTrue(maxSeen > 1_000, "jitter spreads up to the cap (seed " + seed + ")");
    }

    @Test
    void shouldResetOnlyAfterAConnectionStayedUp()
    {
        final ReconnectPolicy policy = new ReconnectPolicy(100, 30_000, 10_000, 60_000, () -> Long.MAX_VALUE);
        policy.nextDelayMillis(0, false);
        policy.nextDelayMillis(0, false);
        policy.nextDelayMillis(9_999, false);
        assertEquals(3, policy.attempt(), "up for less than the reset time: the back-off keeps growing");
        policy.nextDelayMillis(10_000, false);
        assertEquals(1, policy.attempt(), "up long enough: back to the first step");
    }

    @Test
    void shouldCoolDownAfterAnEviction()
    {
        final ReconnectPolicy policy = new ReconnectPolicy(100, 30_000, 10_000, 60_000, () -> 0);
        assertEquals(60_000, policy.nextDelayMillis(500, true));
    }
}

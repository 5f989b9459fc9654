package io.tickwire.gateway;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBucketTest
{
    private static final long MS = 1_000_000L;

    @Test
    void shouldAllowABurstOfTheRateThenRefillWithTime()
    {
        final TokenBucket bucket = new TokenBucket(3, 0);
        assertTrue(bucket.tryTake(0));
        assertTrue(bucket.tryTake(0));
        assertTrue(bucket.tryTake(0));
        assertFalse(bucket.tryTake(0), "the burst is spent");
        assertFalse(bucket.tryTake(300 * MS), "0.9 of a token after 300 ms");
        assertTrue(bucket.tryTake(340 * MS), "one token after a third of a second");
        assertTrue(bucket.tryTake(10_000 * MS));
        assertTrue(bucket.tryTake(10_000 * MS));
        assertTrue(bucket.tryTake(10_000 * MS));
        assertFalse(bucket.tryTake(10_000 * MS), "a long pause refills no more than the burst");
    }
}

package io.tickwire.gateway;

/**
 * A per-client rate limit: {@code perSecond} tokens a second, and a burst of as many. One owner thread; the
 * time is handed in (the caller's duty-cycle clock), so it is tested without waiting.
 */
final class TokenBucket
{
    private static final long SECOND = 1_000_000_000L;

    private final long perSecond;
    private double tokens;
    private long lastNanos;

    TokenBucket(final int perSecond, final long nowNanos)
    {
        this.perSecond = perSecond;
        this.tokens = perSecond;
        this.lastNanos = nowNanos;
    }

    boolean tryTake(final long nowNanos)
    {
        if (nowNanos > lastNanos) // a clock read a little earlier than the bucket's creation adds nothing
        {
            tokens = Math.min(perSecond, tokens + (nowNanos - lastNanos) * (double)perSecond / SECOND);
            lastNanos = nowNanos;
        }
        if (tokens < 1)
        {
            return false;
        }
        tokens--;
        return true;
    }
}

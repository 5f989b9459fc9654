package io.tickwire.gateway;

/**
 * A per-client rate limit: {@code count} tokens per period (a second, or a minute), and a burst of as many. One
 * owner thread; the time is handed in (the caller's duty-cycle clock), so it is tested without waiting.
 */
final class TokenBucket
{
    private static final long SECOND = 1_000_000_000L;

    private final long count;
    private final long periodNanos;
    private double tokens;
    private long lastNanos;

    TokenBucket(final int perSecond, final long nowNanos)
    {
        this(perSecond, SECOND, nowNanos);
    }

    private TokenBucket(final int count, final long periodNanos, final long nowNanos)
    {
        this.count = count;
        this.periodNanos = periodNanos;
        this.tokens = count;
        this.lastNanos = nowNanos;
    }

    static TokenBucket perMinute(final int count, final long nowNanos)
    {
        return new TokenBucket(count, 60 * SECOND, nowNanos);
    }

    boolean tryTake(final long nowNanos)
    {
        if (!available(nowNanos))
        {
            return false;
        }
        tokens--;
        return true;
    }

    /** Is a token there now (without taking it)? */
    boolean available(final long nowNanos)
    {
        if (nowNanos > lastNanos) // a clock read a little earlier than the bucket's creation adds nothing
        {
            tokens = Math.min(count, tokens + (nowNanos - lastNanos) * (double)count / periodNanos);
            lastNanos = nowNanos;
        }
        return tokens >= 1;
    }
}

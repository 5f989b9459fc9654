package io.tickwire.massive;

import java.util.function.LongSupplier;

/**
 * When to reconnect: exponential back-off with full jitter (a uniformly random delay between 0 and
 * min(cap, base × 2^attempt)), the attempt count reset only after a connection stayed up long enough,
 * and a fixed cool-down after an eviction, because two processes sharing a key evict each other in a loop
 * if either reconnects at once.
 */
public final class ReconnectPolicy
{
    private final long baseMillis;
    private final long capMillis;
    private final long resetAfterMillis;
    private final long evictionCooldownMillis;
    private final LongSupplier random;
    private int attempt;

    /** @param random returns uniformly distributed non-negative longs (jitter only; never used by a handler). */
    public ReconnectPolicy(final long baseMillis, final long capMillis, final long resetAfterMillis,
        final long evictionCooldownMillis, final LongSupplier random)
    {
        this.baseMillis = baseMillis;
        this.capMillis = Math.max(baseMillis, capMillis);
        this.resetAfterMillis = resetAfterMillis;
        this.evictionCooldownMillis = evictionCooldownMillis;
        this.random = random;
    }

    /**
     * @param upMillis how long the connection that just ended was up (0 if it never came up).
     * @param evicted  whether it ended with a max_connections eviction.
     * @return milliseconds to wait before the next attempt.
     */
    public long nextDelayMillis(final long upMillis, final boolean evicted)
    {
        if (upMillis >= resetAfterMillis)
        {
            attempt = 0;
        }
        if (evicted)
        {
            attempt = 0;
            return evictionCooldownMillis;
        }
        final long bound = Math.min(capMillis, baseMillis << Math.min(attempt, 30));
        attempt++;
        return Math.floorMod(random.getAsLong(), bound + 1);
    }

    public int attempt()
    {
        return attempt;
    }
}

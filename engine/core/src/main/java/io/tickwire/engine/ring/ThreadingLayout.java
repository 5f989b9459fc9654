package io.tickwire.engine.ring;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import io.tickwire.config.Keys;
import io.tickwire.config.TickwireConfig;

/**
 * The resolved threading choice: shared (one core thread for all stages, a blocking wait, for small
 * machines) or dedicated (one pinned, busy-spinning thread per stage). "auto" picks by core count, because
 * spinning on an oversubscribed machine starves everything else.
 */
public final class ThreadingLayout
{
    /** Fewer available cores than this and auto picks shared. */
    public static final int DEDICATED_MIN_CORES = 6;

    private final boolean dedicated;
    private final Keys.WaitStrategyName waitStrategy;

    private ThreadingLayout(final boolean dedicated, final Keys.WaitStrategyName waitStrategy)
    {
        this.dedicated = dedicated;
        this.waitStrategy = waitStrategy;
    }

    /** The configured layout ({@code engine.threading}, {@code engine.waitStrategy}) on this machine's cores. */
    public static ThreadingLayout of(final TickwireConfig config)
    {
        return resolve(config.get(Keys.ENGINE_THREADING), config.get(Keys.ENGINE_WAIT_STRATEGY),
            Runtime.getRuntime().availableProcessors());
    }

    public static ThreadingLayout resolve(
        final Keys.Threading threading, final Keys.WaitStrategyName wait, final int availableCores)
    {
        final boolean dedicated = threading == Keys.Threading.DEDICATED ||
            threading == Keys.Threading.AUTO && availableCores >= DEDICATED_MIN_CORES;
        final Keys.WaitStrategyName resolved = wait != Keys.WaitStrategyName.AUTO ? wait :
            dedicated ? Keys.WaitStrategyName.BUSY_SPIN : Keys.WaitStrategyName.BLOCKING;
        return new ThreadingLayout(dedicated, resolved);
    }

    public boolean dedicated()
    {
        return dedicated;
    }

    public Keys.WaitStrategyName waitStrategyName()
    {
        return waitStrategy;
    }

    WaitStrategy newWaitStrategy()
    {
        switch (waitStrategy)
        {
            case BUSY_SPIN:
                return new BusySpinWaitStrategy();
            case YIELDING:
                return new YieldingWaitStrategy();
            case SLEEPING:
                return new SleepingWaitStrategy();
            default:
                return new BlockingWaitStrategy();
        }
    }

    @Override
    public String toString()
    {
        return (dedicated ? "dedicated" : "shared") + "/" + waitStrategy.name().toLowerCase(java.util.Locale.ROOT);
    }
}

package io.tickwire.replay;

import io.tickwire.engine.ring.InputReplay;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;

import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * A window of a recorded day to replay: events before {@code from} are the warm-up (replayed as fast as possible,
 * so the stages stand at {@code from} exactly as live did), events in [from, to) the slice, paced at
 * {@code speed} times their recorded timing (0: as fast as possible); the replay ends at the first event at or after
 * {@code to}, so every record it writes is one the whole day's replay writes too, byte for byte (a bar whose window
 * ends at {@code to} is emitted after it, its lateness later: it belongs to the next slice). {@code symbols} filters
 * the output, never the input: pairs and the regime need every symbol.
 */
public record ReplaySlice(long fromNanos, long toNanos, Set<String> symbols, double speed)
{
    /** Everything, as fast as possible. */
    public static final ReplaySlice ALL = new ReplaySlice(Long.MIN_VALUE, Long.MAX_VALUE, Set.of(), 0);

    /** The input's gate: warm-up, then (once, at the first slice event) {@code atSliceStart}, pacing, the end. */
    InputReplay.Gate gate(final Runnable atSliceStart)
    {
        return new InputReplay.Gate()
        {
            private boolean started;
            private long startWall;

            @Override
            public int admit(final MarketEvent event)
            {
                if (event.eventTime < fromNanos || event.type == EventType.SYMBOL)
                {
                    return PUBLISH; // the warm-up, and symbols whenever they come
                }
                if (event.eventTime >= toNanos)
                {
                    return STOP;
                }
                if (!started)
                {
                    started = true;
                    atSliceStart.run();
                    startWall = System.nanoTime();
                }
                if (speed > 0 && fromNanos != Long.MIN_VALUE)
                {
                    final long due = startWall + (long)((event.eventTime - fromNanos) / speed);
                    long wait;
                    while ((wait = due - System.nanoTime()) > 0) // the recorded timing, scaled
                    {
                        LockSupport.parkNanos(wait);
                    }
                }
                return PUBLISH;
            }
        };
    }
}

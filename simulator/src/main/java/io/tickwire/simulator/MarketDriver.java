package io.tickwire.simulator;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

/**
 * The simulator's one generating thread: produces events at the configured rate on a fixed schedule
 * (event n is due at start + n / rate), packs them into frames per session and sends them. It starts its
 * schedule when the first subscription arrives, so a finite test stream is not spent before anyone listens.
 */
final class MarketDriver implements Runnable
{
    private final MassiveSimulator simulator;
    private final SimulatorSettings settings;
    private final SimulatedMarket market;
    private final GroundTruth groundTruth;
    private final MarketHistory history;
    private final SimEvent event = new SimEvent();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile boolean started;
    private volatile long generated;

    MarketDriver(final MassiveSimulator simulator, final SimulatorSettings settings, final SimulatedMarket market,
        final GroundTruth groundTruth, final MarketHistory history)
    {
        this.history = history;
        this.simulator = simulator;
        this.settings = settings;
        this.market = market;
        this.groundTruth = groundTruth;
    }

    void begin()
    {
        started = true;
        LockSupport.unpark(simulator.driverThread());
    }

    void stop()
    {
        running = false;
    }

    long generated()
    {
        return generated;
    }

    CountDownLatch finished()
    {
        return finished;
    }

    @Override
    public void run()
    {
        while (running && !started)
        {
            LockSupport.parkNanos(1_000_000);
        }
        final long start = System.nanoTime();
        final long limit = settings.maxEvents > 0 ? settings.maxEvents : Long.MAX_VALUE;
        long sent = 0;
        while (running)
        {
            final long elapsed = System.nanoTime() - start;
            final long due = Math.min(limit, (long)(elapsed / 1e9 * settings.rate) + 1);
            if (sent >= due)
            {
                if (sent >= limit)
                {
                    flushAggregates();
                    finished.countDown();
                    break;
                }
                final long nextDueNanos = (long)((sent) * 1e9 / settings.rate);
                LockSupport.parkNanos(Math.max(1_000, Math.min(1_000_000, nextDueNanos - elapsed)));
                continue;
            }
            final int count = (int)Math.min(due - sent, settings.maxEventsPerFrame);
            sendFrame(count, start, sent);
            sent += count;
            generated = sent;
        }
        finished.countDown();
    }

    /** @param start the schedule's origin (nanoTime) and {@code first} the index of the frame's first event. */
    private void sendFrame(final int count, final long start, final long first)
    {
        final List<SimulatorSession> sessions = simulator.sessions();
        final long now = System.currentTimeMillis();
        final JsonFrameWriter[] writers = simulator.writers(sessions.size());
        for (int s = 0; s < sessions.size(); s++)
        {
            writers[s].begin();
        }
        while (market.nextAggregate(now, event))
        {
            write(sessions, writers, event, event.type == SimEvent.Type.SECOND_AGG ? 2 : 3);
        }
        if (market.nextReference(now, event))
        {
            write(sessions, writers, event, channelOf(event));
        }
        for (int i = 0; i < count; i++)
        {
            market.next(now, event);
            if (settings.latencyProbe && event.type == SimEvent.Type.TRADE && event.tradeId != null)
            {
                event.tradeId = Long.toString(start + (long)((first + i) * 1e9 / settings.rate));
            }
            history.record(event);
            write(sessions, writers, event, channelOf(event));
        }
        final boolean swap = SimulatorFaults.take(simulator.faults().reorderedFrames);
        final boolean twice = SimulatorFaults.take(simulator.faults().duplicateFrames);
        for (int s = 0; s < sessions.size(); s++)
        {
            if (writers[s].events() > 0)
            {
                writers[s].end();
                final SimulatorSession session = sessions.get(s);
                if (swap)
                {
                    session.deferFrame(writers[s].bytes(), writers[s].length()); // goes out after the next one
                    continue;
                }
                session.sendFrame(writers[s].bytes(), writers[s].length());
                if (twice)
                {
                    session.sendFrame(writers[s].bytes(), writers[s].length());
                }
                session.sendDeferred();
            }
        }
    }

    private void flushAggregates()
    {
        final List<SimulatorSession> sessions = simulator.sessions();
        final JsonFrameWriter[] writers = simulator.writers(sessions.size());
        for (int s = 0; s < sessions.size(); s++)
        {
            writers[s].begin();
        }
        final long later = System.currentTimeMillis() + 120_000;
        while (market.nextAggregate(later, event))
        {
            write(sessions, writers, event, event.type == SimEvent.Type.SECOND_AGG ? 2 : 3);
        }
        for (int s = 0; s < sessions.size(); s++)
        {
            if (writers[s].events() > 0)
            {
                writers[s].end();
                sessions.get(s).sendFrame(writers[s].bytes(), writers[s].length());
            }
        }
    }

    private void write(final List<SimulatorSession> sessions, final JsonFrameWriter[] writers, final SimEvent e,
        final int channel)
    {
        boolean sent = false;
        for (int s = 0; s < sessions.size(); s++)
        {
            if (sessions.get(s).wants(e.instrument, channel))
            {
                writers[s].event(e);
                sent = true;
            }
        }
        if (sent && groundTruth != null)
        {
            groundTruth.record(e);
        }
    }

    private static int channelOf(final SimEvent e)
    {
        switch (e.type)
        {
            case TRADE:
                return 0;
            case QUOTE:
                return 1;
            case LIMIT_BANDS:
                return 5;
            case IMBALANCE:
                return 6;
            case FAIR_VALUE:
                return 7;
            default:
                return 4;
        }
    }
}

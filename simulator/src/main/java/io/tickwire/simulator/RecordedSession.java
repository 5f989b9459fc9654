package io.tickwire.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

/**
 * Serves a recorded session instead of the simulated market: one frame per line, as `tickwire export-raw`
 * writes them from the raw capture journal —
 * <pre>  [RECEIVE_TIME TAB [CLUSTER TAB]] FRAME_JSON</pre>
 * RECEIVE_TIME (ns, µs or ms since the epoch) paces the frames as originally received; without it, or with
 * "as fast as possible", frames go out back to back. Frames without a cluster go to stocks. Frames that
 * hold only status events (connected, auth_success, acks) are skipped: the simulator speaks the protocol
 * itself. Starts when the first client subscribes.
 */
final class RecordedSession implements Runnable
{
    private final MassiveSimulator simulator;
    private final Path file;
    private final boolean asFastAsPossible;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile boolean started;
    private volatile long framesSent;

    RecordedSession(final MassiveSimulator simulator, final Path file, final boolean asFastAsPossible)
    {
        this.simulator = simulator;
        this.file = file;
        this.asFastAsPossible = asFastAsPossible;
    }

    void begin()
    {
        started = true;
    }

    void stop()
    {
        running = false;
    }

    long framesSent()
    {
        return framesSent;
    }

    CountDownLatch finished()
    {
        return finished;
    }

    @Override
    public void run()
    {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            while (running && !started)
            {
                LockSupport.parkNanos(1_000_000);
            }
            final long start = System.nanoTime();
            long firstTime = Long.MIN_VALUE;
            String line;
            while (running && (line = reader.readLine()) != null)
            {
                if (line.isBlank())
                {
                    continue;
                }
                final String[] parts = line.split("\t", 3);
                final String frame = parts[parts.length - 1];
                final String cluster = parts.length == 3 ? parts[1] : "stocks";
                if (parts.length >= 2 && !asFastAsPossible)
                {
                    final long time = nanos(Long.parseLong(parts[0].trim()));
                    if (firstTime == Long.MIN_VALUE)
                    {
                        firstTime = time;
                    }
                    final long due = start + (time - firstTime);
                    while (running && System.nanoTime() < due)
                    {
                        LockSupport.parkNanos(Math.min(1_000_000, due - System.nanoTime()));
                    }
                }
                if (!statusOnly(frame))
                {
                    send(cluster, frame);
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read recorded session " + file, ex);
        }
        finally
        {
            finished.countDown();
        }
    }

    private void send(final String cluster, final String frame)
    {
        final byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        final List<SimulatorSession> sessions = simulator.sessions();
        for (final SimulatorSession s : sessions)
        {
            if (s.cluster().equals(cluster) && s.authenticated())
            {
                s.sendFrame(bytes, bytes.length);
            }
        }
        framesSent++;
    }

    /** Only status events: every "ev" in the frame is "status". */
    static boolean statusOnly(final String frame)
    {
        int at = frame.indexOf("\"ev\"");
        if (at < 0)
        {
            return false;
        }
        while (at >= 0)
        {
            final int colon = frame.indexOf(':', at + 4);
            final int quote = frame.indexOf('"', colon + 1);
            if (colon < 0 || quote < 0 || !frame.startsWith("status\"", quote + 1))
            {
                return false;
            }
            at = frame.indexOf("\"ev\"", quote);
        }
        return true;
    }

    private static long nanos(final long value)
    {
        if (value >= 100_000_000_000_000_000L)
        {
            return value;
        }
        return value >= 100_000_000_000_000L ? value * 1_000L : value * 1_000_000L;
    }
}

package io.tickwire.bench;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a measurement window's CPU went, by role: the harness's own simulator and desk client beside tickwire's
 * threads and the JVM's own (JIT compilers, GC). Everything runs in one process on the same cores, so on a small
 * machine what the simulator takes is not there for tickwire; this says how much. Java threads are read by name
 * from the ThreadMXBean; the JVM's share is the process's CPU time less every live Java thread's (a thread that
 * ended inside the window counts there too).
 */
final class CpuByRole
{
    static final List<String> ROLES = List.of("simulator", "desk client", "tickwire ingest", "tickwire stages",
        "tickwire conductor", "tickwire gateway io", "tickwire other", "JVM (JIT, GC)", "other");

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean)ManagementFactory.getOperatingSystemMXBean();
    private final Map<Long, Long> threadNanos0 = new HashMap<>();
    private final long processNanos0;
    private final long start;

    private CpuByRole()
    {
        for (final Thread t : Thread.getAllStackTraces().keySet())
        {
            threadNanos0.put(t.getId(), Math.max(0, threads.getThreadCpuTime(t.getId())));
        }
        processNanos0 = os.getProcessCpuTime();
        start = System.nanoTime();
    }

    static CpuByRole start()
    {
        return new CpuByRole();
    }

    /** Each role's CPU since {@link #start}, in % of one core, then "total" and "cores" (the cores available). */
    Map<String, Double> percentOfOneCore()
    {
        final double elapsed = System.nanoTime() - start;
        final Map<String, Double> byRole = new LinkedHashMap<>();
        ROLES.forEach((role) -> byRole.put(role, 0.0));
        long javaNanos = 0;
        for (final Thread t : Thread.getAllStackTraces().keySet())
        {
            final long nanos = Math.max(0, threads.getThreadCpuTime(t.getId()) - threadNanos0.getOrDefault(t.getId(), 0L));
            javaNanos += nanos;
            byRole.merge(role(t.getName()), nanos * 100.0 / elapsed, Double::sum);
        }
        final long processNanos = os.getProcessCpuTime() - processNanos0;
        byRole.put("JVM (JIT, GC)", Math.max(0, processNanos - javaNanos) * 100.0 / elapsed);
        byRole.put("total", processNanos * 100.0 / elapsed);
        byRole.put("cores", (double)Runtime.getRuntime().availableProcessors());
        return byRole;
    }

    static String role(final String thread)
    {
        if (thread.startsWith("massive-simulator"))
        {
            return "simulator";
        }
        if (thread.startsWith("bench-client"))
        {
            return "desk client";
        }
        if (thread.startsWith("tickwire-ingest"))
        {
            return "tickwire ingest";
        }
        if (thread.startsWith("tickwire-core"))
        {
            return "tickwire stages";
        }
        if (thread.startsWith("tickwire-gateway-conductor"))
        {
            return "tickwire conductor";
        }
        if (thread.startsWith("tickwire-gateway-io"))
        {
            return "tickwire gateway io";
        }
        return thread.startsWith("tickwire-") ? "tickwire other" : "other";
    }
}

package io.tickwire.node;

/**
 * System properties a tickwire process sets for itself before any Chronicle or Netty class loads, unless the
 * operator gave them on the command line. Used by the command line and the benchmark harnesses; tests do
 * not call it, so they keep Netty's leak detection.
 */
public final class ProcessDefaults
{
    private ProcessDefaults()
    {
    }

    public static void apply()
    {
        // tickwire never phones home, and needs no disk monitor thread
        System.setProperty("chronicle.analytics.disable", "true");
        System.setProperty("chronicle.disk.monitor.disable", "true");
        // Netty's sampled leak detection records a stack trace per tracked buffer: garbage on the ingest and
        // gateway loops. Buffer leaks are the tests' job (they run with Netty's default, SIMPLE).
        if (System.getProperty("io.netty.leakDetection.level") == null)
        {
            System.setProperty("io.netty.leakDetection.level", "disabled");
        }
    }
}

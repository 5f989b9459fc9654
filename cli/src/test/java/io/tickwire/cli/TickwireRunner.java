package io.tickwire.cli;

/** The command line, for tests outside this package: as {@code bin/tickwire} runs it, in this JVM. */
public final class TickwireRunner
{
    private TickwireRunner()
    {
    }

    /** @return the exit code; output to this process's stdout and stderr */
    public static int run(final String... args)
    {
        return Tickwire.run(args, System.out, System.err);
    }
}

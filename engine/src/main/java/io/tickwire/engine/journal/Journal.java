package io.tickwire.engine.journal;

import io.tickwire.config.Keys;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.rollcycles.LargeRollCycles;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * Opens the Chronicle queues tickwire writes: one directory per journal, each document one SBE record.
 * The roll cycle is sized for tick rates (not the default FAST_DAILY) and rolls once a day at a UTC time
 * chosen to fall between two US trading days.
 */
public final class Journal
{
    public static final String INPUT = "input";
    public static final String OUTPUT = "output";
    public static final String DEAD_LETTER = "deadletter";

    private Journal()
    {
    }

    public static ChronicleQueue open(final Path directory, final Keys.RollCycleName rollCycle, final LocalTime rollTimeUtc)
    {
        return SingleChronicleQueueBuilder.binary(directory.toFile())
            .rollCycle(rollCycle(rollCycle))
            .rollTime(rollTimeUtc, ZoneOffset.UTC)
            .build();
    }

    /** Opens an existing journal for reading (the cycle settings are read from its metadata). */
    public static ChronicleQueue openForRead(final Path directory)
    {
        return SingleChronicleQueueBuilder.binary(directory.toFile()).readOnly(true).build();
    }

    static RollCycle rollCycle(final Keys.RollCycleName name)
    {
        return name == Keys.RollCycleName.HUGE_DAILY ? LargeRollCycles.HUGE_DAILY : LargeRollCycles.LARGE_DAILY;
    }
}

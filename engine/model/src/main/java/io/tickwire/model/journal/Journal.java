package io.tickwire.model.journal;

import io.tickwire.config.Keys;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
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
    public static final String RAW = "raw";

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

    /** The shipped default of journal.rollTime, for readers that have no configuration at hand. */
    public static final LocalTime DEFAULT_ROLL_TIME_UTC = LocalTime.of(6, 0);

    /**
     * Opens an existing journal for reading. Chronicle takes the cycle settings from the journal's own
     * metadata; giving the defaults here only keeps it from warning that it overrode them.
     */
    public static ChronicleQueue openForRead(final Path directory)
    {
        return SingleChronicleQueueBuilder.binary(directory.toFile())
            .readOnly(true)
            .rollCycle(LargeRollCycles.LARGE_DAILY)
            .rollTime(DEFAULT_ROLL_TIME_UTC, ZoneOffset.UTC)
            .build();
    }

    /** How many documents the journal holds (from its indexes, without reading them): a progress bar's total. */
    public static long documents(final ChronicleQueue journal)
    {
        return journal instanceof SingleChronicleQueue single ? single.entryCount() : 0;
    }

    static RollCycle rollCycle(final Keys.RollCycleName name)
    {
        return name == Keys.RollCycleName.HUGE_DAILY ? LargeRollCycles.HUGE_DAILY : LargeRollCycles.LARGE_DAILY;
    }
}

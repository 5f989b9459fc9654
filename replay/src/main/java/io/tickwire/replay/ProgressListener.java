package io.tickwire.replay;

/** Told how far long work has come, now and then (every {@link #EVERY} records), from the working thread. */
@FunctionalInterface
public interface ProgressListener
{
    /** How many records between two reports. */
    int EVERY = 1 << 18;
    ProgressListener NONE = (done, total) -> { };

    /** @param total the records to do, 0 when not known ahead */
    void progress(long done, long total);
}

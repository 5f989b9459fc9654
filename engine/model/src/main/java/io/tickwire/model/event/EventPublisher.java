package io.tickwire.model.event;

/**
 * The ring's publishing port: the one way into the core. Every caller runs on the ring's producer thread
 * (the ring has exactly one producer). Back-pressure is a return value, never a wait or an exception.
 */
public interface EventPublisher
{
    /** Told when a ring-full gap has been journaled, so its source can backfill what was lost. */
    interface GapListener
    {
        void onRingFullGap(RingFullGap gap);
    }

    /** For batches that belong to no cluster (timer ticks, commands, engine statuses). */
    int NO_CLUSTER = -1;

    /**
     * For the live feed, which cannot wait: a batch that does not fit is dropped, counted and remembered per
     * cluster as a gap, declared ahead of that cluster's next batch.
     *
     * @return false when the ring was full and the batch was dropped.
     */
    boolean publish(StagedBatch batch, int cluster);

    /** For sources that can wait: publishes the batch if it fits, else returns false and records nothing. */
    boolean tryPublish(StagedBatch batch);

    /** For background work that must never compete with the live feed: only while half the ring stays free. */
    boolean tryPublishInBackground(StagedBatch batch);

    void gapListener(GapListener listener);
}

package io.tickwire.engine;

import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every count tickwire keeps, as Agrona counters: each has exactly one writing thread (named below), any
 * thread may read. Nothing is dropped, duplicated or rejected without one of these moving.
 */
public final class EngineCounters
{
    private final CountersManager manager = new CountersManager(
        new UnsafeBuffer(ByteBuffer.allocateDirect(CountersReader.METADATA_LENGTH * 64)),
        new UnsafeBuffer(ByteBuffer.allocateDirect(CountersReader.COUNTER_LENGTH * 64)));

    // written by the ingest thread
    public final AtomicCounter framesReceived = manager.newCounter("frames_received");
    public final AtomicCounter bytesReceived = manager.newCounter("bytes_received");
    public final AtomicCounter eventsPublished = manager.newCounter("events_published");
    public final AtomicCounter deadLetters = manager.newCounter("dead_letters");
    public final AtomicCounter rejectedEvents = manager.newCounter("rejected_events");
    public final AtomicCounter unknownEvents = manager.newCounter("unknown_events");
    public final AtomicCounter ringFullFrames = manager.newCounter("ring_full_frames");
    public final AtomicCounter ringFullEvents = manager.newCounter("ring_full_events");
    public final AtomicCounter statusEvents = manager.newCounter("status_events");
    public final AtomicCounter subscriptionAcks = manager.newCounter("subscription_acks");
    public final AtomicCounter timerTicks = manager.newCounter("timer_ticks");
    public final AtomicCounter symbols = manager.newCounter("symbols");
    // written by the sequencer
    public final AtomicCounter tradesAccepted = manager.newCounter("trades_accepted");
    public final AtomicCounter duplicateTrades = manager.newCounter("duplicate_trades");
    public final AtomicCounter duplicateSequences = manager.newCounter("duplicate_sequences");
    public final AtomicCounter backwardSequences = manager.newCounter("backward_sequences");
    public final AtomicCounter staleQuotes = manager.newCounter("stale_quotes");
    // written by the bar stage
    public final AtomicCounter barsEmitted = manager.newCounter("bars_emitted");
    public final AtomicCounter lateTrades = manager.newCounter("late_trades");
    // written by the journal stages
    public final AtomicCounter inputJournalRecords = manager.newCounter("input_journal_records");
    public final AtomicCounter inputJournalBytes = manager.newCounter("input_journal_bytes");
    public final AtomicCounter outputJournalRecords = manager.newCounter("output_journal_records");
    public final AtomicCounter outputJournalBytes = manager.newCounter("output_journal_bytes");
    public final AtomicCounter deadLetterJournalBytes = manager.newCounter("dead_letter_journal_bytes");

    /** A snapshot of every counter by label, in registration order. Allocates: for tools and endpoints. */
    public Map<String, Long> snapshot()
    {
        final Map<String, Long> values = new LinkedHashMap<>();
        manager.forEach((counterId, label) -> values.put(label, manager.getCounterValue(counterId)));
        return values;
    }
}

package io.tickwire.model;

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
        new UnsafeBuffer(ByteBuffer.allocateDirect(CountersReader.METADATA_LENGTH * 128)),
        new UnsafeBuffer(ByteBuffer.allocateDirect(CountersReader.COUNTER_LENGTH * 128)));

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
    // written by any stage thread (atomic increments): the error policy
    public final AtomicCounter stageErrors = manager.newCounter("stage_errors");
    public final AtomicCounter diskFreeMb = manager.newCounter("disk_free_mb");
    public final AtomicCounter diskLowWarnings = manager.newCounter("disk_low_warnings");
    // written by the sequencer
    public final AtomicCounter tradesAccepted = manager.newCounter("trades_accepted");
    public final AtomicCounter duplicateTrades = manager.newCounter("duplicate_trades");
    public final AtomicCounter duplicateSequences = manager.newCounter("duplicate_sequences");
    public final AtomicCounter backwardSequences = manager.newCounter("backward_sequences");
    public final AtomicCounter staleQuotes = manager.newCounter("stale_quotes");
    public final AtomicCounter lateTradesFlagged = manager.newCounter("late_trades_flagged");
    // written by the bar stage
    public final AtomicCounter barsEmitted = manager.newCounter("bars_emitted");
    public final AtomicCounter gapBars = manager.newCounter("gap_bars");
    public final AtomicCounter barRevisions = manager.newCounter("bar_revisions");
    public final AtomicCounter lateTradesUnrevised = manager.newCounter("late_trades_unrevised");
    // written by the sequencer: upstream aggregates
    public final AtomicCounter aggregateRevisions = manager.newCounter("aggregate_revisions");
    public final AtomicCounter duplicateAggregates = manager.newCounter("duplicate_aggregates");
    // written by the metrics stage
    public final AtomicCounter metricsEmitted = manager.newCounter("metrics_emitted");
    // written by the setup evaluator
    public final AtomicCounter setupsAdded = manager.newCounter("setups_added");
    public final AtomicCounter setupTransitions = manager.newCounter("setup_transitions");
    public final AtomicCounter setupCommandsRejected = manager.newCounter("setup_commands_rejected");
    public final AtomicCounter alertsHeldBack = manager.newCounter("alerts_held_back");
    /** Alerts emitted, by AlertType value. */
    public final AtomicCounter[] alerts = {
        manager.newCounter("alerts_entry_window_opened"), manager.newCounter("alerts_stop_threat"),
        manager.newCounter("alerts_target1_touched"), manager.newCounter("alerts_flow_divergence_detected")};
    public final AtomicCounter lateTrades = manager.newCounter("late_trades");
    // written once by the node at start, before the live ring: the input records replayed to rebuild the
    // stages' state, and how long that took
    public final AtomicCounter rebuiltInputs = manager.newCounter("rebuilt_inputs");
    public final AtomicCounter rebuildMillis = manager.newCounter("rebuild_ms");
    // written by the journal stages
    public final AtomicCounter inputJournalRecords = manager.newCounter("input_journal_records");
    public final AtomicCounter inputJournalBytes = manager.newCounter("input_journal_bytes");
    public final AtomicCounter outputJournalRecords = manager.newCounter("output_journal_records");
    public final AtomicCounter outputJournalBytes = manager.newCounter("output_journal_bytes");
    public final AtomicCounter deadLetterJournalBytes = manager.newCounter("dead_letter_journal_bytes");
    public final AtomicCounter rawJournalBytes = manager.newCounter("raw_journal_bytes");
    // written by the ingest thread: connection lifecycle and recovery
    public final AtomicCounter connects = manager.newCounter("connects");
    public final AtomicCounter reconnects = manager.newCounter("reconnects");
    public final AtomicCounter disconnects = manager.newCounter("disconnects");
    public final AtomicCounter evictions = manager.newCounter("evictions");
    public final AtomicCounter livenessTimeouts = manager.newCounter("liveness_timeouts");
    public final AtomicCounter watchdogTimeouts = manager.newCounter("watchdog_timeouts");
    public final AtomicCounter subscriptionAckShortfall = manager.newCounter("subscription_ack_shortfall");
    public final AtomicCounter nextReconnectDelayMs = manager.newCounter("next_reconnect_delay_ms");
    public final AtomicCounter ringFullGaps = manager.newCounter("ring_full_gaps");
    public final AtomicCounter polls = manager.newCounter("polls");
    public final AtomicCounter polledEvents = manager.newCounter("polled_events");
    public final AtomicCounter backfills = manager.newCounter("backfills");
    public final AtomicCounter backfillEvents = manager.newCounter("backfill_events");
    public final AtomicCounter backfillsSkipped = manager.newCounter("backfills_skipped");
    public final AtomicCounter backfillAlreadyJournaled = manager.newCounter("backfill_already_journaled");
    public final AtomicCounter restErrors = manager.newCounter("rest_errors");

    /**
     * Zeroes what the stages counted (sequencer to setups, and the output journal's records) while the node
     * rebuilt their state from its journal at start: the counts then start when the node goes live, as after any
     * start. Called by the node before the live ring starts, while no stage thread runs.
     */
    public void zeroStageCounts()
    {
        for (int id = tradesAccepted.id(); id <= lateTrades.id(); id++)
        {
            manager.setCounterValue(id, 0);
        }
        stageErrors.setRelease(0);
        outputJournalRecords.setRelease(0);
        outputJournalBytes.setRelease(0);
    }

    /** A snapshot of every counter by label, in registration order. Allocates: for tools and endpoints. */
    public Map<String, Long> snapshot()
    {
        final Map<String, Long> values = new LinkedHashMap<>();
        manager.forEach((counterId, label) -> values.put(label, manager.getCounterValue(counterId)));
        return values;
    }
}

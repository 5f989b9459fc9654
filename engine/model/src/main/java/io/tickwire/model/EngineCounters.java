package io.tickwire.model;

import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every count tickwire keeps, as Agrona counters: each has exactly one writing thread (named below), any
 * thread may read. Nothing is dropped, duplicated or rejected without one of these moving.
 */
public final class EngineCounters
{
    private final CountersManager manager;

    // written by the ingest thread
    public final AtomicCounter framesReceived;
    public final AtomicCounter bytesReceived;
    public final AtomicCounter eventsPublished;
    public final AtomicCounter deadLetters;
    public final AtomicCounter rejectedEvents;
    public final AtomicCounter unknownEvents;
    public final AtomicCounter ringFullFrames;
    public final AtomicCounter ringFullEvents;
    public final AtomicCounter statusEvents;
    public final AtomicCounter subscriptionAcks;
    public final AtomicCounter timerTicks;
    public final AtomicCounter symbols;
    // written by any stage thread (atomic increments): the error policy
    public final AtomicCounter stageErrors;
    public final AtomicCounter diskFreeMb;
    public final AtomicCounter diskLowWarnings;
    // written by the sequencer
    public final AtomicCounter tradesAccepted;
    public final AtomicCounter duplicateTrades;
    public final AtomicCounter duplicateSequences;
    public final AtomicCounter backwardSequences;
    public final AtomicCounter staleQuotes;
    public final AtomicCounter lateTradesFlagged;
    // written by the bar stage
    public final AtomicCounter barsEmitted;
    public final AtomicCounter gapBars;
    public final AtomicCounter barRevisions;
    public final AtomicCounter lateTradesUnrevised;
    // written by the sequencer: upstream aggregates
    public final AtomicCounter aggregateRevisions;
    public final AtomicCounter duplicateAggregates;
    // written by the metrics stage
    public final AtomicCounter metricsEmitted;
    // written by the setup evaluator
    public final AtomicCounter setupsAdded;
    public final AtomicCounter setupTransitions;
    public final AtomicCounter setupCommandsRejected;
    public final AtomicCounter alertsHeldBack;
    /** Alerts emitted, by AlertType value. */
    public final AtomicCounter[] alerts;
    public final AtomicCounter lateTrades;
    // written once by the node at start, before the live ring: the input records replayed to rebuild the
    // stages' state, and how long that took
    public final AtomicCounter rebuiltInputs;
    public final AtomicCounter rebuildMillis;
    // written by the journal stages
    public final AtomicCounter inputJournalRecords;
    public final AtomicCounter inputJournalBytes;
    public final AtomicCounter outputJournalRecords;
    public final AtomicCounter outputJournalBytes;
    public final AtomicCounter deadLetterJournalBytes;
    public final AtomicCounter rawJournalBytes;
    // written by the ingest thread: connection lifecycle and recovery
    public final AtomicCounter connects;
    public final AtomicCounter reconnects;
    public final AtomicCounter disconnects;
    public final AtomicCounter evictions;
    public final AtomicCounter livenessTimeouts;
    public final AtomicCounter watchdogTimeouts;
    public final AtomicCounter subscriptionAckShortfall;
    public final AtomicCounter nextReconnectDelayMs;
    public final AtomicCounter ringFullGaps;
    /** Events the ring-full repair took back (its share of backfill_events): what the repair added to the ring. */
    public final AtomicCounter ringFullRepaired;
    public final AtomicCounter polls;
    public final AtomicCounter polledEvents;
    public final AtomicCounter backfills;
    public final AtomicCounter backfillEvents;
    public final AtomicCounter backfillsSkipped;
    public final AtomicCounter backfillAlreadyJournaled;
    public final AtomicCounter restErrors;

    /** Counters in this process's memory only (tests, tools, replays). */
    public EngineCounters()
    {
        this(Telemetry.inMemoryCounters());
    }

    /** Counters allocated in {@code manager}: a node's counters file ({@link CountersFile}), readable by others. */
    public EngineCounters(final CountersManager manager)
    {
        this.manager = manager;
        framesReceived = manager.newCounter("frames_received");
        bytesReceived = manager.newCounter("bytes_received");
        eventsPublished = manager.newCounter("events_published");
        deadLetters = manager.newCounter("dead_letters");
        rejectedEvents = manager.newCounter("rejected_events");
        unknownEvents = manager.newCounter("unknown_events");
        ringFullFrames = manager.newCounter("ring_full_frames");
        ringFullEvents = manager.newCounter("ring_full_events");
        statusEvents = manager.newCounter("status_events");
        subscriptionAcks = manager.newCounter("subscription_acks");
        timerTicks = manager.newCounter("timer_ticks");
        symbols = manager.newCounter("symbols", Telemetry.GAUGE);
        stageErrors = manager.newCounter("stage_errors");
        diskFreeMb = manager.newCounter("disk_free_mb", Telemetry.GAUGE);
        diskLowWarnings = manager.newCounter("disk_low_warnings");
        tradesAccepted = manager.newCounter("trades_accepted");
        duplicateTrades = manager.newCounter("duplicate_trades");
        duplicateSequences = manager.newCounter("duplicate_sequences");
        backwardSequences = manager.newCounter("backward_sequences");
        staleQuotes = manager.newCounter("stale_quotes");
        lateTradesFlagged = manager.newCounter("late_trades_flagged");
        barsEmitted = manager.newCounter("bars_emitted");
        gapBars = manager.newCounter("gap_bars");
        barRevisions = manager.newCounter("bar_revisions");
        lateTradesUnrevised = manager.newCounter("late_trades_unrevised");
        aggregateRevisions = manager.newCounter("aggregate_revisions");
        duplicateAggregates = manager.newCounter("duplicate_aggregates");
        metricsEmitted = manager.newCounter("metrics_emitted");
        setupsAdded = manager.newCounter("setups_added");
        setupTransitions = manager.newCounter("setup_transitions");
        setupCommandsRejected = manager.newCounter("setup_commands_rejected");
        alertsHeldBack = manager.newCounter("alerts_held_back");
        lateTrades = manager.newCounter("late_trades");
        rebuiltInputs = manager.newCounter("rebuilt_inputs", Telemetry.GAUGE);
        rebuildMillis = manager.newCounter("rebuild_ms", Telemetry.GAUGE);
        inputJournalRecords = manager.newCounter("input_journal_records");
        inputJournalBytes = manager.newCounter("input_journal_bytes");
        outputJournalRecords = manager.newCounter("output_journal_records");
        outputJournalBytes = manager.newCounter("output_journal_bytes");
        deadLetterJournalBytes = manager.newCounter("dead_letter_journal_bytes");
        rawJournalBytes = manager.newCounter("raw_journal_bytes");
        connects = manager.newCounter("connects");
        reconnects = manager.newCounter("reconnects");
        disconnects = manager.newCounter("disconnects");
        evictions = manager.newCounter("evictions");
        livenessTimeouts = manager.newCounter("liveness_timeouts");
        watchdogTimeouts = manager.newCounter("watchdog_timeouts");
        subscriptionAckShortfall = manager.newCounter("subscription_ack_shortfall");
        nextReconnectDelayMs = manager.newCounter("next_reconnect_delay_ms", Telemetry.GAUGE);
        ringFullGaps = manager.newCounter("ring_full_gaps");
        ringFullRepaired = manager.newCounter("ring_full_repaired_events");
        polls = manager.newCounter("polls");
        polledEvents = manager.newCounter("polled_events");
        backfills = manager.newCounter("backfills");
        backfillEvents = manager.newCounter("backfill_events");
        backfillsSkipped = manager.newCounter("backfills_skipped");
        backfillAlreadyJournaled = manager.newCounter("backfill_already_journaled");
        restErrors = manager.newCounter("rest_errors");
        alerts = new AtomicCounter[]{
            manager.newCounter("alerts_entry_window_opened"), manager.newCounter("alerts_stop_threat"),
            manager.newCounter("alerts_target1_touched"), manager.newCounter("alerts_flow_divergence_detected")        };
    }

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

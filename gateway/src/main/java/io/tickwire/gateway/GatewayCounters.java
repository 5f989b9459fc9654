package io.tickwire.gateway;

import io.tickwire.model.Telemetry;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the gateway counts, as Agrona counters: written by the conductor thread, readable from any thread. */
public final class GatewayCounters
{
    final AtomicCounter clients;
    final AtomicCounter clientsConnected;
    final AtomicCounter requests;
    final AtomicCounter badRequests;
    final AtomicCounter messagesSent;
    final AtomicCounter bytesSent;
    final AtomicCounter snapshotMessages;
    final AtomicCounter pricesConflated;
    final AtomicCounter slowClientsDisconnected;
    final AtomicCounter heartbeats;
    final AtomicCounter slowClientWarnings;
    /** Authentications refused: an unknown key, or an address over its failure limit. */
    final AtomicCounter authFailures;
    /** Requests refused for lack of entitlement: a channel, symbol or setup the key may not use. */
    final AtomicCounter notEntitled;
    final AtomicCounter keysReloadErrors;
    final AtomicCounter silentClientsClosed;
    final AtomicCounter journalRecordsRead;
    final AtomicCounter replays;
    final AtomicCounter replayRecords;
    final AtomicCounter replaysBehind;
    /** Exceptions the conductor's duty cycle threw (each recorded once per kind in the distinct-error log). */
    final AtomicCounter conductorErrors;
    /** Duty cycles the conductor has run: its heartbeat for /health. */
    final AtomicCounter dutyCycles;
    /** Desk requests and HTTP setup commands refused by the per-client rate limits. */
    final AtomicCounter rateLimited;

    /** Counters allocated in {@code manager}, labelled {@code gateway_*}: a node's counters file, readable by others. */
    public GatewayCounters(final CountersManager manager)
    {
        clients = manager.newCounter("gateway_clients", Telemetry.GAUGE);
        clientsConnected = manager.newCounter("gateway_clients_connected_total");
        requests = manager.newCounter("gateway_requests");
        badRequests = manager.newCounter("gateway_bad_requests");
        messagesSent = manager.newCounter("gateway_messages_sent");
        bytesSent = manager.newCounter("gateway_bytes_sent");
        snapshotMessages = manager.newCounter("gateway_snapshot_messages");
        pricesConflated = manager.newCounter("gateway_prices_conflated");
        slowClientsDisconnected = manager.newCounter("gateway_slow_clients_disconnected");
        heartbeats = manager.newCounter("gateway_heartbeats");
        slowClientWarnings = manager.newCounter("gateway_slow_client_warnings");
        authFailures = manager.newCounter("gateway_auth_failures");
        notEntitled = manager.newCounter("gateway_not_entitled");
        keysReloadErrors = manager.newCounter("gateway_keys_reload_errors");
        silentClientsClosed = manager.newCounter("gateway_silent_clients_closed");
        journalRecordsRead = manager.newCounter("gateway_journal_records_read");
        replays = manager.newCounter("gateway_replays");
        replayRecords = manager.newCounter("gateway_replay_records");
        replaysBehind = manager.newCounter("gateway_replays_behind");
        conductorErrors = manager.newCounter("gateway_conductor_errors");
        dutyCycles = manager.newCounter("gateway_duty_cycles");
        rateLimited = manager.newCounter("gateway_rate_limited");
    }

    public long clients()
    {
        return clients.get();
    }

    public long messagesSent()
    {
        return messagesSent.get();
    }

    public Map<String, Long> snapshot()
    {
        final Map<String, Long> values = new LinkedHashMap<>();
        values.put("clients", clients.get());
        values.put("clients_connected_total", clientsConnected.get());
        values.put("requests", requests.get());
        values.put("bad_requests", badRequests.get());
        values.put("messages_sent", messagesSent.get());
        values.put("bytes_sent", bytesSent.get());
        values.put("snapshot_messages", snapshotMessages.get());
        values.put("prices_conflated", pricesConflated.get());
        values.put("slow_clients_disconnected", slowClientsDisconnected.get());
        values.put("heartbeats", heartbeats.get());
        values.put("slow_client_warnings", slowClientWarnings.get());
        values.put("auth_failures", authFailures.get());
        values.put("not_entitled", notEntitled.get());
        values.put("keys_reload_errors", keysReloadErrors.get());
        values.put("silent_clients_closed", silentClientsClosed.get());
        values.put("journal_records_read", journalRecordsRead.get());
        values.put("replays", replays.get());
        values.put("replay_records", replayRecords.get());
        values.put("replays_behind", replaysBehind.get());
        values.put("conductor_errors", conductorErrors.get());
        values.put("rate_limited", rateLimited.get());
        return values;
    }
}

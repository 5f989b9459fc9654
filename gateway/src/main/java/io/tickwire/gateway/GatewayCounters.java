package io.tickwire.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** What the gateway counts; written by the conductor thread, readable from any thread. */
public final class GatewayCounters
{
    final AtomicLong clients = new AtomicLong();
    final AtomicLong clientsConnected = new AtomicLong();
    final AtomicLong requests = new AtomicLong();
    final AtomicLong badRequests = new AtomicLong();
    final AtomicLong messagesSent = new AtomicLong();
    final AtomicLong bytesSent = new AtomicLong();
    final AtomicLong snapshotMessages = new AtomicLong();
    final AtomicLong pricesConflated = new AtomicLong();
    final AtomicLong slowClientsDisconnected = new AtomicLong();
    final AtomicLong heartbeats = new AtomicLong();
    final AtomicLong slowClientWarnings = new AtomicLong();
    /** Authentications refused: an unknown key, or an address over its failure limit. */
    final AtomicLong authFailures = new AtomicLong();
    /** Requests refused for lack of entitlement: a channel, symbol or setup the key may not use. */
    final AtomicLong notEntitled = new AtomicLong();
    final AtomicLong keysReloadErrors = new AtomicLong();
    final AtomicLong silentClientsClosed = new AtomicLong();
    final AtomicLong journalRecordsRead = new AtomicLong();
    final AtomicLong replays = new AtomicLong();
    final AtomicLong replayRecords = new AtomicLong();
    final AtomicLong replaysBehind = new AtomicLong();
    /** Exceptions the conductor's duty cycle threw (each recorded once per kind in the distinct-error log). */
    final AtomicLong conductorErrors = new AtomicLong();
    /** Duty cycles the conductor has run: its heartbeat for /health. */
    final AtomicLong dutyCycles = new AtomicLong();
    /** Desk requests and HTTP setup commands refused by the per-client rate limits. */
    final AtomicLong rateLimited = new AtomicLong();

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

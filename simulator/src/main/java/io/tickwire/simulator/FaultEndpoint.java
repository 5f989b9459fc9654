package io.tickwire.simulator;

import java.util.List;
import java.util.Map;

/**
 * {@code /_simulator/faults/<name>?...}: injects one of the feed faults the engine must survive (drops, stalls,
 * ignored pings, duplicate and reordered frames, late prints, evictions, refused connections, failed auth,
 * malformed frames, unknown events). An unknown name is an error listing the known ones.
 */
final class FaultEndpoint
{
    private static final long MS = 1_000_000L;

    private final MassiveSimulator simulator;

    FaultEndpoint(final MassiveSimulator simulator)
    {
        this.simulator = simulator;
    }

    String apply(final String name, final Map<String, List<String>> params)
    {
        final SimulatorFaults faults = simulator.faults();
        final String cluster = QueryParams.first(params, "cluster", "stocks");
        switch (name)
        {
            case "drop":
                faults.dropConnections(cluster,
                    Boolean.parseBoolean(QueryParams.first(params, "closeFrame", "false")));
                break;
            case "stall":
                faults.stall(cluster, Long.parseLong(QueryParams.first(params, "ms", "5000")));
                break;
            case "ignore-pings":
                faults.ignorePings(Boolean.parseBoolean(QueryParams.first(params, "on", "true")));
                break;
            case "duplicate-frames":
                faults.duplicateFrames(Integer.parseInt(QueryParams.first(params, "n", "1")));
                break;
            case "duplicate-sequence":
                faults.duplicateSequences(Integer.parseInt(QueryParams.first(params, "n", "1")));
                break;
            case "reorder":
                faults.reorderFrames(Integer.parseInt(QueryParams.first(params, "n", "1")));
                break;
            case "late-print":
                faults.latePrint(QueryParams.first(params, "ticker", "SPY"),
                    Long.parseLong(QueryParams.first(params, "ms", "600000")));
                break;
            case "evict":
                faults.evict(cluster);
                break;
            case "refuse":
                faults.refuseConnections(Long.parseLong(QueryParams.first(params, "ms", "5000")));
                break;
            case "fail-auth":
                faults.failAuth(Integer.parseInt(QueryParams.first(params, "n", "1")));
                break;
            case "malformed":
                simulator.sendRaw(cluster, "[{\"ev\":\"T\",\"sym\":\"SPY\",\"p\":");
                break;
            case "unknown-ev":
                simulator.sendRaw(cluster, "[{\"ev\":\"NOI\",\"T\":\"SPY\",\"t\":" + System.currentTimeMillis() * MS + "}]");
                break;
            default:
                throw new IllegalArgumentException("unknown fault '" + name + "'; faults: drop, stall, ignore-pings, " +
                    "duplicate-frames, duplicate-sequence, reorder, late-print, evict, refuse, fail-auth, malformed, unknown-ev");
        }
        return "{\"status\":\"OK\",\"fault\":\"" + name + "\"}"; // a known name: nothing to escape
    }
}

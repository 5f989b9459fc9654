package io.tickwire.gateway;

import io.tickwire.model.setups.SetupRequest;

import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the gateway knows of the engine beside it, when there is one in its process: its counters (/stats), its
 * gauges sampled when asked (/metrics: ring lag, journals' size on disk), the
 * reasons it is not well (/health), whether it is ready (/ready), where setup commands go, and the node's fatal
 * path, which the gateway takes when its own conductor hits an {@link Error}.
 *
 * @param setups null when there is no engine to take setup commands
 */
public record EngineLink(
    Supplier<Map<String, Long>> stats,
    Supplier<Map<String, Long>> gauges,
    Supplier<List<String>> problems,
    BooleanSupplier ready,
    Consumer<SetupRequest> setups,
    Consumer<String> fatal)
{
    /** A gateway alone, tailing an output journal another process writes. */
    public static EngineLink none(final Consumer<String> fatal)
    {
        return new EngineLink(Map::of, Map::of, List::of, () -> true, null, fatal);
    }
}

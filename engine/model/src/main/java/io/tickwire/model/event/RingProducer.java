package io.tickwire.model.event;

import io.tickwire.model.EngineCounters;
import io.tickwire.model.symbols.SymbolTable;
import org.agrona.concurrent.EpochNanoClock;

import java.util.concurrent.ScheduledExecutorService;

/**
 * The ring's one producer and what every input source that runs on it shares: its thread (all publishing happens
 * there), the way into the ring, the symbol table, the receive-time clock and the counters.
 */
public record RingProducer(ScheduledExecutorService thread, EventPublisher publisher, SymbolTable symbols,
    EpochNanoClock clock, EngineCounters counters)
{
}

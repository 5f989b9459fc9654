package io.tickwire.massive;

import io.netty.channel.EventLoopGroup;
import io.tickwire.model.EngineCounters;
import io.tickwire.model.event.EventPublisher;
import io.tickwire.model.symbols.SymbolTable;
import org.agrona.concurrent.EpochNanoClock;

import java.util.function.Consumer;

/** The collaborators every connection of the adapter shares, all owned by the ring's producer thread. */
record FeedParts(
    EventLoopGroup producerThread, EventPublisher publisher, SymbolTable symbols, FeedInputs inputs,
    RawCaptureWriter rawCapture, DeadLetterWriter deadLetters, EngineCounters counters, EpochNanoClock clock,
    Consumer<String> onFatal)
{
}

package io.tickwire.engine.setups;

import io.tickwire.model.event.MarketEvent;

import java.util.function.Consumer;

/**
 * Where live setups outlive the process. The evaluator writes a setup on every change and removes it when it
 * ends; at start the engine reads them back as RESTORE commands, which go through the ring and the input
 * journal like any input, so replay restores exactly what live restored.
 */
public interface SetupStore extends AutoCloseable
{
    /** For replay and tests: remembers nothing. */
    SetupStore NONE = new SetupStore()
    {
        @Override
        public void put(final MarketEvent restoreCommand)
        {
        }

        @Override
        public void remove(final long setupId)
        {
        }

        @Override
        public void forEach(final Consumer<MarketEvent> restoreCommands)
        {
        }

        @Override
        public void close()
        {
        }
    };

    /** Stores a setup in its RESTORE command form (fields as {@link MarketEvent} setup fields). */
    void put(MarketEvent restoreCommand);

    void remove(long setupId);

    /** Every stored setup as a RESTORE command, in setup id order. */
    void forEach(Consumer<MarketEvent> restoreCommands);

    @Override
    void close();
}

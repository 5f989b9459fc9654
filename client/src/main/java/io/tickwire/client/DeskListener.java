package io.tickwire.client;

/**
 * What a desk's code hears from {@link TickwireClient}, on the client's receive thread, in the gateway's order
 * (do not block in it). Data arrives once: across reconnects the client resumes from the last journal position
 * it delivered, so no record is missed or repeated.
 */
public interface DeskListener
{
    /** Every data message, snapshot, replayed or live, after its typed callback (if it has one). */
    default void onMessage(final DeskMessage message)
    {
    }

    default void onTrade(final Trade trade)
    {
    }

    default void onBar(final Bar bar)
    {
    }

    /** Connected (again): the gateway's welcome. Subscriptions are being (re)established. */
    default void onConnected(final DeskMessage welcome)
    {
    }

    /** The connection ended; the client reconnects unless it was closed or the gateway refused its key. */
    default void onDisconnected(final String reason)
    {
    }

    /** An error reply, a warning (slow consumer) or a closing notice from the gateway. */
    default void onNotice(final DeskMessage notice)
    {
    }
}

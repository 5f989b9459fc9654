package io.tickwire.gateway;

/**
 * A desk's identity at the gateway: the key's id (stable: setups are journaled with it as their owner), its
 * name (for logs and counters), its tier, and its rights: {@code setups} (place, amend and cancel its own
 * setups) and {@code admin} (see and act on every setup).
 */
record DeskKey(long id, String name, DeskTier tier, boolean setups, boolean admin)
{
    /** May this key see, amend or cancel a setup owned by {@code owner}? */
    boolean owns(final long owner)
    {
        return admin || owner == id;
    }
}

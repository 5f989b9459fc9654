package io.tickwire.gateway;

import org.agrona.concurrent.UnsafeBuffer;

/** A setup's latest transition record, with its symbol and owner for filtering snapshots. */
record LastSetup(int symbolId, long owner, UnsafeBuffer record)
{
}

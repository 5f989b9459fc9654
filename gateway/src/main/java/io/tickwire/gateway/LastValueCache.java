package io.tickwire.gateway;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Arrays;

/**
 * The newest record per (kind, symbol) — trade, quote, price, bar per timeframe — and per cluster for feed
 * status, kept as record bytes so snapshots render through the same code as live messages; each buffer's
 * capacity is its record's length (an sbe desk gets the record as is). Built from the
 * output journal, so it is right after a restart too. Owned by the conductor thread.
 */
final class LastValueCache
{
    static final int TRADE = 0;
    static final int QUOTE = 1;
    static final int PRICE = 2;
    static final int FIRST_BAR = 3;
    private static final int RECORD_CAPACITY = 512;

    private final int kinds;
    private final int timeframes;
    private final UnsafeBuffer regime = new UnsafeBuffer(new byte[RECORD_CAPACITY]);
    private int regimeLength;
    private UnsafeBuffer[][] records;
    private int[][] lengths;
    /** Per (kind, symbol): the output journal position of the cached record. */
    private long[][] positions;
    /** The position of the record being cached: set by the conductor before each record is dispatched. */
    private long position = -1;
    private final UnsafeBuffer[] statuses = new UnsafeBuffer[8];
    private final int[] statusLengths = new int[8];

    /**
     * Kinds: trade, quote, price, a bar per timeframe, metrics per timeframe, pair metrics per timeframe, then the
     * {@link SymbolStates}.
     */
    LastValueCache(final int timeframes)
    {
        this.timeframes = timeframes;
        kinds = FIRST_BAR + 3 * timeframes + SymbolStates.COUNT;
        records = new UnsafeBuffer[kinds][256];
        lengths = new int[kinds][256];
        positions = new long[kinds][256];
    }

    void put(final int kind, final int symbolId, final DirectBuffer source, final int length)
    {
        ensureCapacity(symbolId);
        UnsafeBuffer slot = records[kind][symbolId];
        if (slot == null || slot.byteArray().length < length)
        {
            slot = new UnsafeBuffer(new byte[Math.max(RECORD_CAPACITY, length)]);
            records[kind][symbolId] = slot;
        }
        slot.wrap(slot.byteArray(), 0, length);
        slot.putBytes(0, source, 0, length);
        lengths[kind][symbolId] = length;
        positions[kind][symbolId] = position;
    }

    /** The output journal position of the records cached next. */
    void at(final long journalPosition)
    {
        position = journalPosition;
    }

    /** The output journal position of a cached record. */
    long position(final int kind, final int symbolId)
    {
        return positions[kind][symbolId];
    }

    /** @return the record buffer, or null when nothing is cached. */
    UnsafeBuffer get(final int kind, final int symbolId)
    {
        return symbolId < lengths[kind].length && lengths[kind][symbolId] > 0 ? records[kind][symbolId] : null;
    }

    int barKind(final int timeframe)
    {
        return FIRST_BAR + timeframe;
    }

    int metricsKind(final int timeframe)
    {
        return FIRST_BAR + timeframes + timeframe;
    }

    int pairKind(final int timeframe)
    {
        return FIRST_BAR + 2 * timeframes + timeframe;
    }

    int symbolStateKind(final int state)
    {
        return FIRST_BAR + 3 * timeframes + state;
    }

    void putRegime(final DirectBuffer source, final int length)
    {
        regime.wrap(regime.byteArray(), 0, length);
        regime.putBytes(0, source, 0, length);
        regimeLength = length;
    }

    UnsafeBuffer regime()
    {
        return regimeLength > 0 ? regime : null;
    }

    void putStatus(final int cluster, final DirectBuffer source, final int length)
    {
        if (statuses[cluster] == null || statuses[cluster].byteArray().length < length)
        {
            statuses[cluster] = new UnsafeBuffer(new byte[Math.max(RECORD_CAPACITY, length)]);
        }
        statuses[cluster].wrap(statuses[cluster].byteArray(), 0, length);
        statuses[cluster].putBytes(0, source, 0, length);
        statusLengths[cluster] = length;
    }

    UnsafeBuffer status(final int cluster)
    {
        return statusLengths[cluster] > 0 ? statuses[cluster] : null;
    }

    int clusterSlots()
    {
        return statuses.length;
    }

    private void ensureCapacity(final int symbolId)
    {
        if (symbolId >= lengths[0].length)
        {
            final int size = Integer.highestOneBit(symbolId) << 1;
            for (int k = 0; k < kinds; k++)
            {
                records[k] = Arrays.copyOf(records[k], size);
                lengths[k] = Arrays.copyOf(lengths[k], size);
                positions[k] = Arrays.copyOf(positions[k], size);
            }
        }
    }
}

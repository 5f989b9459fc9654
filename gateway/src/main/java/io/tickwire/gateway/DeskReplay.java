package io.tickwire.gateway;

import io.tickwire.model.journal.JournalReader;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;

/**
 * One desk's replay: records from the output journal, from a position on, filtered by what the replaying
 * subscribe asked for, rendered as {@code "replay":true} messages carrying their {@code js}. It serves only
 * what the live stream has already passed (positions up to the conductor's), so when it reaches that point the
 * subscription joins the live stream with no gap and no duplicate — the merge Aeron's {@code ReplayMerge}
 * does, exact here because the conductor is one thread. A channel and symbol the session already receives
 * live is not replayed (it would be a duplicate). A delayed tier's subscription is a replay that never joins:
 * it trails the wall clock by the tier's delay, sending each record once it was received that long ago.
 * Conductor thread only.
 */
final class DeskReplay implements OutputJournalListener, JournalReader.RecordHandler
{
    /** Every record's receiveTime: after the 8-byte SBE header and eventTime (a schema rule). */
    private static final int RECEIVE_TIME = 16;

    final ClientSession session;
    final ClientRequest request;
    /** What the replaying subscribe asked for; it joins the session's live subscription at the end. */
    final Subscriptions filter;
    /** Where the replay began: the first position it may send. */
    final long from;
    /** A delayed tier's replay: it sends only records received at least this long ago, and never joins live. */
    final long delayNanos;
    final long startedNanos;
    private final JournalReader reader;
    private final OutputJournalAdapter adapter = new OutputJournalAdapter(this);
    private final GatewayChannels channels;
    private final ChannelRenderer renderer;
    private final DeskWriter desks;
    private final SetupLedger setups;
    private final JsonOut body = new JsonOut();
    private long limit;
    private long position;
    private boolean passedLimit;
    private int recordLength;
    /** The epoch time before which a delayed replay's records were received; records after it wait. */
    private long receivedBefore;
    /** The position of a record too young to send: the reader goes back to it. */
    private long tooYoung;
    /** The position of the last record sent, or -1. */
    long lastSent = -1;
    long sent;

    DeskReplay(final ClientSession session, final ClientRequest request, final Subscriptions filter,
        final JournalReader reader, final long from, final long startedNanos, final ChannelRenderer renderer,
        final DeskWriter desks, final SetupLedger setups, final long delayNanos)
    {
        this.delayNanos = delayNanos;
        this.setups = setups;
        this.session = session;
        this.request = request;
        this.filter = filter;
        this.reader = reader;
        this.from = from;
        this.startedNanos = startedNanos;
        this.renderer = renderer;
        this.channels = renderer.channels();
        this.desks = desks;
    }

    /**
     * Serves up to {@code budget} records, and only while the desk's socket takes them.
     * @param livePosition the last position the conductor has dispatched live
     * @return true when the replay has reached the live stream: everything up to {@code livePosition} is served
     */
    boolean serve(final long livePosition, final int budget, final long epochNanos)
    {
        final boolean delayed = delayNanos > 0;
        limit = delayed ? Long.MAX_VALUE : livePosition; // a delayed replay trails the wall clock, not the live stream
        receivedBefore = epochNanos - delayNanos;
        for (int i = 0; i < budget && session.channel.isWritable(); i++)
        {
            passedLimit = false;
            tooYoung = -1;
            if (reader.poll(this) == 0)
            {
                return !delayed; // the journal's end: a replay has caught up; a delayed one waits for more
            }
            if (tooYoung >= 0)
            {
                reader.moveTo(tooYoung); // read again once it is old enough
                return false;
            }
            if (passedLimit)
            {
                return true; // a record the live stream has not yet dispatched
            }
        }
        return false;
    }

    void close()
    {
        reader.close();
    }

    @Override
    public void onRecord(final UnsafeBuffer buffer, final int length, final long index)
    {
        recordLength = length;
        if (delayNanos > 0 && buffer.getLong(RECEIVE_TIME, ByteOrder.LITTLE_ENDIAN) > receivedBefore)
        {
            tooYoung = index;
            return;
        }
        if (index > limit)
        {
            passedLimit = true; // the live stream delivers it once this subscription has joined
            return;
        }
        if (index >= from)
        {
            position = index;
            adapter.onRecord(buffer, length, index);
        }
    }

    private void send(final int channel, final int symbolId, final int otherSymbolId, final DirectBuffer buffer)
    {
        if (wanted(channel, symbolId) || wanted(channel, otherSymbolId))
        {
            if (session.sbe)
            {
                desks.sendRecord(session, channel, false, true, buffer, recordLength, position);
            }
            else
            {
                renderer.renderReplay(channel, buffer, body.reset());
                desks.send(session, body, position);
            }
            lastSent = position;
            sent++;
        }
    }

    private boolean wanted(final int channel, final int symbolId)
    {
        return filter.wants(channel, symbolId) && !session.live.wants(channel, symbolId);
    }

    // ---- the record's channel, as the conductor routes it live ---------------------------------------

    @Override
    public void onSymbolDefined(final int symbolId, final String ticker, final DirectBuffer record, final int length)
    {
        // the conductor has defined it already: it reads the journal ahead of every replay
    }

    @Override
    public void onTrade(final int symbolId, final DirectBuffer record, final int length)
    {
        send(GatewayChannels.TRADES, symbolId, symbolId, record);
        send(GatewayChannels.PRICES, symbolId, symbolId, record);
    }

    @Override
    public void onQuote(final int symbolId, final DirectBuffer record, final int length)
    {
        send(GatewayChannels.QUOTES, symbolId, symbolId, record);
    }

    @Override
    public void onIndexValue(final int symbolId, final DirectBuffer record, final int length)
    {
        send(GatewayChannels.PRICES, symbolId, symbolId, record);
    }

    @Override
    public void onBar(final int timeframeMillis, final int symbolId, final DirectBuffer record, final int length)
    {
        final int channel = channels.barChannel(timeframeMillis);
        if (channel >= 0)
        {
            send(channel, symbolId, symbolId, record);
        }
    }

    @Override
    public void onBarMetrics(final int timeframeMillis, final int symbolId, final DirectBuffer record, final int length)
    {
        final int channel = channels.metricsChannel(timeframeMillis);
        if (channel >= 0)
        {
            send(channel, symbolId, symbolId, record);
        }
    }

    @Override
    public void onPairMetrics(final int timeframeMillis, final int etfSymbolId, final int indexSymbolId,
        final DirectBuffer record, final int length)
    {
        final int channel = channels.metricsChannel(timeframeMillis);
        if (channel >= 0)
        {
            send(channel, etfSymbolId, indexSymbolId, record);
        }
    }

    @Override
    public void onRegime(final DirectBuffer record, final int length)
    {
        send(channels.regime(), 0, 0, record);
    }

    @Override
    public void onSetupTransition(final long setupId, final int symbolId, final long owner, final boolean rejected,
        final DirectBuffer buffer, final int length)
    {
        if (session.key.owns(owner))
        {
            send(channels.setups(), symbolId, symbolId, buffer);
        }
    }

    @Override
    public void onAlert(final long setupId, final int symbolId, final DirectBuffer record, final int length)
    {
        if (session.key.owns(Math.max(0, setups.owner(setupId))))
        {
            send(channels.alerts(), symbolId, symbolId, record);
        }
    }

    @Override
    public void onFeedStatus(final short cluster, final DirectBuffer record, final int length)
    {
        send(GatewayChannels.STATUS, 0, 0, record);
    }

    @Override
    public void onSymbolState(final int state, final int symbolId, final DirectBuffer record, final int length)
    {
        send(channels.symbolState(state), symbolId, symbolId, record);
    }
}

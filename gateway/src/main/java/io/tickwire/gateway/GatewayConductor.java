package io.tickwire.gateway;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.tickwire.model.journal.JournalReader;
import io.tickwire.model.latency.LatencyHistogram;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.ManyToOneConcurrentLinkedQueue;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gateway's one owner of state: it tails the output journal, keeps the last-value cache, holds every
 * session's subscriptions and throttles, and hands live records to {@link LiveFanOut}. Netty I/O threads only hand it commands
 * (open, request, close), so no state is shared and nothing is locked.
 */
final class GatewayConductor implements Agent, OutputJournalListener
{
    private static final int RECORDS_PER_DUTY_CYCLE = 512;
    /** A record that is not a setup's: every subscriber of its channel and symbol gets it. */
    static final long NOT_OWNED = -1;

    private final GatewaySettings settings;
    private final ChronicleQueue outputJournal;
    private final GatewayCounters counters;
    private final GatewayChannels channels;
    private final SymbolNames names = new SymbolNames();
    private final LastValueCache cache;
    private final JsonRenderer renderer = new JsonRenderer(names);
    private final ChannelRenderer channelRenderer;
    private final DeskWriter desks;
    private final SnapshotSender snapshots;
    private final DeskRequests requests;
    private final DeskReplays replays;
    private final ManyToOneConcurrentLinkedQueue<Runnable> commands = new ManyToOneConcurrentLinkedQueue<>();
    private final List<ClientSession> sessions = new ArrayList<>();
    private final Map<Channel, ClientSession> byChannel = new IdentityHashMap<>();
    private final OutputJournalAdapter adapter = new OutputJournalAdapter(this);
    /** Every symbol definition record, for sbe desks, which resolve symbol ids themselves. */
    private final List<UnsafeBuffer> symbolRecords = new ArrayList<>();
    /** The output journal position of the record being dispatched: every live message carries it as {@code js}. */
    private long position = -1;
    private final JournalReader.RecordHandler onRecord = this::onJournalRecord;
    private final SetupLedger setups;
    private final EpochNanoClock epochClock;
    private JournalReader reader;
    private long nowNanos;
    private final LiveFanOut live;
    private long nextSessionId;
    private volatile boolean caughtUp;
    /** What needs the whole history (snapshots, GET /setups), asked for before the conductor caught up. */
    private final List<Runnable> afterCatchUp = new ArrayList<>();

    GatewayConductor(final GatewaySettings settings, final ChronicleQueue outputJournal, final GatewayCounters counters,
        final DeskAccess access, final LatencyHistogram deskWriteLatency)
    {
        this.settings = settings;
        this.epochClock = settings.epochClock;
        this.outputJournal = outputJournal;
        this.counters = counters;
        this.channels = new GatewayChannels(settings.timeframesMillis);
        this.cache = new LastValueCache(channels.timeframeCount());
        this.channelRenderer = new ChannelRenderer(channels, renderer, epochClock);
        this.desks = new DeskWriter(counters, epochClock);
        this.setups = new SetupLedger(renderer);
        this.snapshots = new SnapshotSender(cache, setups, channelRenderer, desks, counters, () -> position);
        this.replays = new DeskReplays(settings, outputJournal, channelRenderer, desks, setups, counters,
            () -> position, epochClock);
        this.live = new LiveFanOut(sessions, cache, renderer, channelRenderer, desks, counters, epochClock,
            deskWriteLatency, this::disconnectSlow);
        this.requests = new DeskRequests(settings, desks, snapshots, replays, new DeskAuth(settings, access, desks,
            counters, sessions), counters, this::whenCaughtUp);
    }

    @Override
    public void onStart()
    {
        reader = new JournalReader(outputJournal).toStart(); // the cache is rebuilt from the journal itself
    }

    @Override
    public String roleName()
    {
        return "tickwire-gateway-conductor";
    }

    /** The setups' latest records and the commands waiting for a verdict. Conductor thread. */
    SetupLedger setupLedger()
    {
        return setups;
    }

    /**
     * Runs {@code action} now if the caches hold the whole journal, else once they do: what answers from the
     * caches (snapshots, GET /setups) must never answer from part of them. Conductor thread.
     */
    void whenCaughtUp(final Runnable action)
    {
        if (caughtUp)
        {
            action.run();
        }
        else
        {
            afterCatchUp.add(action);
        }
    }

    /** Has read the output journal to its end once since start: snapshots are complete. */
    boolean caughtUp()
    {
        return caughtUp;
    }

    void enqueue(final Runnable command)
    {
        commands.offer(command);
    }

    @Override
    public int doWork()
    {
        nowNanos = System.nanoTime();
        counters.dutyCycles.setRelease(counters.dutyCycles.get() + 1); // one writer: no atomic add on the duty cycle
        int work = 0;
        Runnable command;
        while ((command = commands.poll()) != null)
        {
            command.run();
            work++;
        }
        int records = 0;
        while (records < RECORDS_PER_DUTY_CYCLE && reader.poll(onRecord) > 0)
        {
            counters.journalRecordsRead.increment();
            records++;
        }
        if (records < RECORDS_PER_DUTY_CYCLE && !caughtUp)
        {
            caughtUp = true; // the journal's end: the last-value cache holds everything written before start
            afterCatchUp.forEach(Runnable::run);
            afterCatchUp.clear();
        }
        work += records;
        work += replays.serve(sessions, nowNanos);
        requests.auth().closeUnauthenticated(nowNanos);
        work += live.flushDuePrices(nowNanos);
        desks.flush(sessions, nowNanos, settings, epochClock.nanoTime());
        return work;
    }

    // ---- commands from the I/O threads ---------------------------------------------------------------

    void onOpen(final Channel channel)
    {
        final ClientSession session = new ClientSession(channel, ++nextSessionId, channels.count(),
            new TokenBucket(settings.requestsPerSecond, nowNanos));
        session.lastWriteNanos = nowNanos;
        session.lastReadNanos = nowNanos;
        session.openedNanos = nowNanos;
        session.pricesThrottleNanos = settings.pricesThrottleNanos;
        sessions.add(session);
        byChannel.put(channel, session);
        counters.clients.set(sessions.size());
        counters.clientsConnected.increment();
        session.sbe = Boolean.TRUE.equals(channel.attr(DeskUpgrade.SBE).get());
        desks.welcome(session, channels);
        if (session.sbe)
        {
            for (int i = 0; i < symbolRecords.size(); i++) // an sbe desk resolves symbol ids itself
            {
                final UnsafeBuffer record = symbolRecords.get(i);
                desks.sendRecord(session, DeskWriter.SYMBOL_DEFINITIONS, false, false, record, record.capacity(), -1);
            }
        }
        requests.auth().admit(session, channel.attr(DeskUpgrade.KEY).get(), null, nowNanos);
        session.channel.flush();
    }

    void onClose(final Channel channel)
    {
        final ClientSession session = byChannel.remove(channel);
        if (session != null)
        {
            forget(session);
        }
    }

    private void forget(final ClientSession session)
    {
        sessions.remove(session);
        byChannel.remove(session.channel);
        replays.closeAll(session);
        counters.clients.set(sessions.size());
    }

    void onText(final Channel channel, final String text)
    {
        final ClientSession session = byChannel.get(channel);
        if (session != null)
        {
            session.lastReadNanos = nowNanos;
            requests.onText(session, text, nowNanos);
        }
    }

    void onBadFrame(final Channel channel, final String why)
    {
        final ClientSession session = byChannel.get(channel);
        if (session != null)
        {
            counters.requests.increment();
            desks.error(session, null, "bad_request", why);
            session.channel.flush();
        }
    }

    // ---- the output journal, one typed call per record (OutputJournalAdapter) ---------------------------

    private void onJournalRecord(final UnsafeBuffer buffer, final int length, final long index)
    {
        position = index;
        cache.at(index);
        adapter.onRecord(buffer, length, index);
    }

    @Override
    public void onSymbolDefined(final int symbolId, final String ticker, final DirectBuffer record, final int length)
    {
        if (names.ticker(symbolId) == null)
        {
            names.define(symbolId, ticker);
            final UnsafeBuffer copy = new UnsafeBuffer(new byte[length]);
            copy.putBytes(0, record, 0, length);
            symbolRecords.add(copy);
            for (int i = 0; i < sessions.size(); i++)
            {
                final ClientSession s = sessions.get(i);
                s.onSymbolDefined(symbolId, ticker);
                if (s.sbe)
                {
                    desks.sendRecord(s, DeskWriter.SYMBOL_DEFINITIONS, false, false, copy, length, position);
                }
            }
        }
    }

    @Override
    public void onQuote(final int symbolId, final DirectBuffer buffer, final int length)
    {
        cache.put(LastValueCache.QUOTE, symbolId, buffer, length);
        fanOut(GatewayChannels.QUOTES, symbolId, buffer, length);
    }

    @Override
    public void onIndexValue(final int symbolId, final DirectBuffer buffer, final int length)
    {
        onPrice(symbolId, buffer, length);
    }

    @Override
    public void onBar(final int timeframeMillis, final int symbolId, final DirectBuffer buffer, final int length)
    {
        final int channel = channels.barChannel(timeframeMillis);
        if (channel >= 0)
        {
            cache.put(cache.barKind(channel - GatewayChannels.FIRST_BARS), symbolId, buffer, length);
            fanOut(channel, symbolId, buffer, length);
        }
    }

    @Override
    public void onBarMetrics(final int timeframeMillis, final int symbolId, final DirectBuffer buffer, final int length)
    {
        final int channel = channels.metricsChannel(timeframeMillis);
        if (channel >= 0)
        {
            cache.put(cache.metricsKind(channel - channels.metricsChannel(channels.firstTimeframe())), symbolId,
                buffer, length);
            fanOut(channel, symbolId, buffer, length);
        }
    }

    @Override
    public void onPairMetrics(final int timeframeMillis, final int etfSymbolId, final int indexSymbolId,
        final DirectBuffer buffer, final int length)
    {
        final int channel = channels.metricsChannel(timeframeMillis);
        if (channel >= 0)
        {
            cache.put(cache.pairKind(channel - channels.metricsChannel(channels.firstTimeframe())), etfSymbolId,
                buffer, length);
            fanOut(channel, etfSymbolId, indexSymbolId, NOT_OWNED, buffer, length);
        }
    }

    @Override
    public void onRegime(final DirectBuffer buffer, final int length)
    {
        cache.putRegime(buffer, length);
        fanOut(channels.regime(), 0, buffer, length);
    }

    @Override
    public void onSetupTransition(final long setupId, final int symbolId, final long owner, final boolean rejected,
        final DirectBuffer buffer, final int length)
    {
        setups.onRecord(setupId, symbolId, owner, rejected, buffer, length);
        fanOut(channels.setups(), symbolId, symbolId, owner, buffer, length);
    }

    @Override
    public void onAlert(final long setupId, final int symbolId, final DirectBuffer buffer, final int length)
    {
        final long owner = setups.owner(setupId);
        fanOut(channels.alerts(), symbolId, symbolId, owner < 0 ? 0 : owner, buffer, length); // unknown: admins
    }

    @Override
    public void onFeedStatus(final short cluster, final DirectBuffer buffer, final int length)
    {
        cache.putStatus(cluster, buffer, length);
        fanOut(GatewayChannels.STATUS, 0, buffer, length);
    }

    @Override
    public void onSymbolState(final int state, final int symbolId, final DirectBuffer buffer, final int length)
    {
        cache.put(cache.symbolStateKind(state), symbolId, buffer, length);
        fanOut(channels.symbolState(state), symbolId, buffer, length);
    }

    @Override
    public void onTrade(final int symbolId, final DirectBuffer buffer, final int length)
    {
        cache.put(LastValueCache.TRADE, symbolId, buffer, length);
        fanOut(GatewayChannels.TRADES, symbolId, buffer, length);
        onPrice(symbolId, buffer, length);
    }

    private void onPrice(final int symbolId, final DirectBuffer buffer, final int length)
    {
        cache.put(LastValueCache.PRICE, symbolId, buffer, length);
        if (caughtUp) // history goes into the cache (and so into snapshots), never out as live
        {
            live.price(symbolId, buffer, length, position, nowNanos);
        }
    }

    private void fanOut(final int channel, final int symbolId, final DirectBuffer buffer, final int length)
    {
        fanOut(channel, symbolId, symbolId, NOT_OWNED, buffer, length);
    }

    private void fanOut(final int channel, final int symbolId, final int otherSymbolId, final long owner,
        final DirectBuffer buffer, final int length)
    {
        if (caughtUp) // history: only the caches take it, so a desk never gets an old record as live
        {
            live.fanOut(channel, symbolId, otherSymbolId, owner, buffer, length, position);
        }
    }

    private void disconnectSlow(final ClientSession session)
    {
        if (!session.channel.isActive() || session.closing)
        {
            return; // gone or going (an abrupt close, a close in progress): not a slow consumer
        }
        counters.slowClientsDisconnected.increment();
        forget(session);
        desks.close(session, WebSocketCloseStatus.POLICY_VIOLATION, "slow consumer: more than " +
            settings.slowClientBytes + " bytes unsent (gateway.slowClientBytes)");
    }
}

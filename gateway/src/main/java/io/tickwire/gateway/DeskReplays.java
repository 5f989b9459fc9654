package io.tickwire.gateway;

import io.tickwire.model.journal.JournalReader;
import io.tickwire.model.journal.JournalSeek;
import net.openhft.chronicle.queue.ChronicleQueue;

import org.agrona.concurrent.EpochNanoClock;

import java.util.List;
import java.util.function.LongSupplier;

/**
 * Starts, serves and ends desks' replays ({@code subscribe} with {@code from} or {@code start}): checks the
 * request against the journal and the bounds ({@code gateway.maxReplays}, {@code gateway.replayBatch},
 * {@code gateway.replayTimeoutMs}), then each duty cycle lets every replay read its batch, joins the finished
 * ones to the live stream with {@code replay_end}, and ends the ones too slow to catch up with
 * {@code replay_behind}. Conductor thread only.
 */
final class DeskReplays
{
    private final GatewaySettings settings;
    private final ChronicleQueue outputJournal;
    private final ChannelRenderer renderer;
    private final DeskWriter desks;
    /** Whose setup a replayed setup record or alert is: the conductor's ledger, ahead of every replay. */
    private final SetupLedger setups;
    private final GatewayCounters counters;
    /** The last position the conductor has dispatched live. */
    private final LongSupplier livePosition;
    private final EpochNanoClock epochClock;

    DeskReplays(final GatewaySettings settings, final ChronicleQueue outputJournal, final ChannelRenderer renderer,
        final DeskWriter desks, final SetupLedger setups, final GatewayCounters counters,
        final LongSupplier livePosition, final EpochNanoClock epochClock)
    {
        this.epochClock = epochClock;
        this.setups = setups;
        this.settings = settings;
        this.outputJournal = outputJournal;
        this.renderer = renderer;
        this.desks = desks;
        this.counters = counters;
        this.livePosition = livePosition;
    }

    /** A replaying subscribe, once the conductor has caught up: a replay, or an error saying why not. */
    void start(final ClientSession session, final ClientRequest request, final long nowNanos)
    {
        if (session.replays.size() >= settings.maxReplays)
        {
            desks.error(session, request.id, "too_many_replays", settings.maxReplays == 0 ?
                "replay is off on this gateway (gateway.maxReplays=0)" :
                "at most " + settings.maxReplays + " replays at once (gateway.maxReplays); wait for a replay_end");
            return;
        }
        final long live = livePosition.getAsLong();
        final long delayNanos = session.key.tier().delayNanos();
        if (delayNanos > 0)
        {
            startDelayed(session, request, nowNanos, delayNanos);
            return;
        }
        final long from = request.from >= 0 ? request.from : JournalSeek.firstAtOrAfter(outputJournal, request.startNanos);
        if (request.from > live + 1)
        {
            desks.error(session, request.id, "replay_unavailable",
                "from " + request.from + " is ahead of the journal: its last position is " + live);
            return;
        }
        counters.replays.increment();
        if (from < 0 || from > live)
        {
            desks.subscribed(session, request, true, live + 1, DeskRequests.unknown(request, renderer.names()));
            subscribe(session.live, request);
            desks.replayEnd(session, request.id, live, 0); // nothing older to serve: live from the next record
            return;
        }
        final JournalReader reader = new JournalReader(outputJournal);
        final String refusal = position(reader, from, JournalSeek.firstIndex(outputJournal));
        if (refusal != null)
        {
            reader.close();
            desks.error(session, request.id, "replay_unavailable", refusal);
            return;
        }
        final Subscriptions filter = new Subscriptions(renderer.channels().count());
        subscribe(filter, request);
        session.replays.add(new DeskReplay(session, request, filter, reader, from, nowNanos, renderer, desks, setups, 0));
        desks.subscribed(session, request, true, from, DeskRequests.unknown(request, renderer.names()));
    }

    /**
     * A delayed tier's subscribe: from {@code from}, {@code start}, or by default the tier's delay ago, it follows
     * the journal that far behind the wall clock, for as long as the desk stays.
     */
    private void startDelayed(final ClientSession session, final ClientRequest request, final long nowNanos,
        final long delayNanos)
    {
        final long start = request.startNanos != ClientRequest.NO_START ? request.startNanos :
            epochClock.nanoTime() - delayNanos;
        final long from = request.from >= 0 ? request.from : JournalSeek.firstAtOrAfter(outputJournal, start);
        final JournalReader reader = new JournalReader(outputJournal);
        final String refusal = from < 0 ? null : position(reader, from, JournalSeek.firstIndex(outputJournal));
        if (refusal != null)
        {
            reader.close();
            desks.error(session, request.id, "replay_unavailable", refusal);
            return;
        }
        if (from < 0)
        {
            reader.toEnd(); // nothing that old: from what is written next, each record once old enough
        }
        final Subscriptions filter = new Subscriptions(renderer.channels().count());
        subscribe(filter, request);
        session.replays.add(new DeskReplay(session, request, filter, reader, Math.max(0, from), nowNanos, renderer,
            desks, setups, delayNanos));
        desks.subscribed(session, request, true, Math.max(0, from), DeskRequests.unknown(request, renderer.names()));
    }

    private void subscribe(final Subscriptions subscriptions, final ClientRequest request)
    {
        final GatewayChannels channels = renderer.channels();
        for (final String name : request.channels)
        {
            final int c = channels.indexOf(name);
            subscriptions.subscribe(c, request.symbols, renderer.names(), channels.isSymbolLess(c));
        }
    }

    /**
     * Places the reader at {@code from} (or just before it, when {@code from} is the position after a record —
     * a desk resuming from its last {@code js} + 1 across a daily cycle). @return why it cannot, or null
     */
    private static String position(final JournalReader reader, final long from, final long first)
    {
        if (from < first)
        {
            return "from " + from + " is older than the oldest position the output journal retains, " + first +
                " (journal.retentionDays)";
        }
        if (!reader.moveTo(from) && !reader.moveTo(from - 1))
        {
            return "no record at position " + from + "; positions are the 'js' values of messages";
        }
        return null;
    }

    /** Every session's replays read their batch; the finished join the live stream. @return records sent */
    int serve(final List<ClientSession> sessions, final long nowNanos)
    {
        int sent = 0;
        final long live = livePosition.getAsLong();
        final long epochNanos = epochClock.nanoTime();
        for (int i = 0; i < sessions.size(); i++)
        {
            final List<DeskReplay> replays = sessions.get(i).replays;
            for (int k = replays.size() - 1; k >= 0; k--)
            {
                final DeskReplay replay = replays.get(k);
                final long before = replay.sent;
                final boolean joined = replay.serve(live, settings.replayBatch, epochNanos);
                sent += (int)(replay.sent - before);
                if (joined)
                {
                    join(replay, live);
                    replays.remove(k);
                }
                else if (replay.delayNanos == 0 && nowNanos - replay.startedNanos > settings.replayTimeoutNanos)
                {
                    counters.replaysBehind.increment();
                    replay.close();
                    replays.remove(k);
                    desks.error(replay.session, replay.request.id, "replay_behind", "the replay did not reach " +
                        "the live stream within " + settings.replayTimeoutNanos / 1_000_000 + " ms " +
                        "(gateway.replayTimeoutMs): the desk reads slower than the journal grows; last position " +
                        "sent " + replay.lastSent + "; subscribe again with from " + (replay.lastSent + 1));
                }
            }
        }
        counters.replayRecords.getAndAdd(sent);
        return sent;
    }

    /** The replay has served everything up to {@code live}: its subscription goes live from the next record. */
    private void join(final DeskReplay replay, final long live)
    {
        replay.close();
        subscribe(replay.session.live, replay.request);
        desks.replayEnd(replay.session, replay.request.id, live, replay.sent);
    }

    /** The session has gone: its replays' tailers are released. */
    void closeAll(final ClientSession session)
    {
        session.replays.forEach(DeskReplay::close);
        session.replays.clear();
    }
}

package io.tickwire.gateway;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;

import io.tickwire.codecs.sbe.DeskDataEncoder;
import io.tickwire.codecs.sbe.DeskNoticeEncoder;
import io.tickwire.codecs.sbe.MessageHeaderEncoder;
import io.tickwire.codecs.sbe.NoticeType;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.EpochNanoClock;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Writes to one desk's WebSocket: data messages ({@code {"seq":N,} + a rendered body, seq per session; or for an
 * sbe desk the record itself after a DeskData envelope) and the replies to its requests (welcome, pong,
 * subscribed, error), heartbeats and the closing notice, each one frame (text, or binary DeskNotice), counted. Writes are flushed once per duty cycle ({@link #flush}). Conductor thread only.
 */
final class DeskWriter
{
    /** The close code for a desk silent past the client timeout (4000-4999: the application's own). */
    static final WebSocketCloseStatus SILENT = new WebSocketCloseStatus(4001, "silent desk");

    /** The channel number of a symbol definition sent to an sbe desk (not a subscribable channel). */
    static final int SYMBOL_DEFINITIONS = 65535;

    private final GatewayCounters counters;
    private final EpochNanoClock epochClock;
    private final JsonOut message = new JsonOut();
    private final ExpandableArrayBuffer sbe = new ExpandableArrayBuffer(1024);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final DeskDataEncoder data = new DeskDataEncoder();
    private final DeskNoticeEncoder notice = new DeskNoticeEncoder();

    DeskWriter(final GatewayCounters counters, final EpochNanoClock epochClock)
    {
        this.counters = counters;
        this.epochClock = epochClock;
    }

    void welcome(final ClientSession session, final GatewayChannels channels)
    {
        message.reset().raw("{\"type\":\"welcome\",\"session\":").number(session.id).raw(",\"channels\":[");
        for (int c = 0; c < channels.count(); c++)
        {
            message.raw(c == 0 ? "\"" : ",\"").raw(channels.name(c)).ch('"');
        }
        reply(session, NoticeType.WELCOME, -1, message.raw("]}"));
    }

    void authenticated(final ClientSession session, final String requestId, final DeskKey key)
    {
        message.reset().raw("{\"type\":\"authenticated\"");
        id(message, requestId);
        reply(session, NoticeType.AUTHENTICATED, -1, message.raw(",\"key\":").string(key.name())
            .raw(",\"tier\":").string(key.tier().name())
            .raw(",\"delayMinutes\":").number(key.tier().delayMinutes()).ch('}'));
    }

    void pong(final ClientSession session, final String requestId)
    {
        message.reset().raw("{\"type\":\"pong\"");
        id(message, requestId);
        reply(session, NoticeType.PONG, -1, message.ch('}'));
    }

    /**
     * @param replayFrom where a replaying subscribe's replay begins ({@code from}); negative: not a replay
     * @param unknown tickers the journal has not defined yet (they flow once they appear)
     */
    void subscribed(final ClientSession session, final ClientRequest request, final boolean subscribe,
        final long replayFrom, final List<String> unknown)
    {
        message.reset().raw(subscribe ? "{\"type\":\"subscribed\"" : "{\"type\":\"unsubscribed\"");
        id(message, request.id);
        message.raw(",\"channels\":[");
        strings(message, request.channels);
        message.raw("],\"symbols\":[");
        strings(message, request.symbols);
        message.ch(']');
        if (!unknown.isEmpty())
        {
            message.raw(",\"unknown\":[");
            strings(message, unknown);
            message.ch(']');
        }
        if (replayFrom >= 0)
        {
            message.raw(",\"from\":").number(replayFrom);
        }
        reply(session, subscribe ? NoticeType.SUBSCRIBED : NoticeType.UNSUBSCRIBED, -1, message.ch('}'));
    }

    /** A replay has served everything up to {@code journalPosition}; live messages follow from the next record. */
    void replayEnd(final ClientSession session, final String requestId, final long journalPosition,
        final long records)
    {
        message.reset().raw("{\"type\":\"replay_end\"");
        id(message, requestId);
        reply(session, NoticeType.REPLAY_END, journalPosition, message.raw(",\"js\":").number(journalPosition)
            .raw(",\"records\":").number(records).ch('}'));
    }

    /** A data message: {"seq":N, + body. */
    /** @param journalPosition the record's output journal position ({@code js}); negative: none (a snapshot) */
    void send(final ClientSession session, final JsonOut rendered, final long journalPosition)
    {
        message.reset().raw("{\"seq\":").number(++session.seq).ch(',');
        if (journalPosition >= 0)
        {
            message.raw("\"js\":").number(journalPosition).ch(',');
        }
        message.buffer.putBytes(message.length, rendered.buffer, 0, rendered.length);
        message.length += rendered.length;
        write(session, message);
    }

    /**
     * Once a duty cycle: flushes every session written to, and sends a heartbeat to every session nothing went
     * out on for {@code heartbeatNanos} — a quiet channel is not a dead gateway.
     */
    void flush(final List<ClientSession> sessions, final long nowNanos, final GatewaySettings settings,
        final long epochNanos)
    {
        for (int i = 0; i < sessions.size(); i++)
        {
            final ClientSession s = sessions.get(i);
            if (s.closing)
            {
                continue;
            }
            if (settings.clientTimeoutNanos > 0 && nowNanos - s.lastReadNanos > settings.clientTimeoutNanos)
            {
                counters.silentClientsClosed.increment();
                close(s, SILENT, "no request from the desk for " + settings.clientTimeoutNanos / 1_000_000 +
                    " ms (gateway.clientTimeoutMs): send {\"op\":\"ping\"} to stay connected");
                continue;
            }
            if (settings.slowClientWarnBytes > 0)
            {
                warnIfBehind(s, settings);
            }
            if (!s.needsFlush && nowNanos - s.lastWriteNanos >= settings.heartbeatNanos)
            {
                reply(s, NoticeType.HEARTBEAT, -1,
                    message.reset().raw("{\"type\":\"heartbeat\",\"t\":").number(epochNanos).ch('}'));
                counters.heartbeats.increment();
            }
            if (s.needsFlush)
            {
                s.channel.flush();
                s.needsFlush = false;
                s.lastWriteNanos = nowNanos;
            }
        }
    }

    /** A desk whose backlog passed the warning threshold hears so, once per episode. */
    private void warnIfBehind(final ClientSession s, final GatewaySettings settings)
    {
        final long unsent = settings.slowClientBytes - s.channel.bytesBeforeUnwritable();
        if (!s.warnedSlow && unsent > settings.slowClientWarnBytes)
        {
            s.warnedSlow = true;
            counters.slowClientWarnings.increment();
            reply(s, NoticeType.WARNING, -1, message.reset()
                .raw("{\"type\":\"warning\",\"code\":\"slow_consumer\",\"unsent\":").number(unsent)
                .raw(",\"message\":\"this desk reads slower than its subscriptions produce: ").number(unsent)
                .raw(" bytes wait; at ").number(settings.slowClientBytes)
                .raw(" (gateway.slowClientBytes) the gateway disconnects it\"}"));
        }
        else if (s.warnedSlow && unsent < settings.slowClientWarnBytes / 2)
        {
            s.warnedSlow = false;
        }
    }

    /**
     * Closes a desk's connection from the gateway's side, always with a close code and the reason: a
     * {@code closing} message first where the socket can still take it, then the WebSocket close frame; the
     * connection is dropped a second later whatever the desk does.
     */
    void close(final ClientSession session, final WebSocketCloseStatus status, final String reason)
    {
        session.closing = true;
        if (session.channel.isWritable())
        {
            reply(session, NoticeType.CLOSING, -1, message.reset()
                .raw("{\"type\":\"closing\",\"code\":").number(status.code())
                .raw(",\"reason\":").string(reason).ch('}'));
        }
        final Channel channel = session.channel;
        channel.writeAndFlush(new CloseWebSocketFrame(status.code(), reason.length() > 120 ?
            reason.substring(0, 120) : reason)).addListener(ChannelFutureListener.CLOSE);
        channel.eventLoop().schedule(() -> channel.close(), 1, TimeUnit.SECONDS);
    }

    /**
     * A session message: a text frame to a JSON desk; to an sbe desk a binary DeskNotice carrying its type, the
     * journal position it names (or -1) and the same JSON for the details.
     */
    private void reply(final ClientSession session, final NoticeType type, final long journalPosition,
        final JsonOut json)
    {
        if (!session.sbe)
        {
            write(session, json);
            return;
        }
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + DeskNoticeEncoder.BLOCK_LENGTH + 4 + json.length;
        sbe.checkLimit(length);
        notice.wrapAndApplyHeader(sbe, 0, header).type(type).js(journalPosition).gatewayTime(epochClock.nanoTime())
            .putJson(json.buffer, 0, json.length);
        writeBinary(session, length);
    }

    /**
     * A journal record to an sbe desk, as the journal holds it, after a DeskData envelope: its seq, its journal
     * position (-1 for a snapshot), the channel it came on and whether it is a snapshot or replayed history.
     */
    void sendRecord(final ClientSession session, final int channel, final boolean snapshot, final boolean replay,
        final DirectBuffer record, final int recordLength, final long journalPosition)
    {
        final int envelope = MessageHeaderEncoder.ENCODED_LENGTH + DeskDataEncoder.BLOCK_LENGTH;
        sbe.checkLimit(envelope + recordLength);
        data.wrapAndApplyHeader(sbe, 0, header).seq(++session.seq).js(journalPosition)
            .gatewayTime(epochClock.nanoTime()).channel(channel).flags().clear().snapshot(snapshot).replay(replay);
        sbe.putBytes(envelope, record, 0, recordLength);
        writeBinary(session, envelope + recordLength);
    }

    private void writeBinary(final ClientSession session, final int length)
    {
        session.channel.write(WebSocketFrames.binary(session.channel.alloc(), sbe.byteArray(), length),
            session.channel.voidPromise());
        session.needsFlush = true;
        counters.messagesSent.increment();
        counters.bytesSent.getAndAdd(length);
    }

    void write(final ClientSession session, final JsonOut out)
    {
        session.channel.write(WebSocketFrames.frame(session.channel.alloc(), out.buffer.byteArray(), out.length),
            session.channel.voidPromise());
        session.needsFlush = true;
        counters.messagesSent.increment();
        counters.bytesSent.getAndAdd(out.length);
    }

    /** After a subscription's snapshots: they reflect the output journal up to {@code journalPosition}. */
    void snapshotEnd(final ClientSession session, final String requestId, final long journalPosition)
    {
        message.reset().raw("{\"type\":\"snapshot_end\"");
        id(message, requestId);
        reply(session, NoticeType.SNAPSHOT_END, journalPosition, message.raw(",\"js\":").number(journalPosition).ch('}'));
    }

    void error(final ClientSession session, final String requestId, final String code, final String text)
    {
        counters.badRequests.increment();
        message.reset().raw("{\"type\":\"error\"");
        id(message, requestId);
        message.raw(",\"code\":\"").raw(code).raw("\",\"message\":").string(text).ch('}');
        reply(session, NoticeType.ERROR, -1, message);
    }

    private static void id(final JsonOut out, final String requestId)
    {
        if (requestId != null)
        {
            out.raw(",\"id\":").raw(requestId);
        }
    }

    private static void strings(final JsonOut out, final List<String> values)
    {
        for (int i = 0; i < values.size(); i++)
        {
            if (i > 0)
            {
                out.ch(',');
            }
            out.string(values.get(i));
        }
    }
}

package io.tickwire.gateway;

import java.util.List;

/**
 * Writes to one desk's WebSocket: data messages ({@code {"seq":N,} + a rendered body, seq per session) and the
 * replies to its requests (welcome, pong, subscribed, error), each one text frame, counted. Writes are not
 * flushed here: the conductor flushes every written session once per duty cycle. Conductor thread only.
 */
final class DeskWriter
{
    private final GatewayCounters counters;
    private final JsonOut message = new JsonOut();

    DeskWriter(final GatewayCounters counters)
    {
        this.counters = counters;
    }

    void welcome(final ClientSession session, final GatewayChannels channels)
    {
        message.reset().raw("{\"type\":\"welcome\",\"session\":").number(session.id).raw(",\"channels\":[");
        for (int c = 0; c < channels.count(); c++)
        {
            message.raw(c == 0 ? "\"" : ",\"").raw(channels.name(c)).ch('"');
        }
        write(session, message.raw("]}"));
    }

    void pong(final ClientSession session, final String requestId)
    {
        message.reset().raw("{\"type\":\"pong\"");
        id(message, requestId);
        write(session, message.ch('}'));
    }

    void subscribed(final ClientSession session, final ClientRequest request, final boolean subscribe)
    {
        message.reset().raw(subscribe ? "{\"type\":\"subscribed\"" : "{\"type\":\"unsubscribed\"");
        id(message, request.id);
        message.raw(",\"channels\":[");
        strings(message, request.channels);
        message.raw("],\"symbols\":[");
        strings(message, request.symbols);
        write(session, message.raw("]}"));
    }

    /** A data message: {"seq":N, + body. */
    void send(final ClientSession session, final JsonOut rendered)
    {
        message.reset().raw("{\"seq\":").number(++session.seq).ch(',');
        message.buffer.putBytes(message.length, rendered.buffer, 0, rendered.length);
        message.length += rendered.length;
        write(session, message);
    }

    void write(final ClientSession session, final JsonOut out)
    {
        session.channel.write(TextFrames.frame(session.channel.alloc(), out.buffer.byteArray(), out.length),
            session.channel.voidPromise());
        session.needsFlush = true;
        counters.messagesSent.incrementAndGet();
        counters.bytesSent.addAndGet(out.length);
    }

    void error(final ClientSession session, final String requestId, final String code, final String text)
    {
        counters.badRequests.incrementAndGet();
        message.reset().raw("{\"type\":\"error\"");
        id(message, requestId);
        message.raw(",\"code\":\"").raw(code).raw("\",\"message\":").string(text).ch('}');
        write(session, message);
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

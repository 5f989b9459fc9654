package io.tickwire.simulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One client connection, speaking Massive's protocol: a "connected" status, auth (the configured key or
 * auth_failed and a dropped socket, no close frame), subscribe/unsubscribe with one ack per item. Quirks as
 * the real feed: unknown prefixes are ignored without reply, unknown tickers are acknowledged and never
 * send data, re-subscribing an item already held gets no reply.
 */
final class SimulatorSession extends SimpleChannelInboundHandler<WebSocketFrame>
{
    static final String[] CHANNELS = {"T", "Q", "A", "AM", "V", "LULD", "NOI", "FMV"};

    private static final JsonFactory JSON = new JsonFactory();

    private final MassiveSimulator simulator;
    private final String cluster;
    private final int instrumentCount;
    /** [instrument][channel]; written by the session's I/O thread, read by the market driver. */
    private volatile boolean[][] subscribed;
    private volatile boolean authenticated;
    private Channel channel;
    /** Driver thread only. */
    private final java.util.ArrayDeque<byte[]> held = new java.util.ArrayDeque<>();
    private volatile long stalledUntil;
    private long unwritableSince;
    private byte[] deferred;
    static final long SLOW_CONSUMER_NANOS = 2_000_000_000L;

    SimulatorSession(final MassiveSimulator simulator, final String cluster, final int instrumentCount)
    {
        super(true);
        this.simulator = simulator;
        this.cluster = cluster;
        this.instrumentCount = instrumentCount;
        this.subscribed = new boolean[instrumentCount][CHANNELS.length];
    }

    String cluster()
    {
        return cluster;
    }

    Channel channel()
    {
        return channel;
    }

    boolean hasSubscriptions()
    {
        for (final boolean[] row : subscribed)
        {
            for (final boolean b : row)
            {
                if (b)
                {
                    return true;
                }
            }
        }
        return false;
    }

    boolean authenticated()
    {
        return authenticated;
    }

    boolean wants(final Instrument instrument, final int channelIndex)
    {
        return authenticated && instrument.cluster.equals(cluster) && subscribed[instrument.index][channelIndex];
    }

    @Override
    public void userEventTriggered(final ChannelHandlerContext ctx, final Object evt) throws Exception
    {
        if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete)
        {
            channel = ctx.channel();
            simulator.register(this);
            sendText("[{\"ev\":\"status\",\"status\":\"connected\",\"message\":\"Connected Successfully\"}]");
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        MassiveSimulator.onConnectionError(ctx, cause);
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx) throws Exception
    {
        simulator.unregister(this);
        super.channelInactive(ctx);
    }

    @Override
    protected void channelRead0(final ChannelHandlerContext ctx, final WebSocketFrame frame)
    {
        if (!(frame instanceof TextWebSocketFrame))
        {
            status("error", "text frames only");
            return;
        }
        final String text = ((TextWebSocketFrame)frame).text();
        String action = null;
        String params = null;
        try (JsonParser p = JSON.createParser(text))
        {
            if (p.nextToken() != JsonToken.START_OBJECT)
            {
                throw new IOException("not an object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME)
            {
                final String name = p.currentName();
                p.nextToken();
                if ("action".equals(name))
                {
                    action = p.getValueAsString();
                }
                else if ("params".equals(name))
                {
                    params = p.getValueAsString();
                }
                else
                {
                    p.skipChildren();
                }
            }
        }
        catch (final IOException ex)
        {
            status("error", "invalid JSON message");
            return;
        }
        if ("auth".equals(action))
        {
            auth(params);
        }
        else if (!authenticated)
        {
            status("auth_required", "authentication required");
        }
        else if ("subscribe".equals(action) || "unsubscribe".equals(action))
        {
            subscribe(params == null ? "" : params, "subscribe".equals(action));
        }
        else
        {
            status("error", "unknown action");
        }
    }

    private void auth(final String key)
    {
        if (simulator.settings().apiKey.equals(key) && !SimulatorFaults.take(simulator.faults().failedAuths))
        {
            simulator.authentications.incrementAndGet();
            status("auth_success", "authenticated");
            authenticated = true; // after the status is written: no data frame may overtake it
        }
        else
        {
            // Massive drops the socket without a close frame after auth_failed
            sendText("[{\"ev\":\"status\",\"status\":\"auth_failed\",\"message\":\"authentication failed\"}]")
                .addListener((f) -> channel.close());
        }
    }

    private void subscribe(final String params, final boolean add)
    {
        final boolean[][] next = copy(subscribed);
        final List<String> acks = new ArrayList<>();
        for (final String raw : params.split(","))
        {
            final String item = raw.trim();
            final int dot = item.indexOf('.');
            if (dot <= 0)
            {
                continue;
            }
            final int channelIndex = channelIndex(item.substring(0, dot));
            if (channelIndex < 0)
            {
                continue; // unknown prefix: silently ignored, as the real feed does
            }
            final String ticker = item.substring(dot + 1);
            boolean changed = false;
            for (final Instrument in : simulator.market().instruments())
            {
                if (ticker.equals("*") || in.ticker.equals(ticker))
                {
                    changed |= next[in.index][channelIndex] != add;
                    next[in.index][channelIndex] = add;
                }
            }
            final boolean known = ticker.equals("*") || simulator.market().instruments().stream()
                .anyMatch((in) -> in.ticker.equals(ticker));
            if (changed || !known)
            {
                acks.add((add ? "subscribed to: " : "unsubscribed to: ") + item);
            }
        }
        if (!add)
        {
            subscribed = next; // unsubscribed at once: no frame of an item after its unsubscribe
        }
        if (!acks.isEmpty())
        {
            final StringBuilder sb = new StringBuilder("[");
            for (final String ack : acks)
            {
                if (sb.length() > 1)
                {
                    sb.append(',');
                }
                sb.append("{\"ev\":\"status\",\"status\":\"success\",\"message\":\"").append(ack).append("\"}");
            }
            sendText(sb.append(']').toString());
        }
        if (add)
        {
            subscribed = next; // after the acks are written: a subscription's data follows its ack
        }
        simulator.onSubscriptionChange();
    }

    private static int channelIndex(final String prefix)
    {
        for (int i = 0; i < CHANNELS.length; i++)
        {
            if (CHANNELS[i].equals(prefix.toUpperCase(Locale.ROOT)))
            {
                return i;
            }
        }
        return -1;
    }

    private boolean[][] copy(final boolean[][] from)
    {
        final boolean[][] to = new boolean[instrumentCount][];
        for (int i = 0; i < instrumentCount; i++)
        {
            to[i] = from[i].clone();
        }
        return to;
    }

    void status(final String status, final String message)
    {
        sendText("[{\"ev\":\"status\",\"status\":\"" + status + "\",\"message\":\"" + message + "\"}]");
    }

    ChannelFuture sendText(final String text)
    {
        return channel.writeAndFlush(new TextWebSocketFrame(text));
    }

    /**
     * Sends a frame built by the market driver (called on the driver thread). While stalled, frames are held
     * and go out late, in order. A client that stays unwritable (it reads too slowly) for
     * {@link #SLOW_CONSUMER_NANOS} is told slow_consumer and dropped, as Massive does.
     */
    void sendFrame(final byte[] bytes, final int length)
    {
        if (!channel.isActive())
        {
            return;
        }
        final long now = System.nanoTime();
        if (now < stalledUntil)
        {
            held.addLast(java.util.Arrays.copyOf(bytes, length));
            return;
        }
        while (!held.isEmpty())
        {
            final byte[] late = held.removeFirst();
            write(late, late.length);
        }
        if (!channel.isWritable())
        {
            if (unwritableSince == 0)
            {
                unwritableSince = now;
            }
            else if (now - unwritableSince > SLOW_CONSUMER_NANOS)
            {
                sendText("[{\"ev\":\"status\",\"status\":\"slow_consumer\",\"message\":\"client is too slow\"}]");
                channel.close();
                return;
            }
        }
        else
        {
            unwritableSince = 0;
        }
        write(bytes, length);
    }

    private void write(final byte[] bytes, final int length)
    {
        final ByteBuf buf = channel.alloc().buffer(length);
        buf.writeBytes(bytes, 0, length);
        channel.writeAndFlush(new TextWebSocketFrame(buf));
    }

    /** The reorder fault: this frame is sent after the next one, so its older events arrive late. */
    void deferFrame(final byte[] bytes, final int length)
    {
        if (deferred != null)
        {
            sendFrame(bytes, length); // two swaps in a row: this frame overtakes the one already held
            sendDeferred();
            return;
        }
        deferred = java.util.Arrays.copyOf(bytes, length);
    }

    void sendDeferred()
    {
        if (deferred != null)
        {
            final byte[] frame = deferred;
            deferred = null;
            sendFrame(frame, frame.length);
        }
    }

    void stallUntil(final long nanoTime)
    {
        stalledUntil = nanoTime;
    }

    /** Closes with a WebSocket close frame (1001 going away), or drops the socket without one. */
    void drop(final boolean withCloseFrame)
    {
        if (withCloseFrame)
        {
            channel.writeAndFlush(new CloseWebSocketFrame(1001, "going away")).addListener(ChannelFutureListener.CLOSE);
        }
        else
        {
            channel.close();
        }
    }

    /** What a second login with the same key does to this one. */
    void evict()
    {
        sendText("[{\"ev\":\"status\",\"status\":\"max_connections\",\"message\":\"Maximum number of websocket " +
            "connections exceeded. You have reached the connection limit for your account.\"}]")
            .addListener(ChannelFutureListener.CLOSE);
    }
}

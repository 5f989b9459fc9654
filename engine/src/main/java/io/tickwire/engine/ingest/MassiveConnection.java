package io.tickwire.engine.ingest;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.ScheduledFuture;
import io.tickwire.codecs.sbe.Cluster;
import io.tickwire.codecs.sbe.DeadLetterReason;
import io.tickwire.codecs.sbe.FeedState;
import io.tickwire.codecs.sbe.StatusCode;
import io.tickwire.config.Keys;
import io.tickwire.config.TickwireConfig;
import io.tickwire.engine.EngineCounters;
import io.tickwire.engine.event.EventType;
import io.tickwire.engine.event.MarketEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Massive cluster's connection, for the life of the process: connect, authenticate, subscribe (every
 * item, again after each reconnect), count the acks, keep the connection honest (ping, liveness timeout on
 * any inbound frame, data watchdog), and reconnect by {@link ReconnectPolicy} when it drops. Every state
 * change is a journaled feed status; a reconnect after a loss carries the gap's event-time window, which
 * drives the backfill and the gap marking of bars. Frames go straight into the decoder and the ring on
 * this thread (the ingest event loop), which never blocks.
 */
final class MassiveConnection implements MassiveFrameDecoder.StatusListener
{
    private static final Logger LOG = LoggerFactory.getLogger(MassiveConnection.class);
    private static final long MS = 1_000_000L;

    private enum State
    {
        CONNECTING, AUTHENTICATING, LIVE, WAITING, FAILED, CLOSED
    }

    private final Cluster cluster;
    private final URI uri;
    private final List<String> subscribeItems;
    private final ReconnectPolicy policy;
    private final MassiveIngest ingest;
    private final EngineCounters counters;
    private final MassiveFrameDecoder decoder;
    private final StagedBatch batch = new StagedBatch();
    private final boolean rawCapture;
    private final int maxFrameBytes;
    private final int connectTimeoutMs;
    private final long pingIntervalNanos;
    private final long livenessTimeoutNanos;
    private final long watchdogNanos;
    private final long ackTimeoutMillis;
    private final long checkIntervalMillis;
    private byte[] frameBytes = new byte[1 << 16];

    private State state = State.CONNECTING;
    private Channel channel;
    private boolean authSent;
    private boolean evicted;
    private boolean everLive;
    private int acksExpected;
    private int acksReceived;
    private long liveSinceNanos;
    private long lastInboundNanos;
    private long lastDataNanos;
    private long lastPingNanos;
    /** Newest event time decoded on this cluster: where a gap starts when the connection is lost. */
    private long lastEventTime;
    /** Event time from which data is missing since the last loss, 0 while nothing is missing. */
    private long gapStart;
    /** After a reconnect: the gap to backfill once live data flows again (0 when none is waiting). */
    private long pendingBackfillStart;
    private ScheduledFuture<?> healthCheck;

    MassiveConnection(final Cluster cluster, final URI uri, final List<String> subscribeItems,
        final ReconnectPolicy policy, final TickwireConfig config, final MassiveIngest ingest)
    {
        this.cluster = cluster;
        this.uri = uri;
        this.subscribeItems = subscribeItems;
        this.policy = policy;
        this.ingest = ingest;
        this.counters = ingest.counters();
        this.decoder = new MassiveFrameDecoder(ingest.symbols(), this);
        this.rawCapture = config.get(Keys.JOURNAL_RAW_CAPTURE);
        this.maxFrameBytes = config.get(Keys.FEED_MAX_FRAME_BYTES);
        this.connectTimeoutMs = config.get(Keys.FEED_CONNECT_TIMEOUT_MS);
        this.pingIntervalNanos = config.get(Keys.FEED_PING_INTERVAL_MS) * MS;
        this.livenessTimeoutNanos = config.get(Keys.FEED_LIVENESS_TIMEOUT_MS) * MS;
        this.watchdogNanos = config.get(Keys.FEED_DATA_WATCHDOG_MS) * MS;
        this.ackTimeoutMillis = config.get(Keys.FEED_ACK_TIMEOUT_MS);
        final long shortest = Math.min(livenessTimeoutNanos, watchdogNanos > 0 ? watchdogNanos : Long.MAX_VALUE) / MS;
        this.checkIntervalMillis = Math.max(20, Math.min(1000, Math.min(shortest, pingIntervalNanos / MS) / 4));
    }

    void connect()
    {
        if (state == State.CLOSED || state == State.FAILED)
        {
            return;
        }
        state = State.CONNECTING;
        authSent = false;
        final boolean tls = "wss".equalsIgnoreCase(uri.getScheme());
        final int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        final SslContext ssl = tls ? sslContext() : null;
        final EventLoopGroup loop = ingest.group();
        ingest.publishFeedStatus(cluster, FeedState.CONNECTING, StatusCode.NONE, uri.toString());
        new Bootstrap()
            .group(loop)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            // pooled buffers keep their NIO view: no DirectByteBuffer per socket read (see GatewayServer)
            .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMs)
            .handler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel ch)
                {
                    final ChannelPipeline p = ch.pipeline();
                    if (ssl != null)
                    {
                        p.addLast(ssl.newHandler(ch.alloc(), uri.getHost(), port));
                    }
                    p.addLast(new HttpClientCodec());
                    p.addLast(new HttpObjectAggregator(1 << 16));
                    p.addLast(new WebSocketClientProtocolHandler(WebSocketClientProtocolConfig.newBuilder()
                        .webSocketUri(uri)
                        .maxFramePayloadLength(maxFrameBytes)
                        .handshakeTimeoutMillis(connectTimeoutMs)
                        .dropPongFrames(false) // a pong is a sign of life: we want to see it
                        .build()));
                    p.addLast(new WebSocketFrameAggregator(maxFrameBytes));
                    p.addLast(new Frames());
                }
            })
            .connect(uri.getHost(), port)
            .addListener((f) ->
            {
                if (!f.isSuccess())
                {
                    LOG.warn("cannot connect to Massive {} at {}: {}", cluster, uri, f.cause().toString());
                    onDisconnected("connect failed: " + f.cause().getMessage());
                }
            });
    }

    void close()
    {
        state = State.CLOSED;
        stopHealthCheck();
        if (channel != null)
        {
            channel.close();
        }
    }

    // ---- Massive status events (from the decoder) ------------------------------------------------------

    @Override
    public void onStatus(final StatusCode code, final String status, final String message)
    {
        counters.statusEvents.incrementRelease();
        switch (code)
        {
            case CONNECTED:
                sendAuth();
                break;
            case SUCCESS:
                if (!authSent)
                {
                    sendAuth(); // the spec's first status is "success"; live servers send "connected"
                }
                else if (message != null && message.startsWith("subscribed to"))
                {
                    acksReceived++;
                    counters.subscriptionAcks.incrementRelease();
                }
                break;
            case AUTH_SUCCESS:
                onLive(message);
                break;
            case AUTH_FAILED:
                state = State.FAILED;
                final String why = "Massive refused authentication for cluster " + Subscriptions.path(cluster) +
                    " at " + uri.getHost() + ": " + message +
                    " (check the key in $" + ingest.apiKeyEnv() + " and that your plan includes this cluster)";
                LOG.error(why);
                ingest.publishFeedStatus(cluster, FeedState.FAILED, code, message);
                ingest.fatal(why);
                break;
            case MAX_CONNECTIONS:
                evicted = true;
                counters.evictions.incrementRelease();
                LOG.error("Massive {} evicted this connection: another connection logged in with the same key " +
                    "(max_connections). Cooling down before reconnecting, so the two do not evict each other in a " +
                    "loop. Message: {}", cluster, message);
                ingest.publishFeedStatus(cluster, FeedState.DEGRADED, code, message);
                break;
            default:
                LOG.warn("Massive {} status {}: {}", cluster, status, message);
                ingest.publishFeedStatus(cluster, FeedState.DEGRADED, code, message);
        }
    }

    private void onLive(final String message)
    {
        state = State.LIVE;
        liveSinceNanos = System.nanoTime();
        lastDataNanos = liveSinceNanos;
        counters.connects.incrementRelease();
        if (everLive)
        {
            counters.reconnects.incrementRelease();
        }
        final long now = ingest.clock().nanoTime();
        if (gapStart > 0)
        {
            LOG.info("Massive {} back at {}; data may be missing from {} ms before now", cluster, uri,
                (now - gapStart) / MS);
            ingest.publishFeedStatus(cluster, FeedState.RECOVERED, StatusCode.AUTH_SUCCESS, message, gapStart, now);
            // the backfill waits for the first live data: everything older than it exists upstream by then
            pendingBackfillStart = gapStart;
            ingest.recovery(cluster).onUp(0, 0);
        }
        else
        {
            LOG.info("authenticated to Massive {} at {}; subscribing to {} items", cluster, uri, subscribeItems.size());
            ingest.publishFeedStatus(cluster, FeedState.UP, StatusCode.AUTH_SUCCESS, message);
            ingest.recovery(cluster).onUp(0, 0);
        }
        everLive = true;
        gapStart = 0;
        subscribe();
    }

    private void subscribe()
    {
        if (subscribeItems.isEmpty())
        {
            return;
        }
        acksExpected = subscribeItems.size();
        acksReceived = 0;
        channel.writeAndFlush(new TextWebSocketFrame(
            "{\"action\":\"subscribe\",\"params\":\"" + String.join(",", subscribeItems) + "\"}"));
        final Channel subscribed = channel;
        ingest.schedule(() ->
        {
            if (channel == subscribed && state == State.LIVE && acksReceived < acksExpected)
            {
                final int missing = acksExpected - acksReceived;
                counters.subscriptionAckShortfall.getAndAddRelease(missing);
                final String text = acksReceived + " of " + acksExpected + " subscriptions acknowledged within " +
                    ackTimeoutMillis + " ms";
                LOG.warn("Massive {}: {}", cluster, text);
                ingest.publishFeedStatus(cluster, FeedState.DEGRADED, StatusCode.NONE, text);
            }
        }, ackTimeoutMillis);
    }

    // ---- losing the connection ---------------------------------------------------------------------------

    private void onDisconnected(final String reason)
    {
        stopHealthCheck();
        channel = null;
        if (state == State.CLOSED || state == State.FAILED || state == State.WAITING)
        {
            return;
        }
        final boolean wasLive = state == State.LIVE;
        if (pendingBackfillStart > 0)
        {
            gapStart = pendingBackfillStart; // lost again before any data: one gap, still to backfill
            pendingBackfillStart = 0;
        }
        final long upMillis = wasLive ? (System.nanoTime() - liveSinceNanos) / MS : 0;
        counters.disconnects.incrementRelease();
        if (wasLive && gapStart == 0)
        {
            gapStart = lastEventTime > 0 ? lastEventTime + 1 : ingest.clock().nanoTime();
            ingest.recovery(cluster).onDown();
        }
        final long delay = policy.nextDelayMillis(upMillis, evicted);
        counters.nextReconnectDelayMs.setRelease(delay);
        final String text = reason + "; reconnecting in " + delay + " ms" + (evicted ? " (eviction cool-down)" : "");
        if (!ingest.closing())
        {
            LOG.warn("Massive {}: {}", cluster, text);
        }
        ingest.publishFeedStatus(cluster, FeedState.DOWN, evicted ? StatusCode.MAX_CONNECTIONS : StatusCode.NONE, text,
            gapStart, gapStart > 0 ? Long.MAX_VALUE : 0);
        evicted = false;
        state = State.WAITING;
        ingest.schedule(this::connect, delay);
    }

    private void healthCheck()
    {
        if (channel == null)
        {
            return;
        }
        final long now = System.nanoTime();
        if (now - lastInboundNanos > livenessTimeoutNanos)
        {
            counters.livenessTimeouts.incrementRelease();
            LOG.warn("Massive {}: nothing received for {} ms (no data, status or pong): closing", cluster,
                (now - lastInboundNanos) / MS);
            channel.close();
            return;
        }
        if (state == State.LIVE && watchdogNanos > 0 && now - lastDataNanos > watchdogNanos)
        {
            counters.watchdogTimeouts.incrementRelease();
            LOG.warn("Massive {}: no market data for {} ms while subscribed: reconnecting", cluster,
                (now - lastDataNanos) / MS);
            channel.close();
            return;
        }
        if (now - lastPingNanos >= pingIntervalNanos)
        {
            lastPingNanos = now;
            channel.writeAndFlush(new PingWebSocketFrame());
        }
    }

    private void stopHealthCheck()
    {
        if (healthCheck != null)
        {
            healthCheck.cancel(false);
            healthCheck = null;
        }
    }

    // ---- frames ------------------------------------------------------------------------------------------

    private void onFrame(final WebSocketFrame frame)
    {
        final long nowNanos = System.nanoTime();
        lastInboundNanos = nowNanos;
        if (frame instanceof PongWebSocketFrame || frame instanceof PingWebSocketFrame ||
            frame instanceof CloseWebSocketFrame)
        {
            return;
        }
        final long receiveTime = ingest.clock().nanoTime();
        final ByteBuf content = frame.content();
        final int length = content.readableBytes();
        if (length > frameBytes.length)
        {
            frameBytes = new byte[Integer.highestOneBit(length) << 1];
        }
        content.getBytes(content.readerIndex(), frameBytes, 0, length);
        counters.framesReceived.incrementRelease();
        counters.bytesReceived.getAndAddRelease(length);
        if (rawCapture)
        {
            ingest.rawCapture().write(cluster, receiveTime, frameBytes, length);
        }
        if (!(frame instanceof TextWebSocketFrame))
        {
            ingest.deadLetters().write(cluster, receiveTime, frame instanceof BinaryWebSocketFrame ?
                DeadLetterReason.BINARY_FRAME : DeadLetterReason.MALFORMED_JSON, -1, frame.getClass().getSimpleName(),
                frameBytes, length);
            return;
        }
        final int result = decoder.decode(frameBytes, length, receiveTime, batch);
        if (result != MassiveFrameDecoder.OK)
        {
            ingest.deadLetters().write(cluster, receiveTime, DeadLetterReason.get((short)result), -1,
                decoder.frameErrorDetail(), frameBytes, length);
            return;
        }
        if (decoder.rejectedEvents() > 0)
        {
            counters.rejectedEvents.getAndAddRelease(decoder.rejectedEvents());
            counters.unknownEvents.getAndAddRelease(decoder.unknownEvents());
            ingest.deadLetters().write(cluster, receiveTime, decoder.firstRejectReason(), decoder.firstRejectIndex(),
                decoder.rejectedEvents() + " event(s) rejected; first: " + decoder.firstRejectDetail(),
                frameBytes, length);
        }
        if (noteData())
        {
            lastDataNanos = nowNanos;
            if (pendingBackfillStart > 0)
            {
                ingest.recovery(cluster).onUp(pendingBackfillStart, lastEventTime);
                pendingBackfillStart = 0;
            }
        }
        ingest.publisher().publish(batch, cluster.value());
    }

    /** Tracks the newest event time in the batch; @return whether it held market data. */
    private boolean noteData()
    {
        boolean data = false;
        for (int i = 0; i < batch.size(); i++)
        {
            final MarketEvent e = batch.get(i);
            if (e.type != EventType.SYMBOL)
            {
                data = true;
                if (e.eventTime > lastEventTime && e.type != EventType.AGGREGATE)
                {
                    lastEventTime = e.eventTime;
                }
            }
        }
        return data;
    }

    private void sendAuth()
    {
        if (!authSent && channel != null)
        {
            authSent = true;
            state = State.AUTHENTICATING;
            channel.writeAndFlush(new TextWebSocketFrame("{\"action\":\"auth\",\"params\":\"" + ingest.apiKey() + "\"}"));
        }
    }

    private static SslContext sslContext()
    {
        try
        {
            return SslContextBuilder.forClient().build();
        }
        catch (final SSLException ex)
        {
            throw new IllegalStateException("cannot create TLS context", ex);
        }
    }

    /** The pipeline's last handler, one per channel; all calls arrive on the ingest thread. */
    private final class Frames extends SimpleChannelInboundHandler<WebSocketFrame>
    {
        Frames()
        {
            super(true);
        }

        @Override
        public void channelActive(final ChannelHandlerContext ctx) throws Exception
        {
            channel = ctx.channel();
            lastInboundNanos = System.nanoTime();
            super.channelActive(ctx);
        }

        @Override
        public void userEventTriggered(final ChannelHandlerContext ctx, final Object evt) throws Exception
        {
            if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE)
            {
                lastInboundNanos = System.nanoTime();
                lastPingNanos = lastInboundNanos;
                healthCheck = ctx.executor().scheduleAtFixedRate(MassiveConnection.this::healthCheck,
                    checkIntervalMillis, checkIntervalMillis, TimeUnit.MILLISECONDS);
            }
            else if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT)
            {
                LOG.warn("WebSocket handshake with Massive {} at {} timed out", cluster, uri);
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        protected void channelRead0(final ChannelHandlerContext ctx, final WebSocketFrame frame)
        {
            onFrame(frame);
        }

        @Override
        public void channelInactive(final ChannelHandlerContext ctx) throws Exception
        {
            onDisconnected("connection closed");
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            LOG.warn("connection to Massive {} failed: {}", cluster, cause.toString());
            ctx.close();
        }
    }
}

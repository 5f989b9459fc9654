package io.tickwire.massive;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketFrameDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import io.tickwire.codecs.sbe.Cluster;
import io.tickwire.codecs.sbe.DeadLetterReason;
import io.tickwire.codecs.sbe.FeedState;
import io.tickwire.codecs.sbe.StatusCode;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import io.tickwire.model.event.StagedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Massive cluster's WebSocket transport, for the life of the process: it opens the socket, hands every
 * frame to the decoder and the ring (raw capture and dead letters on the way), and reports what happens to
 * its {@link FeedSession}, which decides everything else and asks for connects, pings and closes through
 * {@link FeedSession.Actions}. All of it runs on the ring's producer thread, which never blocks.
 */
final class MassiveConnection implements MassiveFrameDecoder.StatusListener, FeedSession.Actions
{
    private static final Logger LOG = LoggerFactory.getLogger(MassiveConnection.class);

    private final Cluster cluster;
    private final URI uri;
    private final List<String> subscribeItems;
    private final String apiKey;
    private final FeedSettings settings;
    private final FeedRecovery recovery;
    private final FeedParts parts;
    private final MassiveFrameDecoder decoder;
    private final FeedSession session;
    private final StagedBatch batch = new StagedBatch();
    private byte[] frameBytes = new byte[1 << 16];
    private Channel channel;
    private ScheduledFuture<?> timer;

    MassiveConnection(final Cluster cluster, final URI uri, final List<String> subscribeItems, final String apiKey,
        final FeedSettings settings, final FeedParts parts, final FeedRecovery recovery)
    {
        this.cluster = cluster;
        this.uri = uri;
        this.subscribeItems = subscribeItems;
        this.apiKey = apiKey;
        this.settings = settings;
        this.recovery = recovery;
        this.parts = parts;
        this.decoder = new MassiveFrameDecoder(parts.symbols(), this, recovery.sessionSymbols());
        this.session = new FeedSession(cluster, uri.getHost(), settings.apiKeyEnv(), subscribeItems.size(),
            settings.newReconnectPolicy(), settings.timeouts(), System::nanoTime, parts.clock(), parts.counters(), this);
    }

    /**
     * The first connection attempt; later ones follow from the session. @param lastJournaledEventTime the newest
     * event time already journaled (0 when none): the gap since is declared and backfilled
     */
    void start(final long lastJournaledEventTime)
    {
        parts.producerThread().execute(() ->
        {
            session.resumeAfter(lastJournaledEventTime);
            session.connect();
        });
    }

    void close()
    {
        session.close();
        stopTimer();
        if (channel != null)
        {
            channel.close();
        }
    }

    // ---- what the session asks for ----------------------------------------------------------------------

    @Override
    public void connect()
    {
        final boolean tls = "wss".equalsIgnoreCase(uri.getScheme());
        final int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        final SslContext ssl = tls ? sslContext() : null;
        new Bootstrap()
            .group(parts.producerThread())
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            // pooled buffers keep their NIO view: no DirectByteBuffer per socket read (see GatewayServer)
            .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, settings.connectTimeoutMillis())
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
                        .maxFramePayloadLength(settings.maxFrameBytes())
                        .handshakeTimeoutMillis(settings.connectTimeoutMillis())
                        .dropPongFrames(false) // a pong is a sign of life: we want to see it
                        .build()));
                    p.addLast(new WebSocketFrameAggregator(settings.maxFrameBytes()));
                    p.addLast(new Frames());
                }
            })
            .connect(uri.getHost(), port)
            .addListener((f) ->
            {
                if (!f.isSuccess())
                {
                    LOG.warn("cannot connect to Massive {} at {}: {}", cluster, uri, f.cause().toString());
                    session.onDisconnected("connect failed: " + f.cause().getMessage());
                }
            });
    }

    @Override
    public void connectAfter(final long delayMillis)
    {
        parts.producerThread().schedule(session::connect, delayMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void sendAuth()
    {
        channel.writeAndFlush(new TextWebSocketFrame(ControlMessages.auth(apiKey)));
    }

    @Override
    public void sendSubscribe()
    {
        channel.writeAndFlush(new TextWebSocketFrame(ControlMessages.subscribe(subscribeItems)));
    }

    @Override
    public void sendPing()
    {
        channel.writeAndFlush(new PingWebSocketFrame());
    }

    @Override
    public void closeChannel()
    {
        channel.close();
    }

    @Override
    public void feedStatus(final FeedState state, final StatusCode code, final String message, final long gapStart,
        final long gapEnd)
    {
        parts.inputs().publishFeedStatus(cluster, state, code, message, gapStart, gapEnd);
    }

    @Override
    public void recoveryUp(final long gapStart, final long gapEnd)
    {
        recovery.onUp(gapStart, gapEnd);
    }

    @Override
    public void recoveryDown()
    {
        recovery.onDown();
    }

    @Override
    public void fatal(final String reason)
    {
        parts.onFatal().accept(reason);
    }

    // ---- Massive status events (from the decoder) --------------------------------------------------------

    @Override
    public void onStatus(final StatusCode code, final String status, final String message)
    {
        session.onStatus(code, status, message);
    }

    // ---- frames ------------------------------------------------------------------------------------------

    /** A frame as Netty's decoder made it: control frames, and data that came with the handshake's response. */
    private void onFrame(final WebSocketFrame frame)
    {
        if (frame instanceof PongWebSocketFrame || frame instanceof PingWebSocketFrame ||
            frame instanceof CloseWebSocketFrame)
        {
            session.onInbound();
            return;
        }
        final ByteBuf content = frame.content();
        final int length = content.readableBytes();
        if (length > frameBytes.length)
        {
            frameBytes = new byte[Integer.highestOneBit(length) << 1];
        }
        content.getBytes(content.readerIndex(), frameBytes, 0, length);
        onMessage(frameBytes, length, frame instanceof TextWebSocketFrame);
    }

    /** A data message's payload, {@code bytes[0, length)}: decoded, journaled on the way, and published. */
    private void onMessage(final byte[] bytes, final int length, final boolean text)
    {
        session.onInbound();
        final long receiveTime = parts.clock().nanoTime();
        parts.counters().framesReceived.incrementRelease();
        parts.counters().bytesReceived.getAndAddRelease(length);
        if (settings.rawCapture())
        {
            parts.rawCapture().write(cluster, receiveTime, bytes, length);
        }
        if (!text)
        {
            parts.deadLetters().write(cluster, receiveTime, DeadLetterReason.BINARY_FRAME, -1, "binary frame", bytes,
                length);
            return;
        }
        final int result = decoder.decode(bytes, length, receiveTime, batch);
        if (result != MassiveFrameDecoder.OK)
        {
            parts.deadLetters().write(cluster, receiveTime, DeadLetterReason.get((short)result), -1,
                decoder.frameErrorDetail(), bytes, length);
            return;
        }
        if (decoder.rejectedEvents() > 0)
        {
            parts.counters().rejectedEvents.getAndAddRelease(decoder.rejectedEvents());
            parts.counters().unknownEvents.getAndAddRelease(decoder.unknownEvents());
            parts.deadLetters().write(cluster, receiveTime, decoder.firstRejectReason(), decoder.firstRejectIndex(),
                decoder.rejectedEvents() + " event(s) rejected; first: " + decoder.firstRejectDetail(),
                bytes, length);
        }
        noteData();
        parts.publisher().publish(batch, cluster.value());
    }

    /** Tells the session when the batch held market data, with its newest event time. */
    private void noteData()
    {
        boolean data = false;
        long newest = 0;
        for (int i = 0; i < batch.size(); i++)
        {
            final MarketEvent e = batch.get(i);
            if (e.type != EventType.SYMBOL)
            {
                data = true;
                if (e.type != EventType.AGGREGATE)
                {
                    newest = Math.max(newest, e.eventTime);
                }
            }
        }
        if (data)
        {
            session.onMarketData(newest);
        }
    }

    private void stopTimer()
    {
        if (timer != null)
        {
            timer.cancel(false);
            timer = null;
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

    /** The pipeline's last handler, one per channel; all calls arrive on the producer thread. */
    private final class Frames extends ChannelInboundHandlerAdapter
    {
        /** Why the pipeline failed the connection, for the disconnect's reason (the feed status, the log), or null. */
        private String failure;

        @Override
        public void channelActive(final ChannelHandlerContext ctx) throws Exception
        {
            channel = ctx.channel();
            session.onChannelActive();
            super.channelActive(ctx);
        }

        @Override
        public void userEventTriggered(final ChannelHandlerContext ctx, final Object evt) throws Exception
        {
            if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE)
            {
                // from here on the feed's frames are read without a frame object each (FeedFrameDecoder)
                ctx.pipeline().replace(WebSocketFrameDecoder.class, "tickwire-feed-frames",
                    new FeedFrameDecoder(settings.maxFrameBytes()));
                session.onHandshakeComplete();
                final long interval = settings.timeouts().checkIntervalMillis();
                timer = ctx.executor().scheduleAtFixedRate(session::onTimer, interval, interval, TimeUnit.MILLISECONDS);
            }
            else if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT)
            {
                LOG.warn("WebSocket handshake with Massive {} at {} timed out", cluster, uri);
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        public void channelRead(final ChannelHandlerContext ctx, final Object message)
        {
            if (message instanceof FeedFrameDecoder.Payload payload)
            {
                onMessage(payload.bytes, payload.length, payload.text);
                return;
            }
            try
            {
                if (message instanceof WebSocketFrame frame)
                {
                    onFrame(frame);
                }
            }
            finally
            {
                ReferenceCountUtil.release(message);
            }
        }

        @Override
        public void channelInactive(final ChannelHandlerContext ctx) throws Exception
        {
            stopTimer();
            channel = null;
            session.onDisconnected(failure == null ? "connection closed" : "connection failed: " + failure);
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            if (failure == null) // the first cause is the reason; the session logs it once, with the disconnect
            {
                failure = cause.getMessage() != null ? cause.getMessage() : cause.toString();
            }
            ctx.close();
        }
    }
}

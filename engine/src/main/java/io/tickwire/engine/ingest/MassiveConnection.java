package io.tickwire.engine.ingest;

import io.netty.bootstrap.Bootstrap;
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
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.tickwire.codecs.sbe.Cluster;
import io.tickwire.codecs.sbe.DeadLetterReason;
import io.tickwire.codecs.sbe.FeedState;
import io.tickwire.codecs.sbe.StatusCode;
import io.tickwire.engine.EngineCounters;
import org.agrona.concurrent.EpochNanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLException;
import java.net.URI;
import java.util.List;

/**
 * One WebSocket connection to one Massive cluster: handshake, auth, subscribe, then frames straight into
 * the decoder and the ring on the socket's own thread (the decoder is fast enough that handing off would
 * cost more than it saves; the publisher never blocks). Runs on the ingest event loop, like every producer.
 */
final class MassiveConnection extends SimpleChannelInboundHandler<WebSocketFrame>
    implements MassiveFrameDecoder.StatusListener
{
    private static final Logger LOG = LoggerFactory.getLogger(MassiveConnection.class);

    private final Cluster cluster;
    private final URI uri;
    private final String apiKey;
    private final List<String> subscribeItems;
    private final int maxFrameBytes;
    private final int connectTimeoutMs;
    private final MassiveIngest ingest;
    private final EngineCounters counters;
    private final EpochNanoClock clock;
    private final MassiveFrameDecoder decoder;
    private final StagedBatch batch = new StagedBatch();
    private byte[] frameBytes = new byte[1 << 16];
    private Channel channel;
    private boolean authSent;
    private boolean failed;
    private long receiveTime;

    MassiveConnection(
        final Cluster cluster, final URI uri, final String apiKey, final List<String> subscribeItems,
        final int maxFrameBytes, final int connectTimeoutMs, final MassiveIngest ingest)
    {
        super(true);
        this.cluster = cluster;
        this.uri = uri;
        this.apiKey = apiKey;
        this.subscribeItems = subscribeItems;
        this.maxFrameBytes = maxFrameBytes;
        this.connectTimeoutMs = connectTimeoutMs;
        this.ingest = ingest;
        this.counters = ingest.counters();
        this.clock = ingest.clock();
        this.decoder = new MassiveFrameDecoder(ingest.symbols(), this);
    }

    void connect(final EventLoopGroup group)
    {
        final boolean tls = "wss".equalsIgnoreCase(uri.getScheme());
        final int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        final SslContext ssl = tls ? sslContext() : null;
        final MassiveConnection self = this;
        ingest.publishFeedStatus(cluster, FeedState.CONNECTING, StatusCode.NONE, uri.toString());
        new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
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
                        .dropPongFrames(true)
                        .build()));
                    p.addLast(new WebSocketFrameAggregator(maxFrameBytes));
                    p.addLast(self);
                }
            })
            .connect(uri.getHost(), port)
            .addListener((f) ->
            {
                if (!f.isSuccess())
                {
                    LOG.error("cannot connect to Massive {} at {}: {}", cluster, uri, f.cause().toString());
                    ingest.publishFeedStatus(cluster, FeedState.DOWN, StatusCode.NONE,
                        "connect failed: " + f.cause().getMessage());
                }
            });
    }

    void close()
    {
        if (channel != null)
        {
            channel.close();
        }
    }

    @Override
    public void channelActive(final ChannelHandlerContext ctx) throws Exception
    {
        channel = ctx.channel();
        super.channelActive(ctx);
    }

    @Override
    public void userEventTriggered(final ChannelHandlerContext ctx, final Object evt) throws Exception
    {
        if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT)
        {
            LOG.error("WebSocket handshake with Massive {} at {} timed out", cluster, uri);
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    protected void channelRead0(final ChannelHandlerContext ctx, final WebSocketFrame frame)
    {
        receiveTime = clock.nanoTime();
        final ByteBuf content = frame.content();
        final int length = content.readableBytes();
        if (length > frameBytes.length)
        {
            frameBytes = new byte[Integer.highestOneBit(length) << 1];
        }
        content.getBytes(content.readerIndex(), frameBytes, 0, length);
        counters.framesReceived.incrementRelease();
        counters.bytesReceived.getAndAddRelease(length);
        if (!(frame instanceof TextWebSocketFrame))
        {
            final DeadLetterReason reason = frame instanceof BinaryWebSocketFrame ?
                DeadLetterReason.BINARY_FRAME : DeadLetterReason.MALFORMED_JSON;
            ingest.deadLetters().write(cluster, receiveTime, reason, -1, frame.getClass().getSimpleName(), frameBytes, length);
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
        ingest.publisher().publish(batch);
    }

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
                else
                {
                    counters.subscriptionAcks.incrementRelease();
                }
                break;
            case AUTH_SUCCESS:
                LOG.info("authenticated to Massive {} at {}; subscribing to {} items", cluster, uri, subscribeItems.size());
                ingest.publishFeedStatus(cluster, FeedState.UP, code, message);
                if (!subscribeItems.isEmpty())
                {
                    channel.writeAndFlush(new TextWebSocketFrame(
                        "{\"action\":\"subscribe\",\"params\":\"" + String.join(",", subscribeItems) + "\"}"));
                }
                break;
            case AUTH_FAILED:
                failed = true;
                final String why = "Massive refused authentication for cluster " + Subscriptions.path(cluster) +
                    " at " + uri.getHost() + ": " + message +
                    " (check the key in $" + ingest.apiKeyEnv() + " and that your plan includes this cluster)";
                LOG.error(why);
                ingest.publishFeedStatus(cluster, FeedState.FAILED, code, message);
                ingest.fatal(why);
                break;
            default:
                LOG.warn("Massive {} status {}: {}", cluster, status, message);
                ingest.publishFeedStatus(cluster, FeedState.DEGRADED, code, message);
        }
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx) throws Exception
    {
        if (!failed && !ingest.closing())
        {
            LOG.warn("connection to Massive {} at {} closed", cluster, uri);
        }
        ingest.publishFeedStatus(cluster, failed ? FeedState.FAILED : FeedState.DOWN, StatusCode.NONE, "connection closed");
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        LOG.warn("connection to Massive {} failed: {}", cluster, cause.toString());
        ctx.close();
    }

    private void sendAuth()
    {
        if (!authSent)
        {
            authSent = true;
            channel.writeAndFlush(new TextWebSocketFrame("{\"action\":\"auth\",\"params\":\"" + apiKey + "\"}"));
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
}

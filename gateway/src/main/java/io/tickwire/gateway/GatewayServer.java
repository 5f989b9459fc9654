package io.tickwire.gateway;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.FastThreadLocalThread;
import io.tickwire.model.setups.SetupJson;
import io.tickwire.model.setups.SetupRequest;
import net.openhft.chronicle.queue.ChronicleQueue;
import io.tickwire.model.errors.DistinctErrors;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The desk-facing server: WebSocket at /ws (JSON, docs/protocol.md), HTTP GET /health and /stats. One I/O
 * thread accepts and reads; one conductor thread (see {@link GatewayConductor}) owns all state and writes.
 */
public final class GatewayServer implements AutoCloseable
{
    public static final String WEBSOCKET_PATH = "/ws";

    private final GatewayCounters counters = new GatewayCounters();
    private final GatewayConductor conductor;
    private final AgentRunner runner;
    private final DistinctErrors errors = new DistinctErrors();
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1,
        new DefaultThreadFactory("tickwire-gateway-io", true), NioIoHandler.newFactory());
    private final Channel serverChannel;
    private final String host;
    private final Supplier<Map<String, Long>> engineStats;
    private final Consumer<SetupRequest> setups;

    private GatewayServer(
        final GatewaySettings settings, final ChronicleQueue outputJournal, final Supplier<Map<String, Long>> engineStats,
        final Consumer<SetupRequest> setups)
    {
        this.host = settings.host;
        this.engineStats = engineStats;
        this.setups = setups;
        conductor = new GatewayConductor(settings, outputJournal, counters);
        final IdleStrategy idle = settings.busySpin ? new BusySpinIdleStrategy() :
            new BackoffIdleStrategy(100, 10, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MICROSECONDS.toNanos(100));
        // the conductor's error policy: count, record each kind once, go on with the next duty cycle
        runner = new AgentRunner(idle, (t) ->
        {
            counters.conductorErrors.incrementAndGet();
            errors.record("gateway conductor", -1, t);
        }, null, conductor);
        serverChannel = bind(settings);
        // started only once the port is ours: a failed bind leaves no conductor tailing the journal behind
        AgentRunner.startOnThread(runner, (r) ->
        {
            // a FastThreadLocalThread gets Netty's per-thread buffer cache and object recycler, which Netty 4.2
            // grants only to its own threads: without them every rendered message allocates a buffer object
            final Thread t = new FastThreadLocalThread(r, conductor.roleName());
            t.setDaemon(true);
            return t;
        });
    }

    private Channel bind(final GatewaySettings settings)
    {
        final GatewayServer self = this;
        try
        {
            return new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                // pooled buffers keep their NIO view; Netty 4.2's default adaptive allocator hands out unpooled
                // chunks whose nioBuffer() allocates a DirectByteBuffer on every socket write
                .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                    new WriteBufferWaterMark(settings.slowClientBytes / 2, settings.slowClientBytes))
                .childHandler(new ChannelInitializer<SocketChannel>()
                {
                    @Override
                    protected void initChannel(final SocketChannel ch)
                    {
                        final ChannelPipeline p = ch.pipeline();
                        p.addLast(new HttpServerCodec());
                        p.addLast(new HttpObjectAggregator(1 << 16));
                        p.addLast(new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                            .websocketPath(WEBSOCKET_PATH)
                            .maxFramePayloadLength(Math.max(1 << 20, settings.maxClientMessageBytes * 2))
                            .build()));
                        p.addLast(new WebSocketFrameAggregator(Math.max(1 << 20, settings.maxClientMessageBytes * 2)));
                        p.addLast(new HttpEndpoints(self));
                        p.addLast(new DeskFrames(self.conductor));
                    }
                })
                .bind(settings.host, settings.port)
                .syncUninterruptibly()
                .channel();
        }
        catch (final Exception ex) // Netty rethrows the checked BindException undeclared
        {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            throw ex;
        }
    }

    public static GatewayServer start(
        final GatewaySettings settings, final ChronicleQueue outputJournal, final Supplier<Map<String, Long>> engineStats)
    {
        return new GatewayServer(settings, outputJournal, engineStats, null);
    }

    /** @param setups where POST/DELETE /setups commands go (the engine), or null when there is no engine. */
    public static GatewayServer start(final GatewaySettings settings, final ChronicleQueue outputJournal,
        final Supplier<Map<String, Long>> engineStats, final Consumer<SetupRequest> setups)
    {
        return new GatewayServer(settings, outputJournal, engineStats, setups);
    }

    public int port()
    {
        return ((InetSocketAddress)serverChannel.localAddress()).getPort();
    }

    public String webSocketUrl()
    {
        return "ws://" + host + ":" + port() + WEBSOCKET_PATH;
    }

    public GatewayCounters counters()
    {
        return counters;
    }

    /** Every distinct error the gateway's conductor has thrown. */
    public DistinctErrors errors()
    {
        return errors;
    }

    @Override
    public void close()
    {
        serverChannel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        runner.close();
    }

    String healthJson()
    {
        return "{\"status\":\"ok\",\"clients\":" + counters.clients() + ",\"journalRecordsRead\":" +
            counters.journalRecordsRead.get() + "}";
    }

    String statsJson()
    {
        final StringBuilder sb = new StringBuilder("{\"engine\":");
        appendMap(sb, engineStats.get());
        sb.append(",\"gateway\":");
        appendMap(sb, counters.snapshot());
        return sb.append('}').toString();
    }

    private static void appendMap(final StringBuilder sb, final Map<String, Long> values)
    {
        sb.append('{');
        boolean first = true;
        for (final Map.Entry<String, Long> e : values.entrySet())
        {
            sb.append(first ? "\"" : ",\"").append(e.getKey()).append("\":").append(e.getValue());
            first = false;
        }
        sb.append('}');
    }

    /** POST /setups (add or amend), DELETE /setups/ID (cancel): 202 once handed to the engine, 400 with the reason. */
    private String[] setupCommand(final FullHttpRequest request, final String path)
    {
        if (setups == null)
        {
            return new String[]{"503", "{\"error\":\"no engine behind this gateway\"}"};
        }
        try
        {
            final SetupRequest command;
            if (request.method() == HttpMethod.DELETE)
            {
                final String id = path.substring("/setups/".length());
                command = SetupJson.parse("{\"op\":\"cancel\",\"id\":" + (id.matches("\\d{1,18}") ? id : "0") + "}");
            }
            else
            {
                command = SetupJson.parse(request.content().toString(StandardCharsets.UTF_8));
            }
            setups.accept(command);
            return new String[]{"202", "{\"accepted\":true,\"id\":" + command.id() + "}"};
        }
        catch (final SetupJson.InvalidSetup ex)
        {
            return new String[]{"400", "{\"error\":" + JsonOut.quoted(ex.getMessage()) + "}"};
        }
    }

    /** Plain HTTP: /health, /stats, /setups as JSON, 404 for anything else. */
    private static final class HttpEndpoints extends SimpleChannelInboundHandler<FullHttpRequest>
    {
        private final GatewayServer server;

        HttpEndpoints(final GatewayServer server)
        {
            this.server = server;
        }

        @Override
        protected void channelRead0(final ChannelHandlerContext ctx, final FullHttpRequest request)
        {
            final String path = request.uri().replaceAll("\\?.*$", "");
            final HttpResponseStatus status;
            final String body;
            if (path.equals("/setups") && request.method() == HttpMethod.GET)
            {
                final CompletableFuture<String> reply = new CompletableFuture<>();
                server.conductor.enqueue(() -> server.conductor.setupsJson(reply));
                reply.thenAccept((json) -> respond(ctx, request, HttpResponseStatus.OK, json));
                return;
            }
            if (path.equals("/setups") && request.method() == HttpMethod.POST ||
                path.startsWith("/setups/") && request.method() == HttpMethod.DELETE)
            {
                final String[] result = server.setupCommand(request, path);
                respond(ctx, request, HttpResponseStatus.valueOf(Integer.parseInt(result[0])), result[1]);
                return;
            }
            if (request.method() != HttpMethod.GET)
            {
                status = HttpResponseStatus.METHOD_NOT_ALLOWED;
                body = "{\"error\":\"only GET\"}";
            }
            else if (path.equals("/health"))
            {
                status = HttpResponseStatus.OK;
                body = server.healthJson();
            }
            else if (path.equals("/stats"))
            {
                status = HttpResponseStatus.OK;
                body = server.statsJson();
            }
            else
            {
                status = HttpResponseStatus.NOT_FOUND;
                body = "{\"error\":\"not found\",\"paths\":[\"/health\",\"/stats\",\"/setups\",\"" +
                    WEBSOCKET_PATH + "\"]}";
            }
            respond(ctx, request, status, body);
        }

        private static void respond(final ChannelHandlerContext ctx, final FullHttpRequest request,
            final HttpResponseStatus status, final String body)
        {
            final FullHttpResponse response = new DefaultFullHttpResponse(request.protocolVersion(), status,
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
            // said, not only done: a client that pools connections must not reuse one being closed
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** WebSocket frames from a desk, handed to the conductor; the I/O thread keeps no state. */
    private static final class DeskFrames extends SimpleChannelInboundHandler<WebSocketFrame>
    {
        private final GatewayConductor conductor;

        DeskFrames(final GatewayConductor conductor)
        {
            this.conductor = conductor;
        }

        @Override
        public void userEventTriggered(final ChannelHandlerContext ctx, final Object evt) throws Exception
        {
            if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete)
            {
                final Channel channel = ctx.channel();
                conductor.enqueue(() -> conductor.onOpen(channel));
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        protected void channelRead0(final ChannelHandlerContext ctx, final WebSocketFrame frame)
        {
            final Channel channel = ctx.channel();
            if (frame instanceof TextWebSocketFrame)
            {
                final String text = ((TextWebSocketFrame)frame).text();
                conductor.enqueue(() -> conductor.onText(channel, text));
            }
            else
            {
                conductor.enqueue(() -> conductor.onBadFrame(channel, "binary requests are not supported; send JSON text"));
            }
        }

        @Override
        public void channelInactive(final ChannelHandlerContext ctx) throws Exception
        {
            final Channel channel = ctx.channel();
            conductor.enqueue(() -> conductor.onClose(channel));
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            ctx.close(); // a broken connection ends only that session
        }
    }
}

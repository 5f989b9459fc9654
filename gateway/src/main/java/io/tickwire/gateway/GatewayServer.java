package io.tickwire.gateway;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.FastThreadLocalThread;
import net.openhft.chronicle.queue.ChronicleQueue;
import io.tickwire.model.Progress;
import io.tickwire.model.Telemetry;
import org.slf4j.LoggerFactory;
import io.tickwire.model.latency.LatencyHistograms;
import io.tickwire.model.errors.DistinctErrors;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The desk-facing server: WebSocket at /ws (JSON, docs/protocol.md), HTTP GET /health and /stats. One I/O
 * thread accepts and reads; one conductor thread (see {@link GatewayConductor}) owns all state and writes.
 */
public final class GatewayServer implements AutoCloseable
{
    public static final String WEBSOCKET_PATH = "/ws";

    private final GatewayCounters counters;
    private final GatewayConductor conductor;
    private final AgentRunner runner;
    private final DistinctErrors errors;
    private final PrometheusMetrics metrics;
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1,
        new DefaultThreadFactory("tickwire-gateway-io", true), NioIoHandler.newFactory());
    private final Channel serverChannel;
    private final String host;
    private final EngineLink engine;
    /** Every desk's WebSocket, so the fatal path can tell and close them even when the conductor is gone. */
    private final ChannelGroup desks = new DefaultChannelGroup("tickwire-desks", GlobalEventExecutor.INSTANCE);
    private volatile Thread conductorThread;
    private final SetupCommands setupCommands;
    private final long stallNanos;
    private final Progress dutyCycles = new Progress();
    private final DeskAccess access;

    private GatewayServer(final GatewaySettings settings, final ChronicleQueue outputJournal, final EngineLink engine,
        final Telemetry telemetry)
    {
        this.counters = new GatewayCounters(telemetry.counters());
        this.errors = telemetry.errors();
        this.metrics = new PrometheusMetrics(telemetry, engine.gauges());
        this.host = settings.host;
        this.engine = engine;
        this.stallNanos = settings.stallNanos;
        try
        {
            access = new DeskAccess(settings, counters);
        }
        catch (final java.io.IOException ex)
        {
            throw new IllegalStateException("gateway.keysFile " + settings.keysFile + ": " + ex.getMessage(), ex);
        }
        conductor = new GatewayConductor(settings, outputJournal, counters, access,
            telemetry.latencies().hop(LatencyHistograms.Hop.RECEIVE_TO_DESK_WRITE));
        setupCommands = new SetupCommands(engine.setups(), conductor, settings.setupCommandsPerSecond, counters);
        final IdleStrategy idle = settings.busySpin ? new BusySpinIdleStrategy() :
            new BackoffIdleStrategy(100, 10, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MICROSECONDS.toNanos(100));
        // the conductor's error policy: count, record each kind once, go on with the next duty cycle; an Error
        // (out of memory, a mapped-file fault) goes to the node's fatal path
        runner = new AgentRunner(idle, (t) ->
        {
            counters.conductorErrors.increment();
            errors.record("gateway conductor", -1, t);
            if (t instanceof Error)
            {
                engine.fatal().accept("gateway conductor failed: " + t);
            }
        }, null, conductor);
        serverChannel = bind(settings);
        group.next().scheduleAtFixedRate(access::reloadIfChanged, 1, 1, TimeUnit.SECONDS);
        // started only once the port is ours: a failed bind leaves no conductor tailing the journal behind
        AgentRunner.startOnThread(runner, (r) ->
        {
            // a FastThreadLocalThread gets Netty's per-thread buffer cache and object recycler, which Netty 4.2
            // grants only to its own threads: without them every rendered message allocates a buffer object
            final Thread t = new FastThreadLocalThread(r, conductor.roleName());
            t.setDaemon(true);
            conductorThread = t;
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
                        p.addLast(new DeskUpgrade(self.access));
                        p.addLast(new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                            .websocketPath(WEBSOCKET_PATH)
                            .checkStartsWith(true) // /ws?key=...
                            .maxFramePayloadLength(Math.max(1 << 20, settings.maxClientMessageBytes * 2))
                            .build()));
                        p.addLast(new WebSocketFrameAggregator(Math.max(1 << 20, settings.maxClientMessageBytes * 2)));
                        p.addLast(new HttpEndpoints(self));
                        p.addLast(new DeskFrames(self.conductor, self.desks));
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

    public static GatewayServer start(final GatewaySettings settings, final ChronicleQueue outputJournal,
        final EngineLink engine)
    {
        return start(settings, outputJournal, engine, Telemetry.inMemory());
    }

    /**
     * @param telemetry where the gateway counts, records its errors and its desk-write latency: a node's, in its
     *                  counters file, so {@code tickwire stat} and {@code tickwire errors} read them
     */
    public static GatewayServer start(final GatewaySettings settings, final ChronicleQueue outputJournal,
        final EngineLink engine, final Telemetry telemetry)
    {
        return new GatewayServer(settings, outputJournal, engine, telemetry);
    }

    /** As {@link #start}, but when the configured port is taken, on any free one (said in the log): the demo's. */
    public static GatewayServer startOnAnyPortIfTaken(final GatewaySettings settings,
        final ChronicleQueue outputJournal, final EngineLink engine, final Telemetry telemetry)
    {
        try
        {
            return start(settings, outputJournal, engine, telemetry);
        }
        catch (final Exception ex) // Netty rethrows the checked BindException undeclared
        {
            if (!(ex instanceof BindException || ex.getCause() instanceof BindException))
            {
                throw ex;
            }
            LoggerFactory.getLogger(GatewayServer.class).warn("gateway port {} in use; using any free port instead",
                settings.port);
            return start(settings.port(0), outputJournal, engine, telemetry);
        }
    }

    PrometheusMetrics metrics()
    {
        return metrics;
    }

    /** How a key's secret is stored in the keys file (docs/operations.md, "Keys"). */
    public static String keyHash(final String secret)
    {
        return DeskKeys.sha256(secret);
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

    /** Every reason this node is not well, the engine's first; empty when it is. */
    public synchronized List<String> problems()
    {
        final List<String> problems = new ArrayList<>(engine.problems().get());
        final Thread conductor = conductorThread;
        final long still = dutyCycles.stillFor(counters.dutyCycles.get(), System.nanoTime());
        if (conductor == null || conductor.getState() == Thread.State.TERMINATED)
        {
            problems.add("gateway conductor is not running");
        }
        else if (still >= stallNanos)
        {
            problems.add("gateway conductor stalled: no duty cycle for " + still / 1_000_000 + " ms");
        }
        if (access.reloadProblem() != null)
        {
            problems.add("gateway keys file not reloaded (the previous keys stay): " + access.reloadProblem());
        }
        return problems;
    }

    /** Ready for desks: the engine (journals open, feed subscribed) and the conductor caught up with the journal. */
    public boolean ready()
    {
        return engine.ready().getAsBoolean() && conductor.caughtUp();
    }

    /**
     * The fatal path's word to the desks: each gets a {@code failed} status with the reason, then a close with
     * code 1011 (internal error) and the reason. Done from the I/O side, so it works when the conductor is gone.
     */
    public void failDesks(final String reason)
    {
        final String status = JsonText.object((g) ->
        {
            g.writeStringField("type", "status");
            g.writeStringField("state", "failed");
            g.writeStringField("reason", reason);
        });
        desks.writeAndFlush(new TextWebSocketFrame(status)).awaitUninterruptibly(1_000);
        desks.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.INTERNAL_SERVER_ERROR,
            reason.length() > 120 ? reason.substring(0, 120) : reason)).awaitUninterruptibly(1_000);
        desks.close().awaitUninterruptibly(1_000);
    }

    String healthJson(final List<String> problems)
    {
        return JsonText.object((g) ->
        {
            g.writeStringField("status", problems.isEmpty() ? "ok" : "failing");
            g.writeArrayFieldStart("reasons");
            for (final String p : problems)
            {
                g.writeString(p);
            }
            g.writeEndArray();
            g.writeNumberField("clients", counters.clients());
            g.writeNumberField("journalRecordsRead", counters.journalRecordsRead.get());
        });
    }

    String statsJson()
    {
        return JsonText.object((g) ->
        {
            g.writeObjectFieldStart("engine");
            for (final Map.Entry<String, Long> e : engine.stats().get().entrySet())
            {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeObjectFieldStart("gateway");
            for (final Map.Entry<String, Long> e : counters.snapshot().entrySet())
            {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        });
    }

    SetupCommands setupCommands()
    {
        return setupCommands;
    }

    void setupsJson(final long afterId, final int limit, final DeskKey viewer, final CompletableFuture<String> reply)
    {
        // a page of the caches is answered only once they hold the whole journal
        conductor.enqueue(() -> conductor.whenCaughtUp(() -> reply.complete(conductor.setupLedger().page(afterId,
            limit, viewer))));
    }

    /** WebSocket frames from a desk, handed to the conductor; the I/O thread keeps no state. */
    private static final class DeskFrames extends SimpleChannelInboundHandler<WebSocketFrame>
    {
        private final GatewayConductor conductor;
        private final ChannelGroup desks;

        DeskFrames(final GatewayConductor conductor, final ChannelGroup desks)
        {
            this.conductor = conductor;
            this.desks = desks;
        }

        @Override
        public void userEventTriggered(final ChannelHandlerContext ctx, final Object evt) throws Exception
        {
            if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete)
            {
                final Channel channel = ctx.channel();
                desks.add(channel); // the group forgets it when it closes
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

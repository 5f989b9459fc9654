package io.tickwire.simulator;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.concurrent.locks.LockSupport;

/**
 * The built-in Massive simulator: a real Netty WebSocket server at ws://host:port/{stocks,indices,options}
 * serving a seeded market (see {@link SimulatedMarket}). Used by the demo, the tests and the benchmarks.
 */
public final class MassiveSimulator implements AutoCloseable
{
    private static final List<String> CLUSTERS = List.of("stocks", "indices", "options");

    private final SimulatorSettings settings;
    private final SimulatedMarket market;
    private final GroundTruth groundTruth;
    private final MarketHistory history;
    private final SimulatorFaults faults = new SimulatorFaults(this);
    private final SimulatorRestApi rest = new SimulatorRestApi(this);
    final AtomicLong restRequests = new AtomicLong();
    private final MarketDriver driver;
    private final RecordedSession recorded;
    private final Thread driverThread;
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1,
        new DefaultThreadFactory("massive-simulator-io", true), NioIoHandler.newFactory());
    private final List<SimulatorSession> sessions = new CopyOnWriteArrayList<>();
    private JsonFrameWriter[] writers = new JsonFrameWriter[0];
    private final Channel serverChannel;

    private MassiveSimulator(final SimulatorSettings settings)
    {
        this.settings = settings;
        this.market = new SimulatedMarket(settings.seed, settings.rate, faults);
        this.groundTruth = settings.recordGroundTruth ? new GroundTruth() : null;
        this.history = new MarketHistory(settings.historyPerTicker);
        this.driver = new MarketDriver(this, settings, market, groundTruth, history);
        this.recorded = settings.recording == null ? null :
            new RecordedSession(this, settings.recording, settings.asFastAsPossible);
        this.driverThread = new Thread(recorded != null ? recorded : driver, "massive-simulator-market");
        driverThread.setDaemon(true);
        final MassiveSimulator self = this;
        serverChannel = new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(4 << 20, 8 << 20))
            .childHandler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel ch)
                {
                    final ChannelPipeline p = ch.pipeline();
                    p.addLast(new HttpServerCodec());
                    p.addLast(new HttpObjectAggregator(1 << 16));
                    p.addLast(new ClusterRouter(self));
                }
            })
            .bind(settings.host, settings.port)
            .syncUninterruptibly()
            .channel();
        driverThread.start();
    }

    public static MassiveSimulator start(final SimulatorSettings settings)
    {
        return new MassiveSimulator(settings);
    }

    public int port()
    {
        return ((InetSocketAddress)serverChannel.localAddress()).getPort();
    }

    /** Base URL for the engine's feed.url (the cluster is appended as the path). */
    public String url()
    {
        return "ws://" + settings.host + ":" + port();
    }

    /** Base URL of the simulator's REST API, for the engine's feed.restUrl. */
    public String restUrl()
    {
        return "http://" + settings.host + ":" + port();
    }

    /**
     * A tickwire node's settings to be fed by this simulator: its one cluster stocks on {@code symbols} and
     * {@code channels}, journals under {@code dataDir}, the gateway on any free port. For tests and harnesses, which
     * add their own; a mutable map.
     */
    public Map<String, String> nodeSettings(final Path dataDir, final String symbols, final String channels)
    {
        final Map<String, String> s = new HashMap<>();
        s.put("feed.url", url());
        s.put("feed.restUrl", restUrl());
        s.put("feed.clusters", "stocks");
        s.put("feed.stocks.symbols", symbols);
        s.put("feed.stocks.channels", channels);
        s.put("engine.dataDir", dataDir.toString());
        s.put("gateway.port", "0");
        return s;
    }

    /** Null unless the settings asked to record it. */
    public GroundTruth groundTruth()
    {
        return groundTruth;
    }

    public long eventsGenerated()
    {
        return driver.generated();
    }

    /** Waits until a finite stream ({@link SimulatorSettings#maxEvents}) has been fully sent. */
    public boolean awaitFinished(final long timeout, final TimeUnit unit) throws InterruptedException
    {
        return (recorded != null ? recorded.finished() : driver.finished()).await(timeout, unit);
    }

    /** Frames served from a recorded session so far. */
    public long recordedFramesSent()
    {
        return recorded == null ? 0 : recorded.framesSent();
    }

    public int sessionCount()
    {
        return sessions.size();
    }

    /** Everything the market generated (sent or not), as the REST API serves it. */
    public MarketHistory history()
    {
        return history;
    }

    /** Fault injection: see {@link SimulatorFaults}. */
    public SimulatorFaults faults()
    {
        return faults;
    }

    /** How many authenticated REST requests were served. */
    public long restRequests()
    {
        return restRequests.get();
    }

    /** Connections ever authenticated, for tests that count reconnects. */
    public long authentications()
    {
        return authentications.get();
    }

    /** Sends a raw text frame to every session of a cluster: fault injection for tests. */
    public void sendRaw(final String cluster, final String frame)
    {
        for (final SimulatorSession s : sessions)
        {
            if (s.cluster().equals(cluster))
            {
                s.sendText(frame).syncUninterruptibly();
            }
        }
    }

    @Override
    public void close()
    {
        driver.stop();
        if (recorded != null)
        {
            recorded.stop();
        }
        LockSupport.unpark(driverThread);
        try
        {
            driverThread.join(5_000);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        serverChannel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    SimulatorSettings settings()
    {
        return settings;
    }

    SimulatedMarket market()
    {
        return market;
    }

    Thread driverThread()
    {
        return driverThread;
    }

    /**
     * The sessions now, as a snapshot: a frame is written for session i and sent to session i of the same list,
     * even while connections open and close (the live list would shift under the driver, and a fresh connection
     * would get another session's frame before it authenticated).
     */
    List<SimulatorSession> sessions()
    {
        return List.copyOf(sessions);
    }

    /** Per-session frame writers, reused by the driver thread. */
    JsonFrameWriter[] writers(final int count)
    {
        if (writers.length < count)
        {
            final JsonFrameWriter[] grown = new JsonFrameWriter[count];
            System.arraycopy(writers, 0, grown, 0, writers.length);
            for (int i = writers.length; i < count; i++)
            {
                grown[i] = new JsonFrameWriter();
            }
            writers = grown;
        }
        return writers;
    }

    final AtomicLong authentications = new AtomicLong();

    private int subscribedSessions()
    {
        int n = 0;
        for (final SimulatorSession s : sessions)
        {
            n += s.hasSubscriptions() ? 1 : 0;
        }
        return n;
    }

    void forEachSession(final String cluster, final Consumer<SimulatorSession> action)
    {
        for (final SimulatorSession s : sessions)
        {
            if (s.cluster().equals(cluster))
            {
                action.accept(s);
            }
        }
    }

    void register(final SimulatorSession session)
    {
        sessions.add(session);
    }

    void unregister(final SimulatorSession session)
    {
        sessions.remove(session);
    }

    void onSubscriptionChange()
    {
        if (subscribedSessions() < settings.startAfterSubscribers)
        {
            return;
        }
        if (recorded != null)
        {
            recorded.begin();
        }
        else
        {
            driver.begin();
        }
    }

    /**
     * A client gone mid-read — an engine killed with SIGKILL resets its sockets, as a crashed one does against
     * Massive — closes its connection quietly; anything else goes on to Netty's own report.
     */
    static void onConnectionError(final ChannelHandlerContext ctx, final Throwable cause)
    {
        if (!(cause instanceof java.io.IOException))
        {
            ctx.fireExceptionCaught(cause);
        }
        ctx.close();
    }

    /** Routes a WebSocket upgrade by path to a session of that cluster; any other request to the REST API. */
    private static final class ClusterRouter extends SimpleChannelInboundHandler<FullHttpRequest>
    {
        private final MassiveSimulator simulator;

        ClusterRouter(final MassiveSimulator simulator)
        {
            super(false);
            this.simulator = simulator;
        }

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            onConnectionError(ctx, cause);
        }

        @Override
        protected void channelRead0(final ChannelHandlerContext ctx, final FullHttpRequest request)
        {
            final String path = request.uri().replaceAll("^/+", "").replaceAll("[/?].*$", "");
            final boolean upgrade = "websocket".equalsIgnoreCase(request.headers().get(HttpHeaderNames.UPGRADE));
            if (!upgrade || !CLUSTERS.contains(path))
            {
                try
                {
                    simulator.rest.handle(ctx, request);
                }
                finally
                {
                    ReferenceCountUtil.release(request);
                }
                return;
            }
            if (simulator.faults.refusing())
            {
                ReferenceCountUtil.release(request);
                ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.SERVICE_UNAVAILABLE))
                    .addListener(ChannelFutureListener.CLOSE);
                return;
            }
            final ChannelPipeline p = ctx.pipeline();
            p.addLast(new PingFilter(simulator.faults));
            p.addLast(new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(request.uri())
                .maxFramePayloadLength(1 << 20)
                .sendCloseFrame(null) // Massive drops sockets (auth_failed, eviction) without a close frame
                .build()));
            p.addLast(new SimulatorSession(simulator, path, simulator.market.instruments().size()));
            p.remove(this);
            ctx.fireChannelRead(request);
        }
    }
}

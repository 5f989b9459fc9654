package io.tickwire.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.tickwire.model.EpochClock;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The fan-out's bare baseline: a plain Netty WebSocket server with the gateway's shape (one I/O thread, one
 * thread that renders each message once and writes it to every client, then flushes) broadcasting a price
 * message of the gateway's size, stamped with {@code gt} when rendered, at a given rate. No journal, no
 * subscriptions, no throttle: what the same clients see of the same frames with nothing of tickwire between.
 */
final class BareBroadcast implements AutoCloseable
{
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1,
        new DefaultThreadFactory("bare-io", true), NioIoHandler.newFactory());
    private final List<Channel> clients = new CopyOnWriteArrayList<>();
    private final Channel server;
    private final Thread broadcaster;
    private volatile boolean running = true;

    /** @param perSecond messages a second to every client */
    BareBroadcast(final double perSecond)
    {
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
            .childHandler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel ch)
                {
                    ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 16),
                        new WebSocketServerProtocolHandler("/ws"), new SimpleChannelInboundHandler<WebSocketFrame>()
                        {
                            @Override
                            public void userEventTriggered(final ChannelHandlerContext ctx, final Object evt)
                                throws Exception
                            {
                                if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete)
                                {
                                    clients.add(ctx.channel());
                                }
                                super.userEventTriggered(ctx, evt);
                            }

                            @Override
                            protected void channelRead0(final ChannelHandlerContext ctx, final WebSocketFrame frame)
                            {
                                // the clients' subscribe requests: everyone gets everything here
                            }

                            @Override
                            public void channelInactive(final ChannelHandlerContext ctx) throws Exception
                            {
                                clients.remove(ctx.channel());
                                super.channelInactive(ctx);
                            }

                            @Override
                            public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
                            {
                                ctx.close(); // a client gone mid-write: only that connection ends
                            }
                        });
                }
            })
            .bind("127.0.0.1", 0).syncUninterruptibly().channel();
        final long periodNanos = (long)(1e9 / perSecond);
        broadcaster = new Thread(() -> broadcast(periodNanos), "bare-broadcaster");
        broadcaster.setDaemon(true);
        broadcaster.start();
    }

    String url()
    {
        return "ws://127.0.0.1:" + ((InetSocketAddress)server.localAddress()).getPort() + "/ws";
    }

    private void broadcast(final long periodNanos)
    {
        long seq = 0;
        long next = System.nanoTime();
        while (running)
        {
            next += periodNanos;
            final byte[] text = ("{\"seq\":" + ++seq + ",\"js\":" + seq + ",\"type\":\"price\",\"sym\":\"SPY\"," +
                "\"t\":1796052285251418849,\"rt\":1796052285251418849,\"price\":600.01,\"src\":\"tick\",\"gt\":" +
                EpochClock.INSTANCE.nanoTime() + "}").getBytes(StandardCharsets.US_ASCII);
            final ByteBuf frame = PooledByteBufAllocator.DEFAULT.directBuffer(text.length).writeBytes(text);
            for (final Channel c : clients)
            {
                if (c.isWritable())
                {
                    c.write(new TextWebSocketFrame(frame.retainedDuplicate()), c.voidPromise());
                }
            }
            frame.release();
            for (final Channel c : clients)
            {
                c.flush();
            }
            final long wait = next - System.nanoTime();
            if (wait > 0)
            {
                LockSupport.parkNanos(wait);
            }
        }
    }

    @Override
    public void close() throws InterruptedException
    {
        running = false;
        broadcaster.join(TimeUnit.SECONDS.toMillis(5));
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}

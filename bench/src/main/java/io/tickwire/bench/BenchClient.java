package io.tickwire.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket client for the harnesses: Netty, so a thousand of them share one event loop. Text frames go
 * to a {@link FrameListener} with their receive time (System.nanoTime), as the bytes Netty read — no
 * String per message.
 */
final class BenchClient implements AutoCloseable
{
    /** Called on the client's event loop for every text frame. */
    interface FrameListener
    {
        void onFrame(ByteBuf content, long receivedNanos);
    }

    private final Channel channel;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private volatile boolean closed;

    BenchClient(final EventLoopGroup group, final String url, final FrameListener listener)
    {
        final URI uri = URI.create(url);
        final BenchClient self = this;
        channel = new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .handler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel ch)
                {
                    ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 16),
                        new WebSocketClientProtocolHandler(WebSocketClientProtocolConfig.newBuilder()
                            .webSocketUri(uri).maxFramePayloadLength(1 << 24).build()),
                        new WebSocketFrameAggregator(1 << 24),
                        new SimpleChannelInboundHandler<WebSocketFrame>()
                        {
                            @Override
                            public void userEventTriggered(final ChannelHandlerContext ctx, final Object evt)
                                throws Exception
                            {
                                if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE)
                                {
                                    ready.complete(null);
                                }
                                super.userEventTriggered(ctx, evt);
                            }

                            @Override
                            protected void channelRead0(final ChannelHandlerContext ctx, final WebSocketFrame frame)
                            {
                                if (frame instanceof TextWebSocketFrame)
                                {
                                    listener.onFrame(frame.content(), System.nanoTime());
                                }
                            }

                            @Override
                            public void channelInactive(final ChannelHandlerContext ctx) throws Exception
                            {
                                self.closed = true;
                                ready.completeExceptionally(new IllegalStateException("closed before the handshake"));
                                super.channelInactive(ctx);
                            }
                        });
                }
            })
            .connect(uri.getHost(), uri.getPort())
            .syncUninterruptibly()
            .channel();
    }

    void awaitReady() throws Exception
    {
        ready.get(10, TimeUnit.SECONDS);
    }

    void send(final String text)
    {
        channel.writeAndFlush(new TextWebSocketFrame(text)).syncUninterruptibly();
    }

    /** Stop reading: the server's writes back up (a slow consumer). */
    void stopReading()
    {
        channel.config().setAutoRead(false);
    }

    boolean isClosed()
    {
        return closed;
    }

    @Override
    public void close()
    {
        channel.close().syncUninterruptibly();
    }

    /** Digits of a JSON string or number value after {@code key} (such as {@code "id":"}) from {@code from}, or -1. */
    static long longAfter(final ByteBuf b, final byte[] key, final int from)
    {
        final int at = indexOf(b, key, from);
        if (at < 0)
        {
            return -1;
        }
        long v = 0;
        int i = at + key.length;
        final int end = b.writerIndex();
        boolean any = false;
        while (i < end)
        {
            final byte c = b.getByte(i);
            if (c < '0' || c > '9')
            {
                break;
            }
            v = v * 10 + (c - '0');
            any = true;
            i++;
        }
        return any ? v : -1;
    }

    static int indexOf(final ByteBuf b, final byte[] key, final int from)
    {
        final int end = b.writerIndex() - key.length;
        outer:
        for (int i = Math.max(from, b.readerIndex()); i <= end; i++)
        {
            for (int k = 0; k < key.length; k++)
            {
                if (b.getByte(i + k) != key[k])
                {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

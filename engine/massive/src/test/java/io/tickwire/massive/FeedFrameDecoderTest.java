package io.tickwire.massive;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedFrameDecoderTest
{
    private static final long SEED = 1130L;

    /** What came out of the decoder, copied: the payload object is reused. */
    private final List<String> messages = new ArrayList<>();

    private EmbeddedChannel channel(final int maxMessageBytes)
    {
        return new EmbeddedChannel(new FeedFrameDecoder(maxMessageBytes), new ChannelInboundHandlerAdapter()
        {
            @Override
            public void channelRead(final ChannelHandlerContext ctx, final Object message)
            {
                if (message instanceof FeedFrameDecoder.Payload p)
                {
                    messages.add((p.text ? "text:" : "binary:") + new String(p.bytes, 0, p.length, StandardCharsets.UTF_8));
                }
                else
                {
                    messages.add(message.getClass().getSimpleName() + ":" +
                        ((io.netty.buffer.ByteBufHolder)message).content().toString(StandardCharsets.UTF_8));
                    ReferenceCountUtil.release(message);
                }
            }
        });
    }

    /** One unmasked server frame. */
    private static byte[] frame(final boolean fin, final int opcode, final byte[] payload)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write((fin ? 0x80 : 0) | opcode);
        if (payload.length < 126)
        {
            out.write(payload.length);
        }
        else if (payload.length < 65_536)
        {
            out.write(126);
            out.write(payload.length >> 8);
            out.write(payload.length & 0xFF);
        }
        else
        {
            out.write(127);
            for (int shift = 56; shift >= 0; shift -= 8)
            {
                out.write((int)((long)payload.length >> shift) & 0xFF);
            }
        }
        out.writeBytes(payload);
        return out.toByteArray();
    }

    private static byte[] text(final String s)
    {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldReadMessagesOfEveryLengthFormFragmentsAndControlFramesWhereverTheReadsSplit()
    {
        final String big = "x".repeat(70_000);
        final String mid = "y".repeat(300);
        final ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(frame(true, 1, text("[{\"ev\":\"T\"}]")));
        stream.writeBytes(frame(true, 1, text(mid)));
        stream.writeBytes(frame(true, 1, text(big)));
        stream.writeBytes(frame(false, 1, text("[{\"a\":")));
        stream.writeBytes(frame(true, 9, text("ping")));                       // a ping inside a fragmented message
        stream.writeBytes(frame(false, 0, text("1},")));
        stream.writeBytes(frame(true, 0, text("{\"b\":2}]")));
        stream.writeBytes(frame(true, 2, new byte[]{1, 2, 3}));
        stream.writeBytes(frame(true, 10, new byte[0]));
        final byte[] bytes = stream.toByteArray();
        final List<String> expected = List.of("text:[{\"ev\":\"T\"}]", "text:" + mid, "text:" + big,
            "PingWebSocketFrame:ping", "text:[{\"a\":1},{\"b\":2}]", "binary:\u0001\u0002\u0003", "PongWebSocketFrame:");
        System.out.println("FeedFrameDecoderTest seed " + SEED);
        final Random random = new Random(SEED);
        for (int round = 0; round < 200; round++)
        {
            messages.clear();
            final EmbeddedChannel channel = channel(1 << 20);
            int at = 0;
            while (at < bytes.length) // the stream in reads of random sizes, from one byte up
            {
                final int n = Math.min(bytes.length - at, 1 + random.nextInt(round % 2 == 0 ? 8 : 4_000));
                channel.writeInbound(Unpooled.wrappedBuffer(bytes, at, n));
                at += n;
            }
            assertEquals(expected, messages, "round " + round);
            assertFalse(channel.finish());
        }
    }

    @Test
    void shouldFailTheConnectionOnWhatAServerMustNotSend()
    {
        final byte[] masked = frame(true, 1, text("hi"));
        masked[1] |= (byte)0x80;
        final byte[] reserved = frame(true, 1, text("hi"));
        reserved[0] |= 0x40;
        final byte[] longForm = {(byte)0x81, 126, 0, 5, 'h', 'e', 'l', 'l', 'o'};
        for (final byte[] bad : new byte[][]{masked, reserved, longForm, frame(true, 3, text("x")),
            frame(false, 9, text("p")), frame(true, 0, text("orphan")), frame(true, 1, text("z".repeat(2_000)))})
        {
            messages.clear();
            final EmbeddedChannel channel = channel(1_000);
            final ByteBuf in = Unpooled.wrappedBuffer(bad);
            final DecoderException failure = assertThrows(DecoderException.class, () -> channel.writeInbound(in));
            assertTrue(messages.isEmpty(), failure.getMessage());
            // and nothing after it is read: the connection is being closed
            channel.writeInbound(Unpooled.wrappedBuffer(frame(true, 1, text("after"))));
            assertTrue(messages.isEmpty());
            channel.finishAndReleaseAll();
        }
        messages.clear();
        final EmbeddedChannel channel = channel(1_000);
        channel.writeInbound(Unpooled.wrappedBuffer(frame(false, 1, text("a"))));
        assertThrows(DecoderException.class,
            () -> channel.writeInbound(Unpooled.wrappedBuffer(frame(true, 1, text("a new message inside")))));
        channel.finishAndReleaseAll();
    }

    @Test
    void shouldAllocateNothingPerDataFrameInSteadyState()
    {
        final FeedFrameDecoder decoder = new FeedFrameDecoder(1 << 20);
        final ByteBuf frames = Unpooled.wrappedBuffer(frame(true, 1, SampleFrames.frame(32, 1_763_730_000_000L)));
        final List<Object> out = new ArrayList<>(4);
        for (int i = 0; i < 20_000; i++)
        {
            frames.readerIndex(0);
            decoder.decode(null, frames, out);
            out.clear();
        }
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)java.lang.management.ManagementFactory.getThreadMXBean();
        final long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 10_000; i++)
        {
            frames.readerIndex(0);
            decoder.decode(null, frames, out);
            assertEquals(1, out.size());
            out.clear();
        }
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 10_000, "allocated " + allocated + " bytes over 10,000 frames");
    }

    @Test
    void shouldHandControlFramesOnAsNettysFrames()
    {
        final EmbeddedChannel channel = new EmbeddedChannel(new FeedFrameDecoder(1_000));
        channel.writeInbound(Unpooled.wrappedBuffer(frame(true, 9, text("are you there"))));
        final Object ping = channel.readInbound();
        assertTrue(ping instanceof PingWebSocketFrame);
        assertEquals("are you there", ((PingWebSocketFrame)ping).content().toString(StandardCharsets.UTF_8));
        ReferenceCountUtil.release(ping);
        channel.writeInbound(Unpooled.wrappedBuffer(frame(true, 10, text("yes"))));
        final Object pong = channel.readInbound();
        assertTrue(pong instanceof PongWebSocketFrame);
        ReferenceCountUtil.release(pong);
        assertFalse(channel.finish());
    }
}

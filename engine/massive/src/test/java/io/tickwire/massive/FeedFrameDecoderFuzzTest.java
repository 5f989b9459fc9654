package io.tickwire.massive;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.util.ReferenceCountUtil;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No byte stream can hurt the feed's frame reader: whatever arrives, in reads of any size, it hands on whole
 * messages no longer than its limit, or fails the connection with a decoder exception and reads nothing more; it
 * never throws anything else and never hangs (Jazzer fails an input that runs past its timeout).
 */
class FeedFrameDecoderFuzzTest
{
    private static final int LIMIT = 4_096;

    @FuzzTest(maxDuration = "10s")
    void shouldSurviveAnyStream(final byte[] stream)
    {
        final int[] afterFailure = {0};
        final boolean[] failed = {false};
        final EmbeddedChannel channel = new EmbeddedChannel(new FeedFrameDecoder(LIMIT), new ChannelInboundHandlerAdapter()
        {
            @Override
            public void channelRead(final ChannelHandlerContext ctx, final Object message)
            {
                if (message instanceof FeedFrameDecoder.Payload p)
                {
                    assertTrue(p.length >= 0 && p.length <= LIMIT, "message of " + p.length + " bytes");
                }
                afterFailure[0] += failed[0] ? 1 : 0;
                ReferenceCountUtil.release(message);
            }
        });
        // the first byte picks the read size, so the fuzzer splits the same stream in many ways
        final int chunk = stream.length == 0 ? 1 : 1 + (stream[0] & 0x3F);
        for (int at = 0; at < stream.length; at += chunk)
        {
            try
            {
                channel.writeInbound(Unpooled.wrappedBuffer(stream, at, Math.min(chunk, stream.length - at)));
            }
            catch (final DecoderException expected)
            {
                failed[0] = true;
            }
        }
        assertTrue(afterFailure[0] == 0, "read on after the connection failed");
        channel.finishAndReleaseAll();
    }
}

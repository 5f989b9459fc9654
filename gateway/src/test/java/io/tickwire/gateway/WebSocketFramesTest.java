package io.tickwire.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameDecoder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebSocketFramesTest
{
    /** Each length-field form of RFC 6455, at and around its boundaries, read back by Netty's client decoder. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 125, 126, 127, 65_535, 65_536, 200_000})
    void shouldWriteFramesNettysClientDecoderReads(final int length)
    {
        final byte[] payload = new byte[length + 7]; // longer than the message: only `length` bytes go out
        for (int i = 0; i < payload.length; i++)
        {
            payload[i] = (byte)('a' + i % 26);
        }
        final ByteBuf frame = WebSocketFrames.frame(UnpooledByteBufAllocator.DEFAULT, payload, length);
        assertEquals(WebSocketFrames.headerLength(length) + length, frame.readableBytes());

        final EmbeddedChannel client = new EmbeddedChannel(new WebSocket08FrameDecoder(false, false, 1 << 20));
        assertTrue(client.writeInbound(frame));
        final TextWebSocketFrame decoded = client.readInbound();
        try
        {
            assertTrue(decoded.isFinalFragment());
            assertEquals(new String(Arrays.copyOf(payload, length), StandardCharsets.US_ASCII), decoded.text());
        }
        finally
        {
            decoded.release();
            client.finishAndReleaseAll();
        }
    }
}

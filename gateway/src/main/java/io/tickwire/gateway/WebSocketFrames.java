package io.tickwire.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Server-to-client WebSocket text and binary frames (RFC 6455 §5.2) written straight into one buffer: header
 * then payload, unmasked as a server's frames are. Netty's WebSocket encoder passes a plain ByteBuf through, so
 * the gateway sends each message without a frame object per message and without a second buffer for the
 * header. The gateway negotiates no extensions, so no frame needs compressing.
 */
final class WebSocketFrames
{
    private static final int FIN_TEXT = 0x81;
    private static final int FIN_BINARY = 0x82;

    private WebSocketFrames()
    {
    }

    /** A buffer holding a complete text frame with {@code length} bytes of {@code payload}. */
    static ByteBuf frame(final ByteBufAllocator allocator, final byte[] payload, final int length)
    {
        return write(allocator.buffer(headerLength(length) + length), payload, length);
    }

    /** A buffer holding a complete binary frame with {@code length} bytes of {@code payload} (an sbe desk's). */
    static ByteBuf binary(final ByteBufAllocator allocator, final byte[] payload, final int length)
    {
        return write(allocator.buffer(headerLength(length) + length), FIN_BINARY, payload, length);
    }

    /** Appends a complete text frame with {@code length} bytes of {@code payload} to {@code buf}. */
    static ByteBuf write(final ByteBuf buf, final byte[] payload, final int length)
    {
        return write(buf, FIN_TEXT, payload, length);
    }

    private static ByteBuf write(final ByteBuf buf, final int firstByte, final byte[] payload, final int length)
    {
        buf.writeByte(firstByte);
        if (length < 126)
        {
            buf.writeByte(length);
        }
        else if (length <= 0xFFFF)
        {
            buf.writeByte(126);
            buf.writeShort(length);
        }
        else
        {
            buf.writeByte(127);
            buf.writeLong(length);
        }
        buf.writeBytes(payload, 0, length);
        return buf;
    }

    static int headerLength(final int length)
    {
        return length < 126 ? 2 : length <= 0xFFFF ? 4 : 10;
    }
}

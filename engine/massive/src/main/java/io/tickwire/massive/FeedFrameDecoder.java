package io.tickwire.massive;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;

import java.util.List;

/**
 * The feed socket's WebSocket frames (RFC 6455, server to client), read without an object per frame: a data
 * message's payload — one frame, or a fragmented message's frames joined — is copied into one reused
 * {@link Payload} and handed on; Netty's own decoder made a frame object and a buffer slice per feed frame, most
 * of the ingest thread's garbage (docs/benchmarks.md). Control frames (ping, pong, close) are rare and go on as
 * Netty's frame objects, so the protocol handler after this one still answers pings and closes. A frame the RFC
 * forbids a server to send (masked, reserved bits or opcodes, a control frame fragmented or over 125 bytes, a
 * continuation out of place, a length not in its shortest form) or a message over {@code maxMessageBytes} fails the
 * connection: the exception reaches the pipeline's last handler, which closes it and the session reconnects.
 * Installed in place of Netty's decoder once the handshake completes.
 */
final class FeedFrameDecoder extends ByteToMessageDecoder
{
    private static final int OP_CONTINUATION = 0;
    private static final int OP_TEXT = 1;
    private static final int OP_BINARY = 2;
    private static final int OP_CLOSE = 8;
    private static final int OP_PING = 9;
    private static final int OP_PONG = 10;
    private static final int MAX_CONTROL_PAYLOAD = 125;

    /** A data message's payload, reused for every message: valid only while it is being handled. */
    static final class Payload
    {
        byte[] bytes = new byte[1 << 16];
        int length;
        boolean text;
    }

    private final int maxMessageBytes;
    private final Payload payload = new Payload();
    /** The opcode of the message being joined from fragments, or -1 between messages. */
    private int fragmentedOpcode = -1;
    private boolean failed;

    FeedFrameDecoder(final int maxMessageBytes)
    {
        this.maxMessageBytes = maxMessageBytes;
    }

    /** At most one message per call: the payload is reused, and the caller hands each on before the next call. */
    @Override
    protected void decode(final ChannelHandlerContext ctx, final ByteBuf in, final List<Object> out)
    {
        if (failed)
        {
            in.skipBytes(in.readableBytes());
            return;
        }
        while (out.isEmpty())
        {
            final int start = in.readerIndex();
            final int readable = in.readableBytes();
            if (readable < 2)
            {
                return;
            }
            final int b0 = in.getUnsignedByte(start);
            final int b1 = in.getUnsignedByte(start + 1);
            final boolean fin = (b0 & 0x80) != 0;
            final int opcode = b0 & 0x0F;
            final int length7 = b1 & 0x7F;
            final int header = length7 == 126 ? 4 : length7 == 127 ? 10 : 2;
            if (readable < header)
            {
                return;
            }
            final long length = length7 == 126 ? in.getUnsignedShort(start + 2) : length7 == 127 ? in.getLong(start + 2) :
                length7;
            check(b0, b1, fin, opcode, length7, length);
            if (readable < header + length)
            {
                return;
            }
            in.skipBytes(header);
            if (opcode >= OP_CLOSE)
            {
                out.add(control(opcode, in.readRetainedSlice((int)length)));
            }
            else
            {
                data(in, fin, opcode, (int)length, out);
            }
        }
    }

    private void check(final int b0, final int b1, final boolean fin, final int opcode, final int length7,
        final long length)
    {
        if ((b0 & 0x70) != 0)
        {
            fail("reserved bits set (no extension was negotiated)");
        }
        if ((b1 & 0x80) != 0)
        {
            fail("a masked frame from the server");
        }
        if (opcode > OP_BINARY && opcode < OP_CLOSE || opcode > OP_PONG)
        {
            fail("reserved opcode " + opcode);
        }
        if (opcode >= OP_CLOSE && (!fin || length > MAX_CONTROL_PAYLOAD))
        {
            fail("a control frame fragmented or over 125 bytes");
        }
        if (length7 == 126 && length < 126 || length7 == 127 && length < 65_536)
        {
            fail("a frame length not in its shortest form");
        }
        if (opcode == OP_CONTINUATION ? fragmentedOpcode < 0 : opcode < OP_CLOSE && fragmentedOpcode >= 0)
        {
            fail(opcode == OP_CONTINUATION ? "a continuation frame with no message to continue" :
                "a new message inside a fragmented one");
        }
        final long total = (opcode == OP_CONTINUATION ? payload.length : 0) + length;
        if (opcode < OP_CLOSE && (length < 0 || total > maxMessageBytes))
        {
            failed = true;
            throw new TooLongFrameException("a feed message over feed.maxFrameBytes (" + maxMessageBytes + " bytes)");
        }
    }

    private void data(final ByteBuf in, final boolean fin, final int opcode, final int length, final List<Object> out)
    {
        final int from = opcode == OP_CONTINUATION ? payload.length : 0;
        if (opcode != OP_CONTINUATION)
        {
            payload.text = opcode == OP_TEXT;
        }
        if (from + length > payload.bytes.length)
        {
            final byte[] grown = new byte[Integer.highestOneBit(from + length) << 1];
            System.arraycopy(payload.bytes, 0, grown, 0, from);
            payload.bytes = grown;
        }
        in.readBytes(payload.bytes, from, length);
        payload.length = from + length;
        fragmentedOpcode = fin ? -1 : opcode == OP_CONTINUATION ? fragmentedOpcode : opcode;
        if (fin)
        {
            out.add(payload);
        }
    }

    private static Object control(final int opcode, final ByteBuf content)
    {
        return switch (opcode)
        {
            case OP_PING -> new PingWebSocketFrame(content);
            case OP_PONG -> new PongWebSocketFrame(content);
            default -> new CloseWebSocketFrame(true, 0, content);
        };
    }

    private void fail(final String why)
    {
        failed = true;
        throw new CorruptedFrameException("Massive sent " + why);
    }
}

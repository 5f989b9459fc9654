package io.tickwire.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A desk that subscribes and then never reads: a plain socket speaking just enough WebSocket (the upgrade and
 * one masked text frame) with a small receive buffer, so the gateway's unsent bytes pile up as a slow
 * consumer's do.
 */
final class StalledDesk implements AutoCloseable
{
    private final Socket socket = new Socket();

    StalledDesk(final String webSocketUrl, final String request) throws IOException
    {
        final URI uri = URI.create(webSocketUrl);
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
        final OutputStream out = socket.getOutputStream();
        out.write(("GET " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() +
            "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: " +
            Base64.getEncoder().encodeToString("tickwire-stalled".getBytes(StandardCharsets.US_ASCII)) +
            "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        readUpgrade(socket.getInputStream());
        out.write(maskedText(request));
        out.flush();
    }

    private static void readUpgrade(final InputStream in) throws IOException
    {
        int matched = 0;
        final byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        while (matched < end.length)
        {
            final int b = in.read();
            if (b < 0)
            {
                throw new IOException("the gateway closed during the upgrade");
            }
            matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
        }
    }

    private static byte[] maskedText(final String text)
    {
        final byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        if (payload.length > 125)
        {
            throw new IllegalArgumentException("a short request only");
        }
        final byte[] mask = {0x11, 0x22, 0x33, 0x44};
        final byte[] frame = new byte[6 + payload.length];
        frame[0] = (byte)0x81; // FIN, text
        frame[1] = (byte)(0x80 | payload.length);
        System.arraycopy(mask, 0, frame, 2, 4);
        for (int i = 0; i < payload.length; i++)
        {
            frame[6 + i] = (byte)(payload[i] ^ mask[i % 4]);
        }
        return frame;
    }

    @Override
    public void close() throws IOException
    {
        socket.close();
    }
}

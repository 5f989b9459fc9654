package io.tickwire.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real WebSocket client over loopback (the JDK's), for tests: collects every text message with its
 * receive time, lets a test wait for a message that matches, and records how the connection ended.
 */
public final class WebSocketTestClient implements AutoCloseable
{
    /** A text message and when it arrived (System.nanoTime). */
    public record Message(String text, long receivedNanos)
    {
    }

    private final LinkedBlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<byte[]> binaries = new LinkedBlockingQueue<>();
    private final List<Message> all = new ArrayList<>();
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private WebSocketTestClient(final String url, final java.util.Map<String, String> headers)
    {
        final WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
            .connectTimeout(Duration.ofSeconds(5));
        headers.forEach(builder::header);
        socket = builder
            .buildAsync(URI.create(url), new Listener())
            .join();
    }

    public static WebSocketTestClient connect(final String url)
    {
        return new WebSocketTestClient(url, java.util.Map.of());
    }

    /** With request headers (Authorization, Origin) on the upgrade. */
    public static WebSocketTestClient connect(final String url, final java.util.Map<String, String> headers)
    {
        return new WebSocketTestClient(url, headers);
    }

    public void send(final String text)
    {
        socket.sendText(text, true).join();
    }

    public void sendBinary(final byte[] bytes)
    {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    /** Waits for the next message that matches, consuming those before it. */
    public Message await(final Predicate<String> match, final long timeoutMillis) throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true)
        {
            final long left = deadline - System.currentTimeMillis();
            final Message m = inbox.poll(Math.max(0, left), TimeUnit.MILLISECONDS);
            if (m == null)
            {
                throw new AssertionError("no matching message within " + timeoutMillis + " ms; received so far: " +
                    tail(all(), 10));
            }
            if (match.test(m.text()))
            {
                return m;
            }
        }
    }

    /** Waits for the next binary message (an sbe desk's frames), in order. */
    public byte[] awaitBinary(final long timeoutMillis) throws InterruptedException
    {
        final byte[] next = binaries.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        if (next == null)
        {
            throw new AssertionError("no binary message within " + timeoutMillis + " ms; text so far: " + tail(all(), 10));
        }
        return next;
    }

    /** Every message received so far, in order. */
    public List<Message> all()
    {
        synchronized (all)
        {
            return List.copyOf(all);
        }
    }

    /** Completes with a description of how the connection ended (close code, or the error). */
    public CompletableFuture<String> closed()
    {
        return closed;
    }

    @Override
    public void close()
    {
        socket.abort();
    }

    private static List<Message> tail(final List<Message> list, final int n)
    {
        return list.subList(Math.max(0, list.size() - n), list.size());
    }

    private final class Listener implements WebSocket.Listener
    {
        private final StringBuilder partial = new StringBuilder();
        private final java.io.ByteArrayOutputStream partialBinary = new java.io.ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onBinary(final WebSocket webSocket, final ByteBuffer data, final boolean last)
        {
            final byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            partialBinary.writeBytes(bytes);
            if (last)
            {
                binaries.add(partialBinary.toByteArray());
                partialBinary.reset();
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onText(final WebSocket webSocket, final CharSequence data, final boolean last)
        {
            partial.append(data);
            if (last)
            {
                final Message m = new Message(partial.toString(), System.nanoTime());
                partial.setLength(0);
                synchronized (all)
                {
                    all.add(m);
                }
                inbox.add(m);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(final WebSocket webSocket, final int statusCode, final String reason)
        {
            closed.complete("close " + statusCode + (reason.isEmpty() ? "" : " " + reason));
            return null;
        }

        @Override
        public void onError(final WebSocket webSocket, final Throwable error)
        {
            closed.complete("error " + error);
        }
    }
}

package io.tickwire.client;

import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * One connection's socket callbacks, handed to the client's thread as whole messages; those of a connection the
 * client has since replaced are dropped there, so a late callback of a dead socket changes nothing.
 */
final class SocketCallbacks implements WebSocket.Listener
{
    private final int id;
    private final Executor clientThread;
    private final IntSupplier current;
    private final Consumer<String> onMessage;
    private final Consumer<String> onDropped;
    /** A message's parts so far: touched on the client's thread only. */
    private final StringBuilder partial = new StringBuilder();

    /**
     * @param id        this connection's number
     * @param current   the client's current connection number (read on its thread)
     * @param onMessage a whole text message
     * @param onDropped why the connection ended
     */
    SocketCallbacks(final int id, final Executor clientThread, final IntSupplier current,
        final Consumer<String> onMessage, final Consumer<String> onDropped)
    {
        this.id = id;
        this.clientThread = clientThread;
        this.current = current;
        this.onMessage = onMessage;
        this.onDropped = onDropped;
    }

    @Override
    public CompletionStage<?> onText(final WebSocket webSocket, final CharSequence data, final boolean last)
    {
        final String chunk = data.toString();
        clientThread.execute(() ->
        {
            if (id == current.getAsInt())
            {
                partial.append(chunk);
                if (last)
                {
                    final String text = partial.toString();
                    partial.setLength(0);
                    onMessage.accept(text);
                }
            }
        });
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(final WebSocket webSocket, final int statusCode, final String reason)
    {
        ifCurrent("closed by the gateway: " + statusCode + " " + reason);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void onError(final WebSocket webSocket, final Throwable error)
    {
        ifCurrent("connection failed: " + error);
    }

    private void ifCurrent(final String reason)
    {
        clientThread.execute(() ->
        {
            if (id == current.getAsInt())
            {
                onDropped.accept(reason);
            }
        });
    }
}

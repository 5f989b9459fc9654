package io.tickwire.gateway;

import io.netty.buffer.ByteBuf;
import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;

/**
 * A window onto the gateway's per-message work for the benchmarks (bench module), without opening the
 * package's classes to everyone: rendering a record, filling a Netty buffer, the price throttle.
 */
public final class GatewayBenchmarkAccess
{
    private final SymbolNames names = new SymbolNames();
    private final JsonRenderer renderer = new JsonRenderer(names);
    private final JsonOut body = new JsonOut();
    private final JsonOut message = new JsonOut();
    private final ClientSession session = new ClientSession(null, 1, 8, new TokenBucket(1, 0));
    private long seq;

    public GatewayBenchmarkAccess(final String ticker)
    {
        names.define(1, ticker);
    }

    /** Allocates: for setting a benchmark up. */
    public String renderTrade(final DirectBuffer record)
    {
        renderer.trade(record, 0, false, body.reset());
        return new String(body.buffer.byteArray(), 0, body.length, StandardCharsets.US_ASCII);
    }

    /**
     * What the conductor does per message and subscriber: body, seq prefix, WebSocket frame, into a Netty
     * buffer (the caller's, so the benchmark sees tickwire's work apart from Netty's pool).
     */
    public int renderIntoNettyBuffer(final DirectBuffer record, final ByteBuf target)
    {
        renderer.trade(record, 0, false, body.reset());
        message.reset().raw("{\"seq\":").number(++seq).ch(',');
        message.buffer.putBytes(message.length, body.buffer, 0, body.length);
        message.length += body.length;
        target.clear();
        return WebSocketFrames.write(target, message.buffer.byteArray(), message.length).readableBytes();
    }

    public boolean admitPrice(final int symbolId, final long nowNanos)
    {
        final boolean admitted = session.admitPrice(symbolId, nowNanos, 250_000_000L);
        if (!admitted && session.pendingPrices.size() > 32)
        {
            session.pendingPrices.clear(); // stands for the flush loop, which empties it every duty cycle
        }
        return admitted;
    }
}

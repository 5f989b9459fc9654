package io.tickwire.simulator;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;

/** Swallows WebSocket pings while the ignore-pings fault is on, so no pong goes back; passes everything else on. */
final class PingFilter extends ChannelInboundHandlerAdapter
{
    private final SimulatorFaults faults;

    PingFilter(final SimulatorFaults faults)
    {
        this.faults = faults;
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object message)
    {
        if (message instanceof PingWebSocketFrame && faults.ignorePings)
        {
            ((PingWebSocketFrame)message).release();
        }
        else
        {
            ctx.fireChannelRead(message);
        }
    }
}

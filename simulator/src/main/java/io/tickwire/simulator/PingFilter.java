package io.tickwire.simulator;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;

/** Swallows WebSocket pings while the ignore-pings fault is on, so no pong goes back. */
final class PingFilter extends SimpleChannelInboundHandler<PingWebSocketFrame>
{
    private final SimulatorFaults faults;

    PingFilter(final SimulatorFaults faults)
    {
        super(false);
        this.faults = faults;
    }

    @Override
    protected void channelRead0(final ChannelHandlerContext ctx, final PingWebSocketFrame ping)
    {
        if (faults.ignorePings)
        {
            ping.release();
        }
        else
        {
            ctx.fireChannelRead(ping);
        }
    }
}

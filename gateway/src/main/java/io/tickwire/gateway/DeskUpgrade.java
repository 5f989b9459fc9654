package io.tickwire.gateway;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The door to the WebSocket and the setup commands, on the I/O thread: a browser page from an origin not
 * allowed is refused (403); a key in the request ({@code ?key=}, {@code Authorization: Bearer}) is checked
 * (401 if unknown; 429 once the address failed too often) and the connection remembers its key. A WebSocket
 * without a key is let in to send an {@code auth} message; on an open gateway every connection is the open
 * key. Anything else passes on untouched.
 */
final class DeskUpgrade extends ChannelInboundHandlerAdapter
{
    /** The key a connection authenticated with; absent until it has. */
    static final AttributeKey<DeskKey> KEY = AttributeKey.valueOf("tickwire.deskKey");
    /** The connection asked for binary SBE ({@code ?encoding=sbe}). */
    static final AttributeKey<Boolean> SBE = AttributeKey.valueOf("tickwire.sbe");

    private final DeskAccess access;

    DeskUpgrade(final DeskAccess access)
    {
        this.access = access;
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        if (msg instanceof FullHttpRequest request && isGuarded(new QueryStringDecoder(request.uri()).path()))
        {
            final String refusal = admit(ctx, request);
            if (refusal != null)
            {
                HttpEndpoints.respond(ctx, request, HttpResponseStatus.valueOf(Integer.parseInt(refusal.substring(0, 3))),
                    "{\"error\":" + JsonOut.quoted(refusal.substring(4)) + "}");
                ReferenceCountUtil.release(request);
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    private static boolean isGuarded(final String path)
    {
        return path.equals(GatewayServer.WEBSOCKET_PATH) || path.equals("/setups") || path.startsWith("/setups/");
    }

    /** @return "STATUS reason" when refused; null when the request goes on (with its key, if it had one) */
    private String admit(final ChannelHandlerContext ctx, final HttpRequest request)
    {
        final java.util.List<String> encoding = new QueryStringDecoder(request.uri()).parameters().get("encoding");
        if (encoding != null && !encoding.isEmpty())
        {
            if (!encoding.get(0).equals("sbe") && !encoding.get(0).equals("json"))
            {
                return "400 encoding is json (the default) or sbe, not " + encoding.get(0);
            }
            ctx.channel().attr(SBE).set(encoding.get(0).equals("sbe"));
        }
        if (!access.originAllowed(request))
        {
            return "403 origin " + request.headers().get(HttpHeaderNames.ORIGIN) +
                " is not allowed (gateway.allowedOrigins)";
        }
        if (access.open())
        {
            ctx.channel().attr(KEY).set(access.authenticate(null));
            return null;
        }
        final String secret = DeskAccess.secret(request);
        final InetAddress from = ((InetSocketAddress)ctx.channel().remoteAddress()).getAddress();
        final long now = System.nanoTime();
        if (secret == null)
        {
            return null; // a WebSocket may still send {"op":"auth"}; an HTTP command is refused further on
        }
        if (!access.mayTry(from, now))
        {
            return "429 too many failed authentications from this address (gateway.authFailuresPerMinute)";
        }
        final DeskKey key = access.authenticate(secret);
        if (key == null)
        {
            access.failed(from, now);
            return "401 unknown key";
        }
        ctx.channel().attr(KEY).set(key);
        return null;
    }
}

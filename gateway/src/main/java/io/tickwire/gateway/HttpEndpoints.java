package io.tickwire.gateway;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Plain HTTP on the gateway's port: /health (200, or 503 with every reason), /ready (200 once the node can serve
 * desks, else 503), /stats, GET/POST /setups and DELETE /setups/ID, as JSON; 404 for anything else. Each reply
 * closes its connection.
 */
final class HttpEndpoints extends SimpleChannelInboundHandler<FullHttpRequest>
{
    private final GatewayServer server;

    HttpEndpoints(final GatewayServer server)
    {
        this.server = server;
    }

    @Override
    protected void channelRead0(final ChannelHandlerContext ctx, final FullHttpRequest request)
    {
        final String path = request.uri().replaceAll("\\?.*$", "");
        final HttpResponseStatus status;
        final String body;
        if (path.equals("/setups") && request.method() == HttpMethod.GET)
        {
            final CompletableFuture<String> reply = new CompletableFuture<>();
            server.setupsJson(reply);
            reply.thenAccept((json) -> respond(ctx, request, HttpResponseStatus.OK, json));
            return;
        }
        if (path.equals("/setups") && request.method() == HttpMethod.POST ||
            path.startsWith("/setups/") && request.method() == HttpMethod.DELETE)
        {
            final String[] result = server.setupCommand(request, path);
            respond(ctx, request, HttpResponseStatus.valueOf(Integer.parseInt(result[0])), result[1]);
            return;
        }
        if (request.method() != HttpMethod.GET)
        {
            status = HttpResponseStatus.METHOD_NOT_ALLOWED;
            body = "{\"error\":\"only GET\"}";
        }
        else if (path.equals("/health"))
        {
            final List<String> problems = server.problems();
            status = problems.isEmpty() ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE;
            body = server.healthJson(problems);
        }
        else if (path.equals("/ready"))
        {
            final boolean ready = server.ready();
            status = ready ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE;
            body = "{\"ready\":" + ready + "}";
        }
        else if (path.equals("/stats"))
        {
            status = HttpResponseStatus.OK;
            body = server.statsJson();
        }
        else
        {
            status = HttpResponseStatus.NOT_FOUND;
            body = "{\"error\":\"not found\",\"paths\":[\"/health\",\"/ready\",\"/stats\",\"/setups\",\"" +
                GatewayServer.WEBSOCKET_PATH + "\"]}";
        }
        respond(ctx, request, status, body);
    }

    private static void respond(final ChannelHandlerContext ctx, final FullHttpRequest request,
        final HttpResponseStatus status, final String body)
    {
        final FullHttpResponse response = new DefaultFullHttpResponse(request.protocolVersion(), status,
            Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        // said, not only done: a client that pools connections must not reuse one being closed
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}

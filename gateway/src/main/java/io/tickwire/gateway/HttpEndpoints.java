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
import io.netty.handler.codec.http.QueryStringDecoder;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Plain HTTP on the gateway's port: /health (200, or 503 with every reason), /ready (200 once the node can serve
 * desks, else 503), /stats, GET/POST /setups and DELETE /setups/ID, as JSON; /metrics for Prometheus; the desk
 * page at / with its files; 404 for anything else. Each reply closes its connection.
 */
final class HttpEndpoints extends SimpleChannelInboundHandler<FullHttpRequest>
{
    /** GET /setups pages: {@code ?limit=} (default, at most) and {@code ?after=ID} for the next page. */
    static final int DEFAULT_SETUPS_PAGE = 1_000;
    static final int MAX_SETUPS_PAGE = 10_000;

    /** The desk page's files, read once per process. */
    private static final DeskPage PAGE = new DeskPage();

    private final GatewayServer server;

    HttpEndpoints(final GatewayServer server)
    {
        this.server = server;
    }

    @Override
    protected void channelRead0(final ChannelHandlerContext ctx, final FullHttpRequest request)
    {
        final QueryStringDecoder query = new QueryStringDecoder(request.uri());
        final String path = query.path();
        final HttpResponseStatus status;
        final String body;
        final String setupsRefusal = path.equals("/setups") || path.startsWith("/setups/") ?
            setupsRefusal(ctx.channel().attr(DeskUpgrade.KEY).get(), request) : null;
        if (setupsRefusal != null)
        {
            respond(ctx, request, HttpResponseStatus.valueOf(Integer.parseInt(setupsRefusal.substring(0, 3))),
                "{\"error\":" + JsonOut.quoted(setupsRefusal.substring(4)) + "}");
            return;
        }
        final DeskKey key = ctx.channel().attr(DeskUpgrade.KEY).get();
        final DeskPage.File page = PAGE.get(path); // null for every path that is not the page's
        if (path.equals("/setups") && request.method() == HttpMethod.GET)
        {
            final CompletableFuture<String> reply = new CompletableFuture<>();
            server.setupsJson(number(query, "after", 0, Long.MAX_VALUE, 0),
                (int)number(query, "limit", 1, MAX_SETUPS_PAGE, DEFAULT_SETUPS_PAGE), key, reply);
            reply.thenAccept((json) -> respond(ctx, request, HttpResponseStatus.OK, json));
            return;
        }
        if (path.equals("/setups") && request.method() == HttpMethod.POST ||
            path.startsWith("/setups/") && request.method() == HttpMethod.DELETE)
        {
            request.retain(); // answered later, when the engine's verdict (or the wait's end) comes
            server.setupCommands().handle(request, path, ((InetSocketAddress)ctx.channel().remoteAddress()).getAddress(),
                    key)
                .whenComplete((reply, ex) ->
                {
                    if (reply != null)
                    {
                        respond(ctx, request, HttpResponseStatus.valueOf(reply.status()), reply.body());
                    }
                    else
                    {
                        respond(ctx, request, HttpResponseStatus.INTERNAL_SERVER_ERROR,
                            "{\"error\":" + JsonOut.quoted(String.valueOf(ex)) + "}");
                    }
                    request.release();
                });
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
        else if (path.equals("/metrics"))
        {
            respond(ctx, request, HttpResponseStatus.OK, server.metrics().render(), PrometheusMetrics.CONTENT_TYPE);
            return;
        }
        else if (page != null)
        {
            respond(ctx, request, HttpResponseStatus.OK, page.bytes(), page.contentType());
            return;
        }
        else
        {
            status = HttpResponseStatus.NOT_FOUND;
            body = "{\"error\":\"not found\",\"paths\":[\"/\",\"/health\",\"/ready\",\"/stats\",\"/metrics\",\"/setups\",\"" +
                GatewayServer.WEBSOCKET_PATH + "\"]}";
        }
        respond(ctx, request, status, body);
    }

    /**
     * Setups are a key's own: reading them needs a key, commanding them the {@code setups} right, and a command's
     * body must be {@code application/json} — a cross-site form post ({@code text/plain}, sent by browsers without
     * asking) is refused. @return "STATUS reason", or null when allowed
     */
    private static String setupsRefusal(final DeskKey key, final FullHttpRequest request)
    {
        if (key == null)
        {
            return "401 setups need a key: Authorization: Bearer KEY, or ?key=KEY";
        }
        if (request.method() == HttpMethod.GET)
        {
            return null;
        }
        if (!key.setups())
        {
            return "403 key '" + key.name() + "' has no setups right";
        }
        final String type = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
        if (request.method() == HttpMethod.POST && (type == null ||
            !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")))
        {
            return "415 setup commands are application/json, not " + type;
        }
        return null;
    }

    /** A whole-number query parameter within [min, max]; the default when absent or not a number. */
    private static long number(final QueryStringDecoder query, final String name, final long min, final long max,
        final long absent)
    {
        final List<String> values = query.parameters().get(name);
        if (values == null || values.isEmpty())
        {
            return absent;
        }
        try
        {
            return Math.max(min, Math.min(max, Long.parseLong(values.get(0))));
        }
        catch (final NumberFormatException ex)
        {
            return absent;
        }
    }

    static void respond(final ChannelHandlerContext ctx, final FullHttpRequest request,
        final HttpResponseStatus status, final String body)
    {
        respond(ctx, request, status, body, "application/json");
    }

    static void respond(final ChannelHandlerContext ctx, final FullHttpRequest request,
        final HttpResponseStatus status, final String body, final String contentType)
    {
        respond(ctx, request, status, body.getBytes(StandardCharsets.UTF_8), contentType);
    }

    static void respond(final ChannelHandlerContext ctx, final FullHttpRequest request,
        final HttpResponseStatus status, final byte[] body, final String contentType)
    {
        final FullHttpResponse response = new DefaultFullHttpResponse(request.protocolVersion(), status,
            Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        // said, not only done: a client that pools connections must not reuse one being closed
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}

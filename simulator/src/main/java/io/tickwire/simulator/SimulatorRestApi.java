package io.tickwire.simulator;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Massive's REST API over the simulator's market history, answering with Massive's field names and units
 * (ns timestamps): /v2/last/trade, /v2/last/nbbo, /v3/trades and /v3/quotes with next_url pagination,
 * /v2/aggs minute and second bars, /v3/snapshot/indices. Plus /_simulator/faults/NAME?... to inject faults
 * from a shell (curl -X POST).
 */
final class SimulatorRestApi
{
    private static final long MS = RestJson.MS;
    private static final int DEFAULT_LIMIT = 1000;
    private static final int MAX_LIMIT = 50_000;

    private final MassiveSimulator simulator;
    private final FaultEndpoint faults;

    SimulatorRestApi(final MassiveSimulator simulator)
    {
        this.faults = new FaultEndpoint(simulator);
        this.simulator = simulator;
    }

    void handle(final ChannelHandlerContext ctx, final FullHttpRequest request)
    {
        final QueryStringDecoder query = new QueryStringDecoder(request.uri());
        final String[] path = query.path().replaceAll("^/+", "").split("/");
        final Map<String, List<String>> params = query.parameters();
        final boolean keepAlive = HttpUtil.isKeepAlive(request); // as Massive's servers: keep-alive when asked
        try
        {
            if (path[0].equals("_simulator"))
            {
                reply(ctx, keepAlive, HttpResponseStatus.OK, faults.apply(path.length > 2 ? path[2] : "", params));
                return;
            }
            if (!authorized(request, params))
            {
                reply(ctx, keepAlive, HttpResponseStatus.UNAUTHORIZED, "{\"status\":\"ERROR\",\"error\":\"Unknown API Key\"}");
                return;
            }
            simulator.restRequests.incrementAndGet();
            final String host = "http://" + request.headers().get(HttpHeaderNames.HOST, "127.0.0.1");
            if (path.length == 4 && path[0].equals("v2") && path[1].equals("last") && path[2].equals("trade"))
            {
                reply(ctx, keepAlive, HttpResponseStatus.OK, lastTrade(path[3]));
            }
            else if (path.length == 4 && path[0].equals("v2") && path[1].equals("last") && path[2].equals("nbbo"))
            {
                reply(ctx, keepAlive, HttpResponseStatus.OK, lastQuote(path[3]));
            }
            else if (path.length == 3 && path[0].equals("v3") && (path[1].equals("trades") || path[1].equals("quotes")))
            {
                reply(ctx, keepAlive, HttpResponseStatus.OK, history(host, path[1], path[2], params));
            }
            else if (path.length == 9 && path[0].equals("v2") && path[1].equals("aggs") && path[2].equals("ticker") &&
                path[4].equals("range"))
            {
                reply(ctx, keepAlive, HttpResponseStatus.OK, aggregates(path[3], Integer.parseInt(path[5]), path[6], path[7],
                    path[8], "desc".equals(QueryParams.first(params, "sort", "asc"))));
            }
            else if (path.length == 3 && path[0].equals("v3") && path[1].equals("snapshot") && path[2].equals("indices"))
            {
                reply(ctx, keepAlive, HttpResponseStatus.OK, indices(params));
            }
            else
            {
                reply(ctx, keepAlive, HttpResponseStatus.NOT_FOUND, "{\"status\":\"NOT_FOUND\",\"message\":\"no such endpoint\"}");
            }
        }
        catch (final RuntimeException ex)
        {
            reply(ctx, keepAlive, HttpResponseStatus.BAD_REQUEST, "{\"status\":\"ERROR\",\"error\":" + RestJson.quoted(ex.toString()) + "}");
        }
    }

    private boolean authorized(final FullHttpRequest request, final Map<String, List<String>> params)
    {
        final String key = simulator.settings().apiKey;
        final String header = request.headers().get(HttpHeaderNames.AUTHORIZATION, "");
        return header.equals("Bearer " + key) || key.equals(QueryParams.first(params, "apiKey", null));
    }

    private String lastTrade(final String ticker)
    {
        final GroundTruth.Trade t = simulator.history().lastTrade(ticker);
        if (t == null)
        {
            return "{\"status\":\"NOT_FOUND\",\"request_id\":\"sim\"}";
        }
        final StringBuilder sb = new StringBuilder("{\"status\":\"OK\",\"request_id\":\"sim\",\"results\":{\"T\":")
            .append(RestJson.quoted(ticker));
        if (t.tradeId() != null)
        {
            sb.append(",\"i\":").append(RestJson.quoted(t.tradeId()));
        }
        sb.append(",\"x\":").append(t.exchange()).append(",\"p\":").append(RestJson.decimal(t.price()))
            .append(",\"s\":").append(RestJson.decimal(t.size())).append(",\"t\":").append(t.timeMillis() * MS)
            .append(",\"y\":").append(t.timeMillis() * MS).append(",\"q\":").append(t.sequence());
        if (t.trfId() != 0)
        {
            sb.append(",\"r\":").append(t.trfId()).append(",\"f\":").append(t.timeMillis() * MS);
        }
        RestJson.conditions(sb, "c", t.conditions());
        return sb.append("}}").toString();
    }

    private String lastQuote(final String ticker)
    {
        final GroundTruth.Quote q = simulator.history().lastQuote(ticker);
        if (q == null)
        {
            return "{\"status\":\"NOT_FOUND\",\"request_id\":\"sim\"}";
        }
        return "{\"status\":\"OK\",\"request_id\":\"sim\",\"results\":{\"T\":" + RestJson.quoted(ticker) +
            ",\"p\":" + RestJson.decimal(q.bidPrice()) + ",\"s\":" + RestJson.decimal(q.bidSize()) + ",\"x\":" + q.bidExchange() +
            ",\"P\":" + RestJson.decimal(q.askPrice()) + ",\"S\":" + RestJson.decimal(q.askSize()) + ",\"X\":" + q.askExchange() +
            ",\"t\":" + q.timeMillis() * MS + ",\"y\":" + q.timeMillis() * MS + ",\"q\":" + q.sequence() + "}}";
    }

    /** Bars from the trade history: v, vw, o, c, h, l, t (window start, ms), n, as Massive's aggregates. */
    /** @param newestFirst Massive's {@code sort=desc}; its default is oldest first */
    private String aggregates(final String ticker, final int multiplier, final String timespan, final String from,
        final String to, final boolean newestFirst)
    {
        final long unit = switch (timespan)
        {
            case "second" -> 1000;
            case "minute" -> 60_000;
            case "hour" -> 3_600_000;
            case "day" -> 86_400_000;
            default -> 0;
        };
        if (unit == 0 || multiplier < 1)
        {
            throw new IllegalArgumentException("timespan must be second, minute, hour or day with a positive multiplier");
        }
        final long window = unit * multiplier;
        final long fromMillis = millis(from, false);
        final long toMillis = millis(to, true);
        final java.util.TreeMap<Long, long[]> bars = new java.util.TreeMap<>();
        final java.util.Map<Long, Double> notional = new java.util.HashMap<>();
        for (final GroundTruth.Trade t : simulator.history().trades(ticker))
        {
            if (t.timeMillis() < fromMillis || t.timeMillis() > toMillis)
            {
                continue;
            }
            final long start = unit == 86_400_000 ? dayStart(t.timeMillis(), multiplier) : t.timeMillis() / window * window;
            final long[] b = bars.computeIfAbsent(start, (k) -> new long[]{t.price(), t.price(), t.price(), 0, 0, 0,
                Long.MAX_VALUE, Long.MIN_VALUE});
            if (t.timeMillis() < b[6])
            {
                b[0] = t.price();
                b[6] = t.timeMillis();
            }
            if (t.timeMillis() >= b[7])
            {
                b[3] = t.price();
                b[7] = t.timeMillis();
            }
            b[1] = Math.max(b[1], t.price());
            b[2] = Math.min(b[2], t.price());
            b[4] += t.size();
            b[5]++;
            notional.merge(start, t.price() / (double)SimulatedMarket.SCALE * (t.size() / (double)SimulatedMarket.SCALE),
                Double::sum);
        }
        final StringBuilder sb = new StringBuilder("{\"ticker\":").append(RestJson.quoted(ticker))
            .append(",\"status\":\"OK\",\"adjusted\":true,\"request_id\":\"sim\",\"resultsCount\":")
            .append(bars.size()).append(",\"results\":[");
        boolean first = true;
        for (final Map.Entry<Long, long[]> e : newestFirst ? bars.descendingMap().entrySet() : bars.entrySet())
        {
            final long[] b = e.getValue();
            final long vwap = Math.round(notional.get(e.getKey()) / (b[4] / (double)SimulatedMarket.SCALE) *
                SimulatedMarket.SCALE);
            sb.append(first ? "" : ",").append("{\"v\":").append(RestJson.decimal(b[4])).append(",\"vw\":").append(RestJson.decimal(vwap))
                .append(",\"o\":").append(RestJson.decimal(b[0])).append(",\"c\":").append(RestJson.decimal(b[3]))
                .append(",\"h\":").append(RestJson.decimal(b[1])).append(",\"l\":").append(RestJson.decimal(b[2]))
                .append(",\"t\":").append(e.getKey()).append(",\"n\":").append(b[5]).append('}');
            first = false;
        }
        return sb.append("]}").toString();
    }

    /** Day bars start at midnight US/Eastern, as Massive's do (multi-day bars: every {@code days} days). */
    private static long dayStart(final long millis, final int days)
    {
        final java.time.ZoneId newYork = java.time.ZoneId.of("America/New_York");
        final java.time.LocalDate date = java.time.Instant.ofEpochMilli(millis).atZone(newYork).toLocalDate();
        final long epochDay = Math.floorDiv(date.toEpochDay(), days) * days;
        return java.time.LocalDate.ofEpochDay(epochDay).atStartOfDay(newYork).toInstant().toEpochMilli();
    }

    /** ms since the epoch, or a date (YYYY-MM-DD: its start, or its end when {@code endOfDay}). */
    private static long millis(final String value, final boolean endOfDay)
    {
        if (value.length() == 10 && value.charAt(4) == '-')
        {
            final long start = java.time.LocalDate.parse(value).atStartOfDay(java.time.ZoneOffset.UTC).toEpochSecond() * 1000;
            return endOfDay ? start + 86_399_999L : start;
        }
        return Long.parseLong(value);
    }

    private static final Map<String, String> INDEX_NAMES = Map.of("I:SPX", "Standard & Poor's 500", "I:NDX",
        "Nasdaq-100");

    private String indices(final Map<String, List<String>> params)
    {
        final StringBuilder sb = new StringBuilder("{\"status\":\"OK\",\"request_id\":\"sim\",\"results\":[");
        boolean first = true;
        for (final String ticker : QueryParams.first(params, "ticker.any_of", "").split(","))
        {
            final GroundTruth.IndexValue v = simulator.history().lastIndexValue(ticker.trim());
            if (v != null)
            {
                // as Massive's indices snapshot: name, type, market status and the session so far
                sb.append(first ? "" : ",").append("{\"ticker\":").append(RestJson.quoted(v.ticker()))
                    .append(",\"name\":").append(RestJson.quoted(INDEX_NAMES.getOrDefault(v.ticker(), v.ticker())))
                    .append(",\"type\":\"indices\",\"market_status\":\"open\",\"value\":")
                    .append(RestJson.decimal(v.value())).append(",\"session\":{\"close\":").append(RestJson.decimal(v.value()))
                    .append("},\"last_updated\":").append(v.timeMillis() * MS)
                    .append(",\"timeframe\":\"REAL-TIME\"}");
                first = false;
            }
        }
        return sb.append("]}").toString();
    }

    private String history(final String host, final String kind, final String ticker, final Map<String, List<String>> params)
    {
        long from = Long.MIN_VALUE;
        long to = Long.MAX_VALUE;
        long afterNanos = Long.MIN_VALUE;
        long afterIndex = Long.MIN_VALUE;
        int limit = Math.min(MAX_LIMIT, Integer.parseInt(QueryParams.first(params, "limit", String.valueOf(DEFAULT_LIMIT))));
        final String cursor = QueryParams.first(params, "cursor", null);
        boolean descending = false;
        long skip = 0;
        if (cursor != null)
        {
            final String[] c = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split("\\|");
            from = Long.parseLong(c[0]);
            to = Long.parseLong(c[1]);
            limit = Integer.parseInt(c[2]);
            afterNanos = Long.parseLong(c[3]);
            afterIndex = Long.parseLong(c[4]);
            descending = c.length > 5;
            skip = descending ? Long.parseLong(c[5]) : 0;
        }
        else
        {
            final String order = QueryParams.first(params, "order", "desc"); // Massive's default: newest first
            if (!order.equals("asc") && !order.equals("desc"))
            {
                throw new IllegalArgumentException("order must be asc or desc");
            }
            descending = order.equals("desc");
            from = Math.max(from, bound(params, "timestamp.gte", Long.MIN_VALUE, 0));
            from = Math.max(from, bound(params, "timestamp.gt", Long.MIN_VALUE, 1));
            to = Math.min(to, bound(params, "timestamp.lt", Long.MAX_VALUE, 0));
            to = Math.min(to, bound(params, "timestamp.lte", Long.MAX_VALUE, 1));
        }
        final boolean trades = kind.equals("trades");
        final List<? extends MarketHistory.Entry<?>> page;
        if (descending) // newest first: the window's entries reversed, paged by how many were already served
        {
            final List<? extends MarketHistory.Entry<?>> all = trades ?
                simulator.history().trades(ticker, from, to, Long.MIN_VALUE, Long.MIN_VALUE, Integer.MAX_VALUE) :
                simulator.history().quotes(ticker, from, to, Long.MIN_VALUE, Long.MIN_VALUE, Integer.MAX_VALUE);
            final List<MarketHistory.Entry<?>> reversed = new java.util.ArrayList<>(all);
            java.util.Collections.reverse(reversed);
            page = reversed.subList((int)Math.min(skip, reversed.size()),
                (int)Math.min(skip + limit + 1, reversed.size()));
        }
        else
        {
            page = trades ? simulator.history().trades(ticker, from, to, afterNanos, afterIndex, limit + 1) :
                simulator.history().quotes(ticker, from, to, afterNanos, afterIndex, limit + 1);
        }
        final StringBuilder sb = new StringBuilder("{\"status\":\"OK\",\"request_id\":\"sim\",\"results\":[");
        final int n = Math.min(limit, page.size());
        for (int i = 0; i < n; i++)
        {
            sb.append(i == 0 ? "" : ",");
            if (trades)
            {
                RestJson.trade(sb, (GroundTruth.Trade)page.get(i).value(), tapeOf(ticker));
            }
            else
            {
                RestJson.quote(sb, (GroundTruth.Quote)page.get(i).value(), tapeOf(ticker));
            }
        }
        sb.append(']');
        if (page.size() > limit)
        {
            final MarketHistory.Entry<?> last = page.get(limit - 1);
            final String next = from + "|" + to + "|" + limit + "|" + MarketHistory.nanos(last.value()) + "|" +
                last.index() + (descending ? "|" + (skip + limit) : "");
            sb.append(",\"next_url\":").append(RestJson.quoted(host + "/v3/" + kind + "/" + ticker + "?cursor=" +
                Base64.getUrlEncoder().withoutPadding().encodeToString(next.getBytes(StandardCharsets.US_ASCII))));
        }
        return sb.append('}').toString();
    }

    /** The instrument's SIP tape (1 NYSE, 2 other listed, 3 Nasdaq), as REST trades and quotes carry it; 0 none. */
    private int tapeOf(final String ticker)
    {
        for (final Instrument in : simulator.market().instruments())
        {
            if (in.ticker.equals(ticker))
            {
                return in.kind == Instrument.Kind.STOCK ? in.tape : 0;
            }
        }
        return 0;
    }

    /** A REST timestamp bound: ns, ms, or a date (YYYY-MM-DD); {@code exclusive} adds one ns. */
    private static long bound(final Map<String, List<String>> params, final String name, final long absent,
        final long adjust)
    {
        final String v = QueryParams.first(params, name, null);
        if (v == null)
        {
            return absent;
        }
        if (v.length() == 10 && v.charAt(4) == '-')
        {
            return java.time.LocalDate.parse(v).atStartOfDay(java.time.ZoneOffset.UTC).toEpochSecond() * 1_000_000_000L;
        }
        final long raw = Long.parseLong(v);
        final long nanos = raw < 100_000_000_000_000L ? raw * MS : raw;
        return nanos + adjust;
    }

    /** Keeps the connection open when the client asked for keep-alive; otherwise says it closes, and closes. */
    private static void reply(final ChannelHandlerContext ctx, final boolean keepAlive, final HttpResponseStatus status,
        final String body)
    {
        final FullHttpResponse response = new DefaultFullHttpResponse(io.netty.handler.codec.http.HttpVersion.HTTP_1_1,
            status, Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        if (keepAlive)
        {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(response);
        }
        else
        {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }
}

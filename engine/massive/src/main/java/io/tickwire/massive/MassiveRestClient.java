package io.tickwire.massive;

import io.tickwire.model.FixedPoint;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tickwire.model.event.EventType;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Massive's REST API, for the polling fallback and gap backfill: last trade, last NBBO, index snapshot, and
 * v3 trade/quote history followed page by page through next_url. Off the hot path: it allocates, and its
 * calls block the REST thread, never the ingest thread. Timestamps here are ns and parsed as longs.
 */
final class MassiveRestClient
{
    /** One page of history and where the next one is (null at the end). */
    record Page(List<RestEvent> events, String nextUrl)
    {
    }

    private static final JsonFactory JSON = new JsonFactory();

    private final String baseUrl;
    private final String apiKey;
    private final HttpClient http;

    MassiveRestClient(final String baseUrl, final String apiKey, final Executor executor)
    {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(executor).build();
    }

    RestEvent lastTrade(final String ticker) throws IOException, InterruptedException
    {
        final List<RestEvent> out = new ArrayList<>();
        parse(get(baseUrl + "/v2/last/trade/" + encode(ticker)), ticker, EventType.TRADE, out);
        return out.isEmpty() ? null : out.get(0);
    }

    RestEvent lastQuote(final String ticker) throws IOException, InterruptedException
    {
        final List<RestEvent> out = new ArrayList<>();
        parse(get(baseUrl + "/v2/last/nbbo/" + encode(ticker)), ticker, EventType.QUOTE, out);
        return out.isEmpty() ? null : out.get(0);
    }

    List<RestEvent> indexValues(final List<String> tickers) throws IOException, InterruptedException
    {
        final List<RestEvent> out = new ArrayList<>();
        parse(get(baseUrl + "/v3/snapshot/indices?ticker.any_of=" + encode(String.join(",", tickers))), null,
            EventType.INDEX_VALUE, out);
        return out;
    }

    /** The first page of trades (or quotes) with fromNanos <= t < toNanos, oldest first. */
    Page historyFirstPage(final String kind, final String ticker, final long fromNanos, final long toNanos)
        throws IOException, InterruptedException
    {
        return historyPage(baseUrl + "/v3/" + kind + "/" + encode(ticker) + "?timestamp.gte=" + fromNanos +
            "&timestamp.lt=" + toNanos + "&order=asc&sort=timestamp&limit=50000", kind, ticker);
    }

    Page historyPage(final String url, final String kind, final String ticker) throws IOException, InterruptedException
    {
        final List<RestEvent> out = new ArrayList<>();
        final String next = parse(get(url), ticker, kind.equals("trades") ? EventType.TRADE : EventType.QUOTE, out);
        return new Page(out, next);
    }

    private byte[] get(final String url) throws IOException, InterruptedException
    {
        final HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + apiKey)
            .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200)
        {
            throw new IOException("GET " + url.replaceAll("apiKey=[^&]*", "apiKey=***") + " answered " +
                response.statusCode());
        }
        return response.body();
    }

    /** Parses a response's results (an object or an array) into events. @return next_url, or null. */
    private static String parse(final byte[] body, final String ticker, final int type, final List<RestEvent> out)
        throws IOException
    {
        String next = null;
        try (JsonParser p = JSON.createParser(body))
        {
            if (p.nextToken() != JsonToken.START_OBJECT)
            {
                throw new IOException("response is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME)
            {
                final String name = p.currentName();
                final JsonToken value = p.nextToken();
                if (name.equals("next_url") && value == JsonToken.VALUE_STRING)
                {
                    next = p.getText();
                }
                else if (name.equals("results") && value == JsonToken.START_OBJECT)
                {
                    out.add(toEvent(readObject(p), ticker, type));
                }
                else if (name.equals("results") && value == JsonToken.START_ARRAY)
                {
                    while (p.nextToken() == JsonToken.START_OBJECT)
                    {
                        out.add(toEvent(readObject(p), ticker, type));
                    }
                }
                else
                {
                    p.skipChildren();
                }
            }
        }
        return next;
    }

    /** An object's scalar fields as text (numbers keep their exact text); arrays as comma-separated text. */
    private static Map<String, String> readObject(final JsonParser p) throws IOException
    {
        final Map<String, String> fields = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME)
        {
            final String name = p.currentName();
            final JsonToken value = p.nextToken();
            if (value == JsonToken.START_ARRAY)
            {
                final StringBuilder sb = new StringBuilder();
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY)
                {
                    if (t.isScalarValue())
                    {
                        sb.append(sb.length() == 0 ? "" : ",").append(p.getText());
                    }
                    else
                    {
                        p.skipChildren();
                    }
                }
                fields.put(name, sb.toString());
            }
            else if (value == JsonToken.START_OBJECT)
            {
                p.skipChildren();
            }
            else if (value != JsonToken.VALUE_NULL)
            {
                fields.put(name, p.getText());
            }
        }
        return fields;
    }

    /** Maps both the v2 (short keys) and v3 (long keys) shapes. */
    private static RestEvent toEvent(final Map<String, String> f, final String ticker, final int type)
    {
        if (type == EventType.INDEX_VALUE)
        {
            return new RestEvent(type, f.get("ticker"), nanos(f, "last_updated"), 0, 0, fixed(f, "value"), 0, 0, 0, 0,
                null, 0, List.of(), 0, 0, 0, 0, 0, 0);
        }
        final String t = ticker != null ? ticker : f.get("T");
        if (type == EventType.TRADE)
        {
            return new RestEvent(type, t, nanos(f, "sip_timestamp", "t"), nanos(f, "participant_timestamp", "y"),
                nanos(f, "trf_timestamp", "f"), fixed(f, "price", "p"), fixed(f, "size", "s"),
                (int)whole(f, "exchange", "x"), (int)whole(f, "trf_id", "r"), (int)whole(f, "tape", "z"),
                first(f, "id", "i"), whole(f, "sequence_number", "q"), ints(first(f, "conditions", "c")),
                0, 0, 0, 0, 0, 0);
        }
        return new RestEvent(type, t, nanos(f, "sip_timestamp", "t"), nanos(f, "participant_timestamp", "y"), 0, 0, 0,
            0, 0, (int)whole(f, "tape", "z"), null, whole(f, "sequence_number", "q"), List.of(),
            fixed(f, "bid_price", "p"), fixed(f, "bid_size", "s"), (int)whole(f, "bid_exchange", "x"),
            fixed(f, "ask_price", "P"), fixed(f, "ask_size", "S"), (int)whole(f, "ask_exchange", "X"));
    }

    private static String first(final Map<String, String> f, final String a, final String b)
    {
        final String v = f.get(a);
        return v != null ? v : f.get(b);
    }

    private static long nanos(final Map<String, String> f, final String a, final String b)
    {
        final String v = first(f, a, b);
        return v == null ? 0 : MassiveFields.toEpochNanos(Long.parseLong(v));
    }

    private static long nanos(final Map<String, String> f, final String a)
    {
        return nanos(f, a, a);
    }

    private static long whole(final Map<String, String> f, final String a, final String b)
    {
        final String v = first(f, a, b);
        if (v == null)
        {
            return 0;
        }
        try
        {
            return Long.parseLong(v);
        }
        catch (final NumberFormatException ex)
        {
            return FixedPoint.parse(v) / FixedPoint.SCALE; // "44.0" or "44" as a decimal
        }
    }

    private static long fixed(final Map<String, String> f, final String a, final String b)
    {
        final String v = first(f, a, b);
        if (v == null)
        {
            return 0;
        }
        final long value = FixedPoint.parse(v);
        if (value == FixedPoint.INVALID)
        {
            throw new IllegalArgumentException("not a number: " + a + "=" + v);
        }
        return value;
    }

    private static long fixed(final Map<String, String> f, final String a)
    {
        return fixed(f, a, a);
    }

    private static List<Integer> ints(final String csv)
    {
        final List<Integer> out = new ArrayList<>();
        if (csv != null && !csv.isEmpty())
        {
            for (final String s : csv.split(","))
            {
                out.add(Integer.parseInt(s.trim()));
            }
        }
        return out;
    }

    private static String encode(final String s)
    {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

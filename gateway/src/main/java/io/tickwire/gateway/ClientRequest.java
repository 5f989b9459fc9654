package io.tickwire.gateway;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A desk's request, parsed and validated. A request that cannot be honoured carries an error code and a
 * message for the error reply instead. Client messages are rare, so this allocates freely.
 *
 * <pre>{"op":"subscribe","id":7,"channels":["trades","bars.1s"],"symbols":["SPY","QQQ"]}</pre>
 * A subscribe may ask for a replay: {@code "from":N} (an output journal position) or {@code "start":T} (epoch
 * nanoseconds, or an ISO-8601 instant such as {@code "2026-11-30T14:30:00Z"}).
 */
final class ClientRequest
{
    private static final JsonFactory JSON = new JsonFactory();
    static final long NO_START = Long.MIN_VALUE;

    String op;
    /** The client's correlation id as JSON text (a number or an escaped string), echoed as sent; null when absent. */
    String id;
    final List<String> channels = new ArrayList<>();
    /** Empty means every symbol. */
    final List<String> symbols = new ArrayList<>();
    /** The secret of an {@code auth} request. */
    String key;
    /** The desk's own {@code prices} throttle (ms); -1: the gateway's. */
    int throttleMillis = -1;
    /** Replay from this output journal position; -1: no replay from a position. */
    long from = -1;
    /** Replay from the first record at or after this time (epoch ns); {@link #NO_START}: none. */
    long startNanos = NO_START;
    String errorCode;
    String errorMessage;

    static ClientRequest parse(final String text, final int maxBytes, final GatewayChannels known)
    {
        final ClientRequest r = new ClientRequest();
        if (text.length() > maxBytes)
        {
            return r.error("too_large", "message exceeds " + maxBytes + " bytes");
        }
        try (JsonParser p = JSON.createParser(text))
        {
            if (p.nextToken() != JsonToken.START_OBJECT)
            {
                return r.error("bad_request", "a request must be a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME)
            {
                final String field = p.currentName();
                final JsonToken value = p.nextToken();
                switch (field)
                {
                    case "op":
                        if (value != JsonToken.VALUE_STRING)
                        {
                            return r.error("bad_request", "'op' must be a string");
                        }
                        r.op = p.getText();
                        break;
                    case "id":
                        if (value.isStructStart())
                        {
                            return r.error("bad_request", "'id' must be a string or a number");
                        }
                        r.id = value == JsonToken.VALUE_STRING ? JsonOut.quoted(p.getText()) : p.getText();
                        break;
                    case "channels":
                        if (!readStrings(p, value, r.channels))
                        {
                            return r.error("bad_request", "'channels' must be an array of strings");
                        }
                        break;
                    case "symbols":
                        if (!readStrings(p, value, r.symbols))
                        {
                            return r.error("bad_request", "'symbols' must be an array of strings");
                        }
                        break;
                    case "key":
                        if (value != JsonToken.VALUE_STRING)
                        {
                            return r.error("bad_request", "'key' must be a string");
                        }
                        r.key = p.getText();
                        break;
                    case "throttleMs":
                        if (value != JsonToken.VALUE_NUMBER_INT || p.getLongValue() < 0 || p.getLongValue() > 60_000)
                        {
                            return r.error("bad_request", "'throttleMs' must be milliseconds from 0 to 60000");
                        }
                        r.throttleMillis = p.getIntValue();
                        break;
                    case "from":
                        if (value != JsonToken.VALUE_NUMBER_INT || p.getLongValue() < 0)
                        {
                            return r.error("bad_request", "'from' must be an output journal position (a 'js' value)");
                        }
                        r.from = p.getLongValue();
                        break;
                    case "start":
                        if (value == JsonToken.VALUE_NUMBER_INT)
                        {
                            r.startNanos = p.getLongValue();
                        }
                        else if (value == JsonToken.VALUE_STRING && instantNanos(p.getText()) != NO_START)
                        {
                            r.startNanos = instantNanos(p.getText());
                        }
                        else
                        {
                            return r.error("bad_request",
                                "'start' must be epoch nanoseconds or an ISO-8601 instant like 2026-11-30T14:30:00Z");
                        }
                        break;
                    default:
                        p.skipChildren(); // unknown fields are ignored, so clients can be newer than us
                }
            }
            if (p.nextToken() != null)
            {
                return r.error("bad_request", "trailing content after the request object");
            }
        }
        catch (final JsonEOFException ex)
        {
            return r.error("bad_json", "not valid JSON: the text ends inside a value, at character " + at(ex));
        }
        catch (final IOException ex)
        {
            return r.error("bad_json", "not valid JSON at character " + at(ex) +
                ": requests are JSON objects like {\"op\":\"ping\"}");
        }
        return r.validate(known);
    }

    /** Tickers as Massive writes them (upper case, no blanks), each once; "*" means every symbol. */
    private boolean normalizeSymbols()
    {
        final Set<String> unique = new LinkedHashSet<>();
        for (final String symbol : symbols)
        {
            final String ticker = symbol.trim().toUpperCase(Locale.ROOT);
            if (ticker.isEmpty())
            {
                return false;
            }
            if (!ticker.equals("*"))
            {
                unique.add(ticker);
            }
        }
        symbols.clear();
        symbols.addAll(unique);
        return true;
    }

    /** The part of this subscribe that is new on one channel: what its snapshot covers. */
    ClientRequest part(final String channel, final List<String> newSymbols)
    {
        final ClientRequest part = new ClientRequest();
        part.op = op;
        part.id = id;
        part.channels.add(channel);
        part.symbols.addAll(newSymbols);
        return part;
    }

    /** A subscribe served from the journal first. */
    boolean isReplay()
    {
        return from >= 0 || startNanos != NO_START;
    }

    boolean isError()
    {
        return errorCode != null;
    }

    private ClientRequest validate(final GatewayChannels known)
    {
        if (op == null)
        {
            return error("bad_request", "missing 'op'");
        }
        switch (op)
        {
            case "subscribe":
            case "unsubscribe":
                if (channels.isEmpty())
                {
                    return error("bad_request", "'" + op + "' needs a non-empty 'channels' array");
                }
                for (final String channel : channels)
                {
                    if (known.indexOf(channel) < 0)
                    {
                        return error("unknown_channel", "no channel '" + channel + "'; channels are " + known.names());
                    }
                }
                if (!normalizeSymbols())
                {
                    return error("bad_request", "an empty ticker in 'symbols' (every symbol is an empty list or \"*\")");
                }
                if (isReplay() && !op.equals("subscribe"))
                {
                    return error("bad_request", "'from' and 'start' go with subscribe only");
                }
                if (from >= 0 && startNanos != NO_START)
                {
                    return error("bad_request", "give 'from' or 'start', not both");
                }
                return this;
            case "ping":
                return this;
            case "auth":
                return key == null || key.isEmpty() ? error("bad_request", "'auth' needs a 'key'") : this;
            default:
                return error("unknown_op", "unknown op '" + op + "'; ops are auth, subscribe, unsubscribe, ping");
        }
    }

    private ClientRequest error(final String code, final String message)
    {
        errorCode = code;
        errorMessage = message;
        return this;
    }

    private static boolean readStrings(final JsonParser p, final JsonToken start, final List<String> into)
        throws IOException
    {
        if (start != JsonToken.START_ARRAY)
        {
            p.skipChildren();
            return false;
        }
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY)
        {
            if (t != JsonToken.VALUE_STRING)
            {
                p.skipChildren();
                return false;
            }
            into.add(p.getText());
        }
        return true;
    }

    private static long instantNanos(final String text)
    {
        try
        {
            final Instant instant = Instant.parse(text);
            return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
        }
        catch (final DateTimeParseException ex)
        {
            return NO_START;
        }
    }

    private static long at(final IOException ex)
    {
        return ex instanceof JsonProcessingException json && json.getLocation() != null ?
            json.getLocation().getCharOffset() + 1 : 0;
    }
}

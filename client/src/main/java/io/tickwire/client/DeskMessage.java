package io.tickwire.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One message from the gateway, its top-level fields as text (numbers exactly as sent, so prices keep every
 * decimal), with the protocol's common fields at hand: {@code type}, the connection's {@code seq}, the output
 * journal position {@code js}, and whether it is a snapshot or replayed history. docs/protocol.md says what
 * each type carries.
 */
public final class DeskMessage
{
    private static final JsonFactory JSON = new JsonFactory();

    private final String text;
    private final Map<String, String> fields;
    private final Map<String, List<String>> arrays;

    private DeskMessage(final String text, final Map<String, String> fields, final Map<String, List<String>> arrays)
    {
        this.text = text;
        this.fields = fields;
        this.arrays = arrays;
    }

    static DeskMessage parse(final String text)
    {
        final Map<String, String> fields = new LinkedHashMap<>();
        final Map<String, List<String>> arrays = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(text))
        {
            if (p.nextToken() != JsonToken.START_OBJECT)
            {
                throw new IOException("not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME)
            {
                final String name = p.currentName();
                final JsonToken value = p.nextToken();
                if (value == JsonToken.START_ARRAY)
                {
                    final List<String> items = new ArrayList<>();
                    while (p.nextToken() != JsonToken.END_ARRAY)
                    {
                        items.add(p.getText());
                        p.skipChildren();
                    }
                    arrays.put(name, items);
                }
                else if (value == JsonToken.START_OBJECT)
                {
                    p.skipChildren();
                }
                else
                {
                    fields.put(name, p.getText());
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("not a gateway message: " + text, ex);
        }
        return new DeskMessage(text, fields, arrays);
    }

    /** The message's type: {@code trade}, {@code bar}, ... for data; {@code welcome}, {@code error}, ... for replies. */
    public String type()
    {
        return fields.getOrDefault("type", "");
    }

    /** Data messages carry the connection's sequence number; replies and heartbeats do not (0). */
    public long seq()
    {
        return number("seq", 0);
    }

    /** The record's position in the node's output journal; -1 for snapshots and replies. */
    public long js()
    {
        return number("js", -1);
    }

    public boolean isData()
    {
        return fields.containsKey("seq");
    }

    public boolean isSnapshot()
    {
        return "true".equals(fields.get("snapshot"));
    }

    public boolean isReplay()
    {
        return "true".equals(fields.get("replay"));
    }

    /** A top-level field as sent (numbers as their decimal text), or null. */
    public String get(final String name)
    {
        return fields.get(name);
    }

    /** A top-level array of strings or numbers, or an empty list. */
    public List<String> list(final String name)
    {
        return arrays.getOrDefault(name, Collections.emptyList());
    }

    public long number(final String name, final long absent)
    {
        final String value = fields.get(name);
        return value == null ? absent : Long.parseLong(value);
    }

    /** A decimal field exactly as sent (prices, sizes), or null. */
    public BigDecimal decimal(final String name)
    {
        final String value = fields.get(name);
        return value == null ? null : new BigDecimal(value);
    }

    /** The message as the gateway sent it. */
    public String text()
    {
        return text;
    }

    @Override
    public String toString()
    {
        return text;
    }
}

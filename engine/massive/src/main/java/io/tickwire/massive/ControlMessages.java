package io.tickwire.massive;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** The two messages tickwire sends Massive, written by a JSON generator so every value is escaped. */
final class ControlMessages
{
    private static final JsonFactory JSON = new JsonFactory();

    private ControlMessages()
    {
    }

    static String auth(final String apiKey)
    {
        return action("auth", apiKey);
    }

    static String subscribe(final List<String> items)
    {
        return action("subscribe", String.join(",", items));
    }

    private static String action(final String action, final String params)
    {
        final StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out))
        {
            g.writeStartObject();
            g.writeStringField("action", action);
            g.writeStringField("params", params);
            g.writeEndObject();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex); // a StringWriter does not fail
        }
        return out.toString();
    }
}

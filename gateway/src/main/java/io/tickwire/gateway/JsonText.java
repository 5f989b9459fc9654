package io.tickwire.gateway;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** JSON off the hot path (health, stats, fatal notices), written by jackson-core's generator: escaping included. */
final class JsonText
{
    private static final JsonFactory JSON = new JsonFactory();

    interface Fields
    {
        void write(JsonGenerator g) throws IOException;
    }

    private JsonText()
    {
    }

    /** One object: the fields written between its braces. */
    static String object(final Fields fields)
    {
        final StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out))
        {
            g.writeStartObject();
            fields.write(g);
            g.writeEndObject();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return out.toString();
    }
}

package io.tickwire.gateway;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * JSON off the hot path (health, stats, fatal notices, the operators' commands), written by jackson-core's generator:
 * escaping included.
 */
public final class JsonText
{
    private static final JsonFactory JSON = new JsonFactory();

    public interface Fields
    {
        void write(JsonGenerator g) throws IOException;
    }

    private JsonText()
    {
    }

    /** One object: the fields written between its braces. */
    public static String object(final Fields fields)
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

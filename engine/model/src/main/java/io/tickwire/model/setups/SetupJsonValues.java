package io.tickwire.model.setups;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tickwire.model.FixedPoint;

import java.io.IOException;
import java.time.Instant;

/**
 * Reads one typed value of a setup's JSON, or throws {@link SetupJson.InvalidSetup} naming the field and what it
 * expected: prices as exact fixed point (never through a double), expiry as an ISO-8601 instant or ns.
 */
final class SetupJsonValues
{
    private SetupJsonValues()
    {
    }

    static long expiry(final JsonParser p, final JsonToken value) throws IOException
    {
        if (value == JsonToken.VALUE_NUMBER_INT)
        {
            return p.getLongValue();
        }
        if (value == JsonToken.VALUE_STRING)
        {
            try
            {
                final Instant at = Instant.parse(p.getText());
                return at.getEpochSecond() * 1_000_000_000L + at.getNano();
            }
            catch (final RuntimeException ex)
            {
                throw new SetupJson.InvalidSetup("expiry", "an ISO-8601 instant such as 2026-11-21T21:00:00Z, or ns since the epoch");
            }
        }
        throw new SetupJson.InvalidSetup("expiry", "an ISO-8601 instant or ns since the epoch");
    }

    static String text(final JsonParser p, final JsonToken value, final String field) throws IOException
    {
        if (value != JsonToken.VALUE_STRING)
        {
            throw new SetupJson.InvalidSetup(field, "a string");
        }
        return p.getText();
    }

    static int positiveInt(final JsonParser p, final JsonToken value, final String field) throws IOException
    {
        if (value != JsonToken.VALUE_NUMBER_INT || p.getIntValue() <= 0)
        {
            throw new SetupJson.InvalidSetup(field, "a positive whole number");
        }
        return p.getIntValue();
    }

    static long price(final JsonParser p, final JsonToken value, final String field) throws IOException
    {
        if (value != JsonToken.VALUE_NUMBER_INT && value != JsonToken.VALUE_NUMBER_FLOAT)
        {
            throw new SetupJson.InvalidSetup(field, "a number");
        }
        final long v = FixedPoint.parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        if (v == FixedPoint.INVALID || v < 0)
        {
            throw new SetupJson.InvalidSetup(field, "a non-negative number");
        }
        return v;
    }

    static long[] prices(final JsonParser p, final JsonToken value, final String field, final int count)
        throws IOException
    {
        if (value != JsonToken.START_ARRAY)
        {
            throw new SetupJson.InvalidSetup(field, "an array of " + count + " numbers");
        }
        final long[] out = new long[count];
        int n = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY)
        {
            if (n == count)
            {
                throw new SetupJson.InvalidSetup(field, "an array of " + count + " numbers");
            }
            out[n++] = price(p, t, field);
        }
        if (n != count)
        {
            throw new SetupJson.InvalidSetup(field, "an array of " + count + " numbers");
        }
        return out;
    }
}

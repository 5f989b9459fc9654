package io.tickwire.replay.backtest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tickwire.model.setups.SetupJson;
import io.tickwire.model.setups.SetupRequest;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A setup to backtest: the setup as a desk would send it (docs/setups.md), when it is placed ({@code "at"}: an
 * ISO-8601 time or epoch ns; absent, at the journal's start) and, optionally, the desk's forecast that it reaches
 * target 1 before its stop ({@code "p"}, 0..1), which the report scores.
 */
record BacktestSetup(SetupRequest request, String direction, String confirm, long at, double probability)
{
    static final double NO_FORECAST = -1;
    private static final JsonFactory JSON = new JsonFactory();

    /** The setups of a file: a JSON array of setup objects, as config/setups.example.json. */
    static List<BacktestSetup> parseAll(final String json) throws IOException
    {
        final List<BacktestSetup> setups = new ArrayList<>();
        try (JsonParser p = JSON.createParser(json))
        {
            if (p.nextToken() != JsonToken.START_ARRAY)
            {
                throw new IllegalArgumentException("a setups file is a JSON array of setups");
            }
            while (p.nextToken() == JsonToken.START_OBJECT)
            {
                final int start = (int)p.currentTokenLocation().getCharOffset();
                long at = Long.MIN_VALUE;
                double probability = NO_FORECAST;
                String direction = "long";
                String confirm = "ticks";
                while (p.nextToken() == JsonToken.FIELD_NAME)
                {
                    final String name = p.currentName();
                    final JsonToken value = p.nextToken();
                    switch (name)
                    {
                        case "at" -> at = value == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : nanos(p.getText());
                        case "p" -> probability = p.getDoubleValue();
                        case "direction" -> direction = p.getText();
                        case "confirm" ->
                        {
                            while (p.nextToken() != JsonToken.END_OBJECT)
                            {
                                if (p.currentToken() == JsonToken.FIELD_NAME && p.currentName().equals("rule"))
                                {
                                    p.nextToken();
                                    confirm = p.getText();
                                }
                                else
                                {
                                    p.skipChildren();
                                }
                            }
                        }
                        default -> p.skipChildren();
                    }
                }
                final int end = (int)p.currentLocation().getCharOffset();
                if (probability != NO_FORECAST && (probability < 0 || probability > 1))
                {
                    throw new IllegalArgumentException("'p' is a probability from 0 to 1: " + probability);
                }
                setups.add(new BacktestSetup(SetupJson.parse(json.substring(start, end)), direction, confirm, at,
                    probability));
            }
        }
        return setups;
    }

    private static long nanos(final String iso)
    {
        final Instant instant = Instant.parse(iso);
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}

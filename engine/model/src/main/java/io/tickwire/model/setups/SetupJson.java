package io.tickwire.model.setups;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tickwire.codecs.sbe.ConfirmRule;
import io.tickwire.codecs.sbe.Direction;
import io.tickwire.codecs.sbe.SetupOp;
import io.tickwire.codecs.sbe.Trail;
import io.tickwire.model.FixedPoint;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Setups as JSON (docs/setups.md), for the setups file and the HTTP entry. Every mistake is reported with
 * the field and what was expected; nothing half-parsed gets through.
 *
 * <pre>
 * {"id":1,"symbol":"SPY","direction":"long","entry":[600.00,600.50],"stop":598.50,
 *  "targets":[603,606] | "targetsAtr":[1.0,2.0], "expiry":"2026-11-21T21:00:00Z",
 *  "confirm":{"rule":"ticks","n":3} | {"rule":"dwell","ms":2000} | {"rule":"bar","tf":"1s"},
 *  "proximity":0.25, "trail":{"type":"atr","k":1.5} | {"type":"ema","period":20}}
 * {"op":"amend",...}   {"op":"cancel","id":1}
 * </pre>
 */
public final class SetupJson
{
    /** A setup that cannot be taken: the field, and what was expected. */
    public static final class InvalidSetup extends RuntimeException
    {
        private static final long serialVersionUID = 1L;
        private final String field;
        private final String expected;

        InvalidSetup(final String field, final String expected)
        {
            super("field '" + field + "': expected " + expected);
            this.field = field;
            this.expected = expected;
        }

        public String field()
        {
            return field;
        }

        public String expected()
        {
            return expected;
        }
    }

    private static final JsonFactory JSON = new JsonFactory();

    private SetupJson()
    {
    }

    /** One setup object. */
    public static SetupRequest parse(final String json)
    {
        try (JsonParser p = JSON.createParser(json))
        {
            if (p.nextToken() != JsonToken.START_OBJECT)
            {
                throw new InvalidSetup("(root)", "a JSON object");
            }
            return validate(readSetup(p));
        }
        catch (final IOException ex)
        {
            throw new InvalidSetup("(root)", "valid JSON (" + firstLine(ex.getMessage()) + ")");
        }
    }

    /** A JSON array of setups; a failure names the index, as {@code [2].stop}. */
    public static List<SetupRequest> parseAll(final String json)
    {
        final List<SetupRequest> out = new ArrayList<>();
        try (JsonParser p = JSON.createParser(json))
        {
            if (p.nextToken() != JsonToken.START_ARRAY)
            {
                throw new InvalidSetup("(root)", "a JSON array of setups");
            }
            int index = 0;
            while (p.nextToken() == JsonToken.START_OBJECT)
            {
                try
                {
                    out.add(validate(readSetup(p)));
                }
                catch (final InvalidSetup ex)
                {
                    throw new InvalidSetup("[" + index + "]." + ex.field(), ex.getMessage().replaceFirst(
                        "^field '[^']*': expected ", ""));
                }
                index++;
            }
        }
        catch (final IOException ex)
        {
            throw new InvalidSetup("(root)", "valid JSON (" + firstLine(ex.getMessage()) + ")");
        }
        return out;
    }

    private static SetupRequest readSetup(final JsonParser p) throws IOException
    {
        final SetupRequest r = new SetupRequest();
        while (p.nextToken() == JsonToken.FIELD_NAME)
        {
            final String field = p.currentName();
            final JsonToken value = p.nextToken();
            switch (field)
            {
                case "op":
                    r.op = op(SetupJsonValues.text(p, value, field));
                    break;
                case "id":
                    if (value != JsonToken.VALUE_NUMBER_INT || p.getLongValue() <= 0)
                    {
                        throw new InvalidSetup(field, "a positive whole number");
                    }
                    r.id = p.getLongValue();
                    break;
                case "symbol":
                    r.ticker = SetupJsonValues.text(p, value, field);
                    break;
                case "direction":
                    final String d = SetupJsonValues.text(p, value, field).toLowerCase(Locale.ROOT);
                    if (!d.equals("long") && !d.equals("short"))
                    {
                        throw new InvalidSetup(field, "long or short");
                    }
                    r.direction = d.equals("long") ? Direction.LONG.value() : Direction.SHORT.value();
                    break;
                case "entry":
                    final long[] entry = SetupJsonValues.prices(p, value, field, 2);
                    r.entryLow = Math.min(entry[0], entry[1]);
                    r.entryHigh = Math.max(entry[0], entry[1]);
                    break;
                case "stop":
                    r.stop = SetupJsonValues.price(p, value, field);
                    break;
                case "proximity":
                    r.proximity = SetupJsonValues.price(p, value, field);
                    break;
                case "targets":
                    final long[] targets = SetupJsonValues.prices(p, value, field, 2);
                    r.target1 = targets[0];
                    r.target2 = targets[1];
                    break;
                case "targetsAtr":
                    final long[] multiples = SetupJsonValues.prices(p, value, field, 2);
                    r.target1Atr = FixedPoint.toDouble(multiples[0]);
                    r.target2Atr = FixedPoint.toDouble(multiples[1]);
                    break;
                case "expiry":
                    r.expiry = SetupJsonValues.expiry(p, value);
                    break;
                case "confirm":
                    readConfirm(p, value, r);
                    break;
                case "trail":
                    readTrail(p, value, r);
                    break;
                default:
                    p.skipChildren();
            }
        }
        return r;
    }

    private static void readConfirm(final JsonParser p, final JsonToken start, final SetupRequest r) throws IOException
    {
        if (start != JsonToken.START_OBJECT)
        {
            throw new InvalidSetup("confirm", "an object like {\"rule\":\"ticks\",\"n\":3}");
        }
        String rule = null;
        String tf = "1s";
        while (p.nextToken() == JsonToken.FIELD_NAME)
        {
            final String field = p.currentName();
            final JsonToken value = p.nextToken();
            switch (field)
            {
                case "rule":
                    rule = SetupJsonValues.text(p, value, "confirm.rule");
                    break;
                case "n":
                    r.confirmTicks = SetupJsonValues.positiveInt(p, value, "confirm.n");
                    break;
                case "ms":
                    r.confirmDwellMillis = SetupJsonValues.positiveInt(p, value, "confirm.ms");
                    break;
                case "tf":
                    tf = SetupJsonValues.text(p, value, "confirm.tf");
                    break;
                default:
                    p.skipChildren();
            }
        }
        if ("ticks".equals(rule))
        {
            r.confirmRule = ConfirmRule.TICKS.value();
        }
        else if ("dwell".equals(rule))
        {
            r.confirmRule = ConfirmRule.DWELL.value();
            if (r.confirmDwellMillis == 0)
            {
                throw new InvalidSetup("confirm.ms", "a dwell time in milliseconds");
            }
        }
        else if ("bar".equals(rule) && (tf.equals("1s") || tf.equals("5s")))
        {
            r.confirmRule = tf.equals("1s") ? ConfirmRule.BAR_1S.value() : ConfirmRule.BAR_5S.value();
        }
        else
        {
            throw new InvalidSetup("confirm.rule", "ticks, dwell, or bar with tf 1s or 5s");
        }
    }

    private static void readTrail(final JsonParser p, final JsonToken start, final SetupRequest r) throws IOException
    {
        if (start != JsonToken.START_OBJECT)
        {
            throw new InvalidSetup("trail", "an object like {\"type\":\"atr\",\"k\":1.5}");
        }
        String type = null;
        while (p.nextToken() == JsonToken.FIELD_NAME)
        {
            final String field = p.currentName();
            final JsonToken value = p.nextToken();
            if (field.equals("type"))
            {
                type = SetupJsonValues.text(p, value, "trail.type");
            }
            else if (field.equals("k") || field.equals("period"))
            {
                r.trailParam = FixedPoint.toDouble(SetupJsonValues.price(p, value, "trail." + field));
            }
            else
            {
                p.skipChildren();
            }
        }
        if ("atr".equals(type))
        {
            r.trail = Trail.ATR.value();
        }
        else if ("ema".equals(type))
        {
            r.trail = Trail.EMA.value();
        }
        else if (!"none".equals(type))
        {
            throw new InvalidSetup("trail.type", "atr, ema or none");
        }
        if (r.trail != Trail.NONE.value() && !(r.trailParam > 0))
        {
            throw new InvalidSetup(r.trail == Trail.ATR.value() ? "trail.k" : "trail.period", "a positive number");
        }
    }

    private static SetupRequest validate(final SetupRequest r)
    {
        if (r.id <= 0)
        {
            throw new InvalidSetup("id", "a positive whole number");
        }
        if (r.op == SetupOp.CANCEL.value())
        {
            return r;
        }
        if (r.ticker == null || r.ticker.isBlank())
        {
            throw new InvalidSetup("symbol", "a ticker such as SPY");
        }
        if (r.entryLow <= 0)
        {
            throw new InvalidSetup("entry", "[low, high] prices of the entry zone");
        }
        if (r.stop <= 0)
        {
            throw new InvalidSetup("stop", "a price");
        }
        final boolean isLong = r.direction == Direction.LONG.value();
        if (isLong ? r.stop >= r.entryLow : r.stop <= r.entryHigh)
        {
            throw new InvalidSetup("stop", isLong ? "below the entry zone for a long" : "above the entry zone for a short");
        }
        if (r.target1 == 0 && r.target1Atr == 0)
        {
            throw new InvalidSetup("targets", "targets [t1, t2] or targetsAtr [m1, m2]");
        }
        if (r.target1 > 0 && (isLong ? r.target1 <= r.entryHigh || r.target2 < r.target1 :
            r.target1 >= r.entryLow || r.target2 > r.target1))
        {
            throw new InvalidSetup("targets", isLong ? "above the entry zone, t2 >= t1" : "below the entry zone, t2 <= t1");
        }
        if (r.target1Atr < 0 || r.target2Atr < r.target1Atr)
        {
            throw new InvalidSetup("targetsAtr", "positive ATR multiples, m2 >= m1");
        }
        return r;
    }

    private static int op(final String text)
    {
        switch (text)
        {
            case "add":
                return SetupOp.ADD.value();
            case "amend":
                return SetupOp.AMEND.value();
            case "cancel":
                return SetupOp.CANCEL.value();
            default:
                throw new InvalidSetup("op", "add, amend or cancel");
        }
    }

    private static String firstLine(final String message)
    {
        if (message == null)
        {
            return "";
        }
        final int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}

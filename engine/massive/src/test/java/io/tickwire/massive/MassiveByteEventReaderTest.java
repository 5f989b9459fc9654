package io.tickwire.massive;

import io.tickwire.model.event.MarketEvent;
import io.tickwire.model.event.MarketEventFields;
import io.tickwire.model.event.StagedBatch;
import io.tickwire.model.symbols.SymbolTable;
import org.junit.jupiter.api.Test;

import io.tickwire.codecs.sbe.DeadLetterReason;

import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The byte reader against the reference, jackson's reading: random frames of the feed's events with every shape of
 * value the decoder must take or refuse (numbers as strings, escapes, non-ASCII, nested values, big numbers,
 * literals, odd whitespace, unknown fields), and the same frames cut and mutated, decoded both ways: the same
 * result, the same events field by field, the same rejections with the same reasons and details, the same status
 * messages; a frame that is not UTF-8 is refused (jackson's own answer to a malformed name depends on the names it
 * met before). The seed is fixed and printed; the JDK's decoder judges what UTF-8 is.
 */
class MassiveByteEventReaderTest
{
    private static final long SEED = 20261130L;
    private static final int FRAMES = 40_000;
    private static final long RECEIVED = 1_763_700_000_123_456_789L;

    private static final String[] EVENT_KINDS = {"T", "T", "T", "Q", "Q", "A", "AM", "V", "LULD", "NOI", "FMV",
        "status", "X", "", "t"};
    private static final String[] FIELDS = {"sym", "T", "i", "x", "z", "p", "s", "c", "t", "q", "trfi", "trft", "pt",
        "ds", "bx", "bp", "bs", "ax", "ap", "as", "v", "av", "op", "vw", "o", "h", "l", "a", "e", "otc", "dv", "dav",
        "val", "at", "b", "fmv", "status", "message", "unknown", "S", "ev"};
    private static final String[] TICKERS = {"SPY", "QQQ", "I:SPX", "AAPL", "BRK.B", "\\u0053PY", "Q\\\"Q", "ü", "",
        "X".repeat(300)};

    @Test
    void shouldReadEveryFrameAsJacksonDoes()
    {
        System.out.println("MassiveByteEventReaderTest seed " + SEED);
        final Random random = new Random(SEED);
        final Side bytes = new Side(true);
        final Side jackson = new Side(false);
        int mutated = 0;
        int staged = 0;
        int notUtf8 = 0;
        for (int n = 0; n < FRAMES; n++)
        {
            String frame = frame(random);
            if (random.nextInt(3) == 0)
            {
                frame = mutate(random, frame);
                mutated++;
            }
            final byte[] b = frame.getBytes(StandardCharsets.UTF_8);
            if (random.nextInt(50) == 0 && b.length > 0)
            {
                b[random.nextInt(b.length)] = (byte)(0x80 + random.nextInt(0x80)); // a malformed byte, maybe
            }
            final String context = "frame " + n + " (seed " + SEED + "): " + new String(b, StandardCharsets.ISO_8859_1);
            final int actual = bytes.decode(b);
            if (!isUtf8(b))
            {
                assertEquals(Utf8.firstInvalid(b, 0, b.length) >= 0, true, context);
                assertEquals(DeadLetterReason.MALFORMED_JSON.value(), actual, context);
                notUtf8++;
                continue;
            }
            assertEquals(-1, Utf8.firstInvalid(b, 0, b.length), context);
            final int expected = jackson.decode(b);
            assertEquals(expected, actual, context);
            assertEquals(jackson.batch.size(), bytes.batch.size(), context);
            staged += bytes.batch.size();
            for (int i = 0; i < jackson.batch.size(); i++)
            {
                assertSameEvent(jackson.batch.get(i), bytes.batch.get(i), context + " event " + i);
            }
            if (actual == MassiveFrameDecoder.OK) // a refused frame's events count for nothing
            {
                assertEquals(jackson.decoder.rejectedEvents(), bytes.decoder.rejectedEvents(), context);
                assertEquals(jackson.decoder.unknownEvents(), bytes.decoder.unknownEvents(), context);
                assertEquals(jackson.decoder.firstRejectIndex(), bytes.decoder.firstRejectIndex(), context);
                assertEquals(jackson.decoder.firstRejectReason(), bytes.decoder.firstRejectReason(), context);
                assertEquals(jackson.decoder.firstRejectDetail(), bytes.decoder.firstRejectDetail(), context);
                assertEquals(jackson.statuses, bytes.statuses, context);
            }
        }
        assertTrue(mutated > FRAMES / 4, "mutated frames: " + mutated);
        assertTrue(staged > FRAMES, "events staged: " + staged);
        assertTrue(notUtf8 > 100, "frames not UTF-8: " + notUtf8);
    }

    @Test
    void shouldReadTheFeedsObjectsItselfAndLeaveTheRestToJackson()
    {
        final MassiveEventReader slots = new MassiveEventReader();
        final MassiveByteEventReader reader = new MassiveByteEventReader(slots);
        for (final String object : new String[]{
            "{\"ev\":\"T\",\"sym\":\"SPY\",\"i\":\"123\",\"x\":4,\"p\":600.01,\"s\":100,\"c\":[12,37],\"t\":1763700000123}",
            "{ \"ev\" : \"Q\" , \"sym\":\"QQQ\",\"bp\":\"520.01\",\"ap\":5.2e2,\"unknown\":[1,-2],\"otc\":true,\"t\":null }",
            "{}"})
        {
            final byte[] b = object.getBytes(StandardCharsets.US_ASCII);
            assertEquals(b.length, reader.read(b, 0, b.length), object);
        }
        for (final String object : new String[]{
            "{\"ev\":\"T\",\"sym\":\"S\\u0050Y\"}", "{\"ev\":\"T\",\"i\":\"ü\"}", "{\"ev\":\"T\",\"x\":{\"a\":1}}",
            "{\"ev\":\"T\",\"c\":[1.5]}", "{\"ev\":\"T\",\"q\":1234567890123456789}", "{\"ev\":7}", "{\"ev\":\"T\",\"p\":01}",
            "{\"ev\":\"T\",\"p\":1", "{\"ev\":\"T\" \"p\":1}", "{\"ev\":\"T\",}"})
        {
            final byte[] b = object.getBytes(StandardCharsets.UTF_8);
            assertEquals(MassiveByteEventReader.JACKSON, reader.read(b, 0, b.length), object);
        }
        final byte[] frame = SampleFrames.frame(50, 1_763_730_000_000L);
        for (int pos = 1; pos < frame.length - 1; )
        {
            final int after = reader.read(frame, pos, frame.length);
            assertNotEquals(MassiveByteEventReader.JACKSON, after, "the simulator's frames are read from the bytes");
            pos = after + 1;
        }
    }

    private static boolean isUtf8(final byte[] bytes)
    {
        try
        {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        }
        catch (final CharacterCodingException ex)
        {
            return false;
        }
    }

    private static String frame(final Random random)
    {
        final StringBuilder sb = new StringBuilder(space(random)).append('[');
        final int events = random.nextInt(6);
        for (int e = 0; e < events; e++)
        {
            sb.append(e > 0 ? "," : "").append(space(random)).append(event(random)).append(space(random));
        }
        sb.append(']').append(space(random));
        return sb.toString();
    }

    /** Valid events of every kind the feed sends, as templates: most events of a frame start from one. */
    private static final String[][] TEMPLATES = {
        {"\"ev\":\"T\"", "\"sym\":\"SPY\"", "\"i\":\"52983525034215\"", "\"x\":4", "\"p\":600.01", "\"s\":100",
            "\"c\":[12,37]", "\"t\":1763700000123", "\"q\":8812", "\"z\":2", "\"trfi\":202", "\"trft\":1763700000120",
            "\"pt\":1763700000119"},
        {"\"ev\":\"T\"", "\"sym\":\"QQQ\"", "\"i\":\"7\"", "\"x\":11", "\"p\":\"520.5\"", "\"ds\":\"0.25\"",
            "\"t\":1763700000123456789", "\"q\":\"99\"", "\"z\":3"},
        {"\"ev\":\"Q\"", "\"sym\":\"AAPL\"", "\"bx\":11", "\"bp\":230.01", "\"bs\":3", "\"ax\":12", "\"ap\":230.02",
            "\"as\":5", "\"c\":1", "\"i\":[604]", "\"t\":1763700000123", "\"q\":50", "\"z\":3"},
        {"\"ev\":\"A\"", "\"sym\":\"SPY\"", "\"v\":1200", "\"av\":900000", "\"op\":599.5", "\"vw\":600.0125",
            "\"o\":600", "\"c\":600.02", "\"h\":600.05", "\"l\":599.99", "\"a\":600.01", "\"z\":120", "\"s\":1763700000000",
            "\"e\":1763700001000", "\"otc\":false"},
        {"\"ev\":\"AM\"", "\"sym\":\"BRK.B\"", "\"v\":10", "\"o\":450", "\"c\":451", "\"h\":452", "\"l\":449.5",
            "\"s\":1763700000000", "\"e\":1763700060000", "\"otc\":true"},
        {"\"ev\":\"V\"", "\"T\":\"I:SPX\"", "\"val\":6000.25", "\"t\":1763700000123"},
        {"\"ev\":\"LULD\"", "\"T\":\"SPY\"", "\"h\":630.5", "\"l\":570.5", "\"i\":[1,2]", "\"z\":2",
            "\"t\":1763700000123", "\"q\":3"},
        {"\"ev\":\"NOI\"", "\"T\":\"SPY\"", "\"t\":1763700000123", "\"at\":1763700000000", "\"a\":\"O\"", "\"x\":4",
            "\"o\":1000", "\"p\":600.1", "\"b\":600.11"},
        {"\"ev\":\"FMV\"", "\"sym\":\"AAPL\"", "\"fmv\":230.015", "\"t\":1763700000123456789"},
        {"\"ev\":\"status\"", "\"status\":\"auth_success\"", "\"message\":\"authenticated\""},
    };

    private static String event(final Random random)
    {
        final List<String> parts = new ArrayList<>();
        if (random.nextInt(5) > 0)
        {
            parts.addAll(Arrays.asList(TEMPLATES[random.nextInt(TEMPLATES.length)]));
            final int changes = random.nextInt(4);
            for (int c = 0; c < changes; c++)
            {
                final int at = random.nextInt(parts.size());
                final String name = parts.get(at).substring(1, parts.get(at).indexOf('"', 1));
                switch (random.nextInt(3))
                {
                    case 0 -> parts.set(at, quote(name) + ":" + value(random));
                    case 1 -> parts.remove(at);
                    default -> parts.add(random.nextInt(parts.size() + 1), field(random));
                }
            }
        }
        else
        {
            if (random.nextInt(12) > 0)
            {
                parts.add("\"ev\":" + (random.nextInt(20) > 0 ? quote(pick(random, EVENT_KINDS)) : value(random)));
            }
            final int fields = random.nextInt(12);
            for (int f = 0; f < fields; f++)
            {
                parts.add(field(random));
            }
        }
        final StringBuilder sb = new StringBuilder("{");
        for (int p = 0; p < parts.size(); p++)
        {
            sb.append(p > 0 ? "," : "").append(space(random)).append(spaced(random, parts.get(p)));
        }
        return sb.append(space(random)).append('}').toString();
    }

    /** The field with whitespace, maybe, around its colon. */
    private static String spaced(final Random random, final String field)
    {
        final int colon = field.indexOf(':');
        return field.substring(0, colon) + space(random) + ":" + space(random) + field.substring(colon + 1);
    }

    private static String field(final Random random)
    {
        final String name = pick(random, FIELDS);
        return quote(name) + ":" + fieldValue(random, name);
    }

    private static String fieldValue(final Random random, final String name)
    {
        if (random.nextInt(6) == 0)
        {
            return value(random);
        }
        switch (name)
        {
            case "sym":
            case "T":
                return quote(pick(random, TICKERS));
            case "t":
            case "trft":
            case "pt":
            case "e":
            case "s":
                return random.nextBoolean() ? Long.toString(1_763_700_000_000L + random.nextInt(100_000)) :
                    Long.toString(1_763_700_000_000_000_000L + random.nextInt(1_000_000));
            case "c":
            case "i":
                return random.nextBoolean() && name.equals("i") ? quote(Long.toString(random.nextLong() & Long.MAX_VALUE)) :
                    codes(random);
            case "status":
                return quote(pick(random, new String[]{"connected", "auth_success", "success", "error", "other"}));
            case "message":
                return quote("a message " + random.nextInt(100));
            default:
                return number(random);
        }
    }

    private static String codes(final Random random)
    {
        final StringBuilder sb = new StringBuilder("[");
        final int n = random.nextInt(11);
        for (int i = 0; i < n; i++)
        {
            sb.append(i > 0 ? "," : "").append(space(random)).append(random.nextInt(20) == 0 ? 70_000 : random.nextInt(300));
        }
        return sb.append(']').toString();
    }

    /** Any value, of every shape the decoder must take or refuse. */
    private static String value(final Random random)
    {
        switch (random.nextInt(16))
        {
            case 0: return "null";
            case 1: return "true";
            case 2: return "false";
            case 3: return quote(number(random));
            case 4: return quote("N");
            case 5: return quote("a\\nb");
            case 6: return quote("ü");
            case 7: return "{\"x\":[1,{\"y\":2}]}";
            case 8: return "[1,\"x\",null]";
            case 9: return "[]";
            case 10: return "123456789012345678901234567890";
            case 11: return "-0";
            case 12: return "[[1]]";
            case 13: return quote("");
            case 14: return "9223372036854775807";
            default: return number(random);
        }
    }

    private static String number(final Random random)
    {
        switch (random.nextInt(8))
        {
            case 0: return Integer.toString(random.nextInt(1000) - 100);
            case 1: return random.nextInt(1000) + "." + random.nextInt(100);
            case 2: return random.nextInt(10) + "e" + random.nextInt(4);
            case 3: return "-" + random.nextInt(10) + "." + random.nextInt(1000) + "E-" + random.nextInt(3);
            case 4: return "0." + "0".repeat(random.nextInt(12)) + (1 + random.nextInt(9));
            case 5: return Long.toString(random.nextLong() % 1_000_000_000_000_000_000L);
            case 6: return "600.123456789";
            default: return Long.toString(random.nextInt(1_000_000));
        }
    }

    /** A cut, a byte changed, a byte dropped or a byte doubled. */
    private static String mutate(final Random random, final String frame)
    {
        if (frame.isEmpty())
        {
            return frame;
        }
        final int at = random.nextInt(frame.length());
        final String noise = "[]{},:\"\\ 0-.eatfn\u00fc";
        switch (random.nextInt(4))
        {
            case 0: return frame.substring(0, at);
            case 1: return frame.substring(0, at) + noise.charAt(random.nextInt(noise.length())) + frame.substring(at + 1);
            case 2: return frame.substring(0, at) + frame.substring(at + 1);
            default: return frame.substring(0, at + 1) + frame.substring(at);
        }
    }

    private static String space(final Random random)
    {
        return random.nextInt(5) > 0 ? "" : pick(random, new String[]{" ", "\n", "\t ", "\r\n"});
    }

    private static String quote(final String text)
    {
        return "\"" + text + "\"";
    }

    private static String pick(final Random random, final String[] choices)
    {
        return choices[random.nextInt(choices.length)];
    }

    private static void assertSameEvent(final MarketEvent expected, final MarketEvent actual, final String context)
    {
        assertEquals(expected.type, actual.type, context);
        assertEquals(expected.textAsString(), actual.textAsString(), context);
        assertEquals(Arrays.toString(Arrays.copyOf(expected.conditions, expected.conditionCount)),
            Arrays.toString(Arrays.copyOf(actual.conditions, actual.conditionCount)), context);
        assertEquals(Arrays.toString(Arrays.copyOf(expected.indicators, expected.indicatorCount)),
            Arrays.toString(Arrays.copyOf(actual.indicators, actual.indicatorCount)), context);
        for (final Field field : MarketEventFields.class.getDeclaredFields())
        {
            if (Modifier.isStatic(field.getModifiers()) || field.getName().equals("text") ||
                field.getName().equals("conditions") || field.getName().equals("indicators"))
            {
                // compared up to their lengths here: a reused slot keeps older values past them
                continue;
            }
            try
            {
                final Object a = field.get(expected);
                final Object b = field.get(actual);
                final boolean same = a instanceof byte[] ? Arrays.equals((byte[])a, (byte[])b) :
                    a instanceof short[] ? Arrays.equals((short[])a, (short[])b) :
                    a instanceof long[] ? Arrays.equals((long[])a, (long[])b) :
                    a instanceof double[] ? Arrays.equals((double[])a, (double[])b) : Objects.equals(a, b);
                assertTrue(same, context + ": " + field.getName() + " " + a + " vs " + b);
            }
            catch (final IllegalAccessException ex)
            {
                throw new AssertionError(field.getName(), ex);
            }
        }
    }

    /** One decoder with its own symbol table and status log. */
    private static final class Side
    {
        final List<String> statuses = new ArrayList<>();
        final SymbolTable symbols = new SymbolTable((id, ticker) -> { });
        final MassiveFrameDecoder decoder;
        final StagedBatch batch = new StagedBatch();

        Side(final boolean readBytes)
        {
            final MassiveFrameDecoder.StatusListener listener = (code, status, message) ->
                statuses.add(code + " " + status + " " + message);
            decoder = readBytes ? new MassiveFrameDecoder(symbols, listener) :
                MassiveFrameDecoder.jacksonOnly(symbols, listener);
        }

        int decode(final byte[] frame)
        {
            statuses.clear();
            return decoder.decode(frame, frame.length, RECEIVED, batch);
        }
    }
}

package io.tickwire.massive;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tickwire.codecs.sbe.DeadLetterReason;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import io.tickwire.model.event.StagedBatch;
import io.tickwire.model.symbols.SymbolTable;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No frame can hurt the decoder: whatever the bytes, it returns (no hang: Jazzer fails an input that runs past
 * its timeout), throws nothing, stages only events that keep the rules, decides as jackson's reading alone does
 * (the same result, events and rejections: the byte reader is only faster; a frame that is not UTF-8 is refused), and the next good frame decodes as it
 * would on a fresh decoder. Runs as coverage-guided fuzzing for {@code tickwire.fuzz.duration} in
 * {@code mvn verify}; its findings live in src/test/resources as the regression corpus.
 */
class MassiveFrameDecoderFuzzTest
{
    private static final byte[] GOOD = ("[{\"ev\":\"T\",\"sym\":\"SPY\",\"x\":4,\"p\":600.01,\"s\":100," +
        "\"c\":[12,37],\"t\":1763700000123,\"q\":1}]").getBytes(StandardCharsets.UTF_8);

    private final SymbolTable symbols = new SymbolTable((id, ticker) -> { });
    private final MassiveFrameDecoder decoder = new MassiveFrameDecoder(symbols, (code, status, message) -> { });
    private final StagedBatch batch = new StagedBatch();
    private final MassiveFrameDecoder reference =
        MassiveFrameDecoder.jacksonOnly(new SymbolTable((id, ticker) -> { }), (code, status, message) -> { });
    private final StagedBatch referenceBatch = new StagedBatch();

    @FuzzTest(maxDuration = "20s")
    @DictionaryEntries({"[", "]", "{", "}", ",", ":", "\"ev\":\"T\"", "\"ev\":\"Q\"", "\"ev\":\"A\"", "\"ev\":\"AM\"",
        "\"ev\":\"V\"", "\"ev\":\"status\"", "\"sym\":\"SPY\"", "\"T\":\"I:SPX\"", "\"p\":", "\"s\":", "\"ds\":\"0.5\"",
        "\"t\":1763700000123", "\"c\":[", "\"i\":", "\"x\":", "\"q\":", "\"bp\":", "\"ap\":", "\"val\":", "\"e\":",
        "\"o\":", "\"h\":", "\"l\":", "\"v\":", "null", "true", "false", "1e400", "-0", "99999999999999999999"})
    void shouldSurviveAnyFrame(final byte[] frame)
    {
        final int result = decoder.decode(frame, frame.length, 1L, batch);
        assertTrue(result == MassiveFrameDecoder.OK || DeadLetterReason.get((short)result) != null);
        if (Utf8.firstInvalid(frame, 0, frame.length) >= 0)
        {
            assertEquals(DeadLetterReason.MALFORMED_JSON.value(), result, "a frame that is not UTF-8 is refused");
        }
        else
        {
            assertEquals(reference.decode(frame, frame.length, 1L, referenceBatch), result);
            assertEquals(referenceBatch.size(), batch.size());
            if (result == MassiveFrameDecoder.OK)
            {
                assertEquals(reference.rejectedEvents(), decoder.rejectedEvents());
                assertEquals(reference.firstRejectDetail(), decoder.firstRejectDetail());
            }
        }
        for (int i = 0; i < batch.size(); i++)
        {
            assertKeepsTheRules(batch.get(i));
        }
        assertEquals(MassiveFrameDecoder.OK, decoder.decode(GOOD, GOOD.length, 1L, batch),
            "a good frame after any other decodes: " + decoder.frameErrorDetail());
        assertEquals(EventType.TRADE, batch.get(batch.size() - 1).type);
        assertEquals(600_010_000L, batch.get(batch.size() - 1).price);
    }

    private static void assertKeepsTheRules(final MarketEvent e)
    {
        assertTrue(e.textLength >= 0 && e.textLength <= MarketEvent.MAX_TEXT);
        switch (e.type)
        {
            case EventType.TRADE:
                assertTrue(e.price > 0 && e.price <= MassiveEventRules.MAX_PRICE, "price " + e.price);
                assertTrue(e.size > 0 && e.size <= MassiveEventRules.MAX_QUANTITY, "size " + e.size);
                assertTime(e.eventTime);
                assertTrue(e.conditionCount <= MarketEvent.MAX_CONDITIONS);
                break;
            case EventType.QUOTE:
                assertTrue(e.bidPrice >= 0 && e.askPrice >= 0 && e.bidSize >= 0 && e.askSize >= 0);
                assertTime(e.eventTime);
                break;
            case EventType.INDEX_VALUE:
                assertTrue(e.price > 0);
                assertTime(e.eventTime);
                break;
            case EventType.AGGREGATE:
                assertTrue(e.price > 0 && e.size >= 0 && e.endTime >= e.startTime);
                assertTime(e.startTime);
                break;
            default:
                assertEquals(EventType.SYMBOL, e.type);
        }
    }

    private static void assertTime(final long t)
    {
        assertTrue(t >= MassiveEventRules.MIN_TIME && t < MassiveEventRules.MAX_TIME, "time " + t);
    }
}

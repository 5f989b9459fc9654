package io.tickwire.massive;

import io.tickwire.model.event.StagedBatch;
import io.tickwire.codecs.sbe.AggregateKind;
import io.tickwire.codecs.sbe.AssetClass;
import io.tickwire.codecs.sbe.DeadLetterReason;
import io.tickwire.codecs.sbe.StatusCode;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import io.tickwire.model.symbols.SymbolTable;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MassiveFrameDecoderTest
{
    private static final long RECEIVED = 1_763_700_000_123_456_789L;

    private final List<String> newSymbols = new ArrayList<>();
    private final List<StatusCode> statuses = new ArrayList<>();
    private final SymbolTable symbols = new SymbolTable((id, ticker) -> newSymbols.add(ticker));
    private final MassiveFrameDecoder decoder = new MassiveFrameDecoder(symbols, (code, status, msg) -> statuses.add(code));
    private final StagedBatch batch = new StagedBatch();

    private int decode(final String json)
    {
        final byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return decoder.decode(bytes, bytes.length, RECEIVED, batch);
    }

    @Test
    void shouldDecodeATradeWithEveryField()
    {
        assertEquals(MassiveFrameDecoder.OK, decode("[{\"ev\":\"T\",\"sym\":\"SPY\",\"x\":4,\"i\":\"52983525034215\"," +
            "\"z\":2,\"p\":600.01,\"s\":100,\"c\":[12,37],\"t\":1763700000123,\"q\":8812,\"trfi\":202," +
            "\"trft\":1763700000120,\"pt\":1763700000119}]"));
        assertEquals(2, batch.size());
        final MarketEvent def = batch.get(0);
        assertEquals(EventType.SYMBOL, def.type);
        assertEquals("SPY", def.textAsString());
        assertEquals(AssetClass.STOCK.value(), def.assetClass);
        final MarketEvent t = batch.get(1);
        assertEquals(EventType.TRADE, t.type);
        assertEquals(def.symbolId, t.symbolId);
        assertEquals(4, t.exchange);
        assertEquals(202, t.trfId);
        assertEquals(2, t.tape);
        assertEquals(600_010_000L, t.price);
        assertEquals(100_000_000L, t.size);
        assertEquals(1_763_700_000_123_000_000L, t.eventTime);
        assertEquals(1_763_700_000_120_000_000L, t.trfTime);
        assertEquals(1_763_700_000_119_000_000L, t.participantTime);
        assertEquals(RECEIVED, t.receiveTime);
        assertEquals(8812, t.sequence);
        assertEquals(2, t.conditionCount);
        assertEquals(37, t.conditions[1]);
        assertEquals("52983525034215", t.textAsString());
        assertEquals(52_983_525_034_215L, t.tradeIdKey);
    }

    @Test
    void shouldStageASymbolDefinitionOnlyUntilPublished()
    {
        decode("[{\"ev\":\"Q\",\"sym\":\"QQQ\",\"t\":1763700000123},{\"ev\":\"Q\",\"sym\":\"QQQ\",\"t\":1763700000124}]");
        assertEquals(3, batch.size(), "one definition, two quotes");
        decode("[{\"ev\":\"Q\",\"sym\":\"QQQ\",\"t\":1763700000125}]");
        assertEquals(2, batch.size(), "not announced yet (the batch was never published): staged again");
        symbols.markAnnounced(batch.get(0).symbolId);
        decode("[{\"ev\":\"Q\",\"sym\":\"QQQ\",\"t\":1763700000126}]");
        assertEquals(1, batch.size());
        assertEquals(List.of("QQQ"), newSymbols);
    }

    @Test
    void shouldNotCareAboutFieldOrder()
    {
        decode("[{\"t\":1763700000123,\"p\":1.5,\"s\":3,\"sym\":\"SPY\",\"i\":\"7\",\"x\":11,\"ev\":\"T\"}]");
        final MarketEvent t = batch.get(1);
        assertEquals(EventType.TRADE, t.type);
        assertEquals(1_500_000L, t.price);
        assertEquals(11, t.exchange);
    }

    @Test
    void shouldTakeTheQuirksOfTheRealFeed()
    {
        // x as a string, fractional size in ds with s = 0, no c, t in ns, V keyed by T, LULD-style ns times
        decode("[{\"ev\":\"T\",\"sym\":\"SPY\",\"x\":\"44\",\"i\":\"a-1\",\"p\":600,\"s\":0,\"ds\":\"0.0073\"," +
            "\"t\":1763700000123456789},{\"ev\":\"V\",\"val\":6001.25,\"T\":\"I:SPX\",\"t\":1763700000123}]");
        final MarketEvent t = batch.get(1);
        assertEquals(44, t.exchange);
        assertEquals(7_300L, t.size);
        assertTrue((t.flags & MarketEvent.FLAG_FRACTIONAL_SIZE) != 0);
        assertEquals(1_763_700_000_123_456_789L, t.eventTime);
        assertEquals(0, t.conditionCount);
        assertTrue(t.tradeIdKey < 0, "a non-numeric id is hashed into the negative half");
        final MarketEvent v = batch.get(3);
        assertEquals(EventType.INDEX_VALUE, v.type);
        assertEquals(6_001_250_000L, v.price);
        assertEquals(AssetClass.INDEX.value(), batch.get(2).assetClass);
    }

    @Test
    void shouldDecodeQuotesAndAggregates()
    {
        decode("[{\"ev\":\"Q\",\"sym\":\"O:SPY261218C00600000\",\"bx\":301,\"ax\":302,\"bp\":12.3,\"ap\":12.4," +
            "\"bs\":5,\"as\":7,\"c\":1,\"i\":[604,605],\"t\":1763700000123,\"q\":5}," +
            "{\"ev\":\"AM\",\"sym\":\"SPY\",\"v\":1200,\"av\":900000,\"op\":598,\"vw\":600.1,\"o\":600,\"h\":601,\"l\":599," +
            "\"c\":600.5,\"a\":599.9,\"z\":40,\"s\":1763700000000,\"e\":1763700060000,\"otc\":false}]");
        final MarketEvent q = batch.get(1);
        assertEquals(AssetClass.OPTION.value(), batch.get(0).assetClass);
        assertEquals(EventType.QUOTE, q.type);
        assertEquals(12_300_000L, q.bidPrice);
        assertEquals(12_400_000L, q.askPrice);
        assertEquals(5_000_000L, q.bidSize);
        assertEquals(1, q.condition);
        assertEquals(2, q.indicatorCount);
        assertEquals(605, q.indicators[1]);
        final MarketEvent a = batch.get(3);
        assertEquals(EventType.AGGREGATE, a.type);
        assertEquals(AggregateKind.MINUTE.value(), a.aggregateKind);
        assertEquals(600_500_000L, a.price, "c is the close in an aggregate");
        assertEquals(1_200_000_000L, a.size);
        assertEquals(1_763_700_060_000_000_000L, a.eventTime);
        assertEquals(40_000_000L, a.averageSize);
    }

    @Test
    void shouldHandStatusEventsToTheListenerWhereverTheyAppear()
    {
        assertEquals(MassiveFrameDecoder.OK, decode("[{\"ev\":\"Q\",\"sym\":\"SPY\",\"t\":1763700000123}," +
            "{\"ev\":\"status\",\"status\":\"success\",\"message\":\"subscribed to: T.SPY\"}," +
            "{\"ev\":\"Q\",\"sym\":\"SPY\",\"t\":1763700000124}]"));
        assertEquals(List.of(StatusCode.SUCCESS), statuses);
        assertEquals(3, batch.size());
    }

    @Test
    void shouldRejectAMalformedFrameWholeAndRecover()
    {
        assertEquals(DeadLetterReason.MALFORMED_JSON.value(), decode("[{\"ev\":\"T\",\"sym\":\"SPY\",]"));
        assertEquals(0, batch.size());
        assertEquals(DeadLetterReason.MALFORMED_JSON.value(), decode("[{\"ev\":\"Q\",\"sym\":\"SPY\""));
        assertEquals(0, batch.size(), "a truncated frame publishes nothing");
        assertEquals(DeadLetterReason.NOT_AN_ARRAY.value(), decode("{\"ev\":\"Q\",\"sym\":\"SPY\"}"));
        assertEquals(MassiveFrameDecoder.OK, decode("[{\"ev\":\"Q\",\"sym\":\"SPY\",\"t\":1763700000123}]"));
        assertEquals(2, batch.size(), "the next frame decodes normally");
    }

    /** LULD, NOI and FMV as the feed sends them: the ticker in T, t in ns, NOI's auction type a letter in a. */
    @Test
    void shouldDecodeLimitBandsImbalancesAndFairValues()
    {
        assertEquals(MassiveFrameDecoder.OK, decode("[" +
            "{\"ev\":\"LULD\",\"T\":\"SPY\",\"h\":630.25,\"l\":570.15,\"i\":[17],\"z\":3,\"t\":1763700000123456789,\"q\":12}," +
            "{\"ev\":\"NOI\",\"T\":\"SPY\",\"t\":1763700000223456789,\"at\":1600,\"a\":\"C\",\"x\":10,\"o\":48000," +
            "\"p\":44000,\"b\":600.03,\"i\":44}," +
            "{\"ev\":\"FMV\",\"sym\":\"SPY\",\"fmv\":600.021,\"t\":1763700000323456789}]"));
        assertEquals(0, decoder.rejectedEvents());
        assertEquals(4, batch.size(), "a definition, then the three");
        final MarketEvent luld = batch.get(1);
        assertEquals(EventType.LIMIT_BANDS, luld.type);
        assertEquals(1763700000123456789L, luld.eventTime, "nanoseconds on the wire, kept");
        assertEquals(630_250_000L, luld.upperLimit);
        assertEquals(570_150_000L, luld.lowerLimit);
        assertEquals(1, luld.indicatorCount);
        assertEquals(17, luld.indicators[0]);
        assertEquals(3, luld.tape);
        assertEquals(12, luld.sequence);
        final MarketEvent noi = batch.get(2);
        assertEquals(EventType.IMBALANCE, noi.type);
        assertEquals(1600, noi.auctionTime);
        assertEquals('C', noi.auctionType);
        assertEquals(10, noi.exchange);
        assertEquals(48_000_000_000L, noi.imbalance);
        assertEquals(44_000_000_000L, noi.pairedQuantity);
        assertEquals(600_030_000L, noi.clearingPrice);
        assertEquals(44, noi.sequence);
        final MarketEvent fmv = batch.get(3);
        assertEquals(EventType.FAIR_VALUE, fmv.type);
        assertEquals(600_021_000L, fmv.price);
        assertEquals(MassiveFrameDecoder.OK, decode("[{\"ev\":\"LULD\",\"T\":\"SPY\",\"h\":570,\"l\":630," +
            "\"t\":1763700000123456789}]"));
        assertEquals(1, decoder.rejectedEvents(), "bands upside down: rejected with the reason");
    }

    @Test
    void shouldLeaveOutAndReportBadEventsButKeepTheRestOfTheFrame()
    {
        assertEquals(MassiveFrameDecoder.OK, decode("[{\"ev\":\"XYZ\",\"T\":\"SPY\",\"h\":1,\"l\":2,\"t\":1}," +
            "{\"ev\":\"T\",\"sym\":\"SPY\",\"p\":\"abc\",\"s\":1,\"t\":1763700000123}," +
            "{\"ev\":\"T\",\"sym\":\"SPY\",\"s\":1,\"t\":1763700000123}," +
            "{\"sym\":\"SPY\"}," +
            "{\"ev\":\"Q\",\"sym\":\"SPY\",\"t\":1763700000123,\"extra\":{\"nested\":[1,{\"a\":2}]}}]"));
        assertEquals(4, decoder.rejectedEvents());
        assertEquals(1, decoder.unknownEvents());
        assertEquals(0, decoder.firstRejectIndex());
        assertEquals(DeadLetterReason.UNKNOWN_EVENT, decoder.firstRejectReason());
        assertEquals(2, batch.size(), "the definition and the good quote");
        assertEquals(EventType.QUOTE, batch.get(1).type);
    }

    private static final String TRADE = "{\"ev\":\"T\",\"sym\":\"SPY\",\"x\":4,\"p\":600.01,\"s\":100," +
        "\"t\":1763700000123,\"q\":1}";

    @Test
    void shouldRejectAFrameCutInsideAnArrayAndReadTheNextOne()
    {
        // once spun readArray forever on the ingest thread
        assertEquals(DeadLetterReason.MALFORMED_JSON.value(), decode("[{\"ev\":\"T\",\"sym\":\"SPY\",\"c\":[12,"));
        assertEquals(0, batch.size());
        assertEquals(MassiveFrameDecoder.OK, decode("[" + TRADE + "]"));
        assertEquals(EventType.TRADE, batch.get(batch.size() - 1).type);
    }

    @Test
    void shouldRejectAPartialTokenAfterTheArrayWithoutHurtingTheNextFrame()
    {
        for (final String tail : new String[]{" 1", " \"", " nul", " [", "[]"})
        {
            assertEquals(DeadLetterReason.MALFORMED_JSON.value(), decode("[" + TRADE + "]" + tail), tail);
            assertEquals(0, batch.size(), "the frame is rejected whole: " + tail);
            assertEquals(MassiveFrameDecoder.OK, decode("[" + TRADE + "]\n"), "the next frame after: " + tail);
            assertEquals(EventType.TRADE, batch.get(batch.size() - 1).type);
        }
    }

    @Test
    void shouldRejectValuesTheFeedNeverSendsWithTheirReasonAndKeepTheGoodEvents()
    {
        final String[][] cases = {
            {"\"p\":10000000000000", "p must be a positive price"},
            {"\"p\":-1", "p must be a positive price"},
            {"\"p\":false", "invalid value for 'p'"},
            {"\"p\":123456789012345678901234567890", "invalid value for 'p'"},
            {"\"s\":-5", "trade size (s) must be positive"},
            {"\"s\":0", "trade size (s) must be positive"},
            {"\"t\":0", "t is not a time between 2000 and 2100"},
            {"\"x\":-3", "x must be a whole number from 0 to 999"},
            {"\"c\":[300]", "invalid value for 'c'"},
            {"\"c\":[1,2,3,4,5,6,7,8,9]", "more than 8 conditions"},
            {"\"i\":\"" + "9".repeat(300) + "\"", "invalid value for 'i'"},
        };
        for (final String[] c : cases)
        {
            assertEquals(MassiveFrameDecoder.OK, decode("[" + TRADE + "," + override(TRADE, c[0]) + "," + TRADE + "]"), c[0]);
            assertEquals(1, decoder.rejectedEvents(), c[0]);
            assertEquals(1, decoder.firstRejectIndex(), c[0]);
            assertTrue(decoder.firstRejectDetail().contains(c[1]), c[0] + " -> " + decoder.firstRejectDetail());
            int trades = 0;
            for (int i = 0; i < batch.size(); i++)
            {
                trades += batch.get(i).type == EventType.TRADE ? 1 : 0;
            }
            assertEquals(2, trades, "the good events of the frame go on: " + c[0]);
        }
    }

    @Test
    void shouldKeepANonAsciiTradeIdAsUtf8()
    {
        assertEquals(MassiveFrameDecoder.OK, decode("[" + override(TRADE, "\"i\":\"ü-7\"") + "]"));
        assertEquals("ü-7", batch.get(batch.size() - 1).textAsString());
    }

    /** The event with one field's value replaced (or added). */
    private static String override(final String event, final String field)
    {
        final String name = field.substring(0, field.indexOf(':') + 1);
        final int at = event.indexOf(name);
        if (at < 0)
        {
            return event.substring(0, event.length() - 1) + "," + field + "}";
        }
        int end = at + name.length();
        while (event.charAt(end) != ',' && event.charAt(end) != '}')
        {
            end++;
        }
        return event.substring(0, at) + field + event.substring(end);
    }

    @Test
    void shouldAllocateNothingPerFrameInSteadyState()
    {
        final String frame = "[{\"ev\":\"T\",\"sym\":\"SPY\",\"x\":4,\"i\":\"52983525034215\",\"z\":2,\"p\":600.01," +
            "\"s\":100,\"c\":[12,37],\"t\":1763700000123,\"q\":8812,\"trfi\":202,\"trft\":1763700000120}," +
            "{\"ev\":\"Q\",\"sym\":\"QQQ\",\"bx\":1,\"ax\":2,\"bp\":520.01,\"ap\":520.02,\"bs\":3,\"as\":4,\"t\":1763700000123}]";
        final byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 20_000; i++)
        {
            decoder.decode(bytes, bytes.length, RECEIVED, batch);
        }
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 10_000; i++)
        {
            decoder.decode(bytes, bytes.length, RECEIVED, batch);
        }
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 10_000, "allocated " + allocated + " bytes over 10,000 frames");
    }
}

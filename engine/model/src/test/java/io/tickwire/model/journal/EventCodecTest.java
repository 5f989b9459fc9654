package io.tickwire.model.journal;

import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventCodecTest
{
    private final EventCodec codec = new EventCodec();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[1024]);

    @Test
    void shouldRoundTripEveryInputType()
    {
        for (final int type : new int[]{EventType.SYMBOL, EventType.TRADE, EventType.QUOTE, EventType.INDEX_VALUE,
            EventType.AGGREGATE, EventType.TIMER, EventType.FEED_STATUS, EventType.SETUP_COMMAND,
            EventType.ENGINE_START, EventType.LIMIT_BANDS, EventType.IMBALANCE, EventType.FAIR_VALUE})
        {
            final MarketEvent in = sample(type);
            final int length = codec.encodeOutput(in, buffer, 0);
            assertTrue(length > 0);
            final MarketEvent out = new MarketEvent();
            assertTrue(codec.decode(buffer, 0, out));
            final UnsafeBuffer again = new UnsafeBuffer(new byte[1024]);
            assertEquals(length, codec.encodeOutput(out, again, 0));
            assertArrayEquals(java.util.Arrays.copyOf(buffer.byteArray(), length),
                java.util.Arrays.copyOf(again.byteArray(), length), "type " + type);
        }
    }

    @Test
    void shouldKeepOnlyInputsInTheInputForm()
    {
        final MarketEvent trade = sample(EventType.TRADE);
        trade.flags = MarketEvent.FLAG_LATE | MarketEvent.FLAG_FRACTIONAL_SIZE | MarketEvent.FLAG_BACKWARD_SEQUENCE;
        codec.encodeInput(trade, buffer, 0);
        final MarketEvent out = new MarketEvent();
        codec.decode(buffer, 0, out);
        assertEquals(MarketEvent.FLAG_FRACTIONAL_SIZE, out.flags, "the sequencer's verdicts are not inputs");
        final MarketEvent aggregate = sample(EventType.AGGREGATE);
        aggregate.revision = 3;
        codec.encodeInput(aggregate, buffer, 0);
        codec.decode(buffer, 0, out);
        assertEquals(0, out.revision);
        codec.encodeOutput(aggregate, buffer, 0);
        codec.decode(buffer, 0, out);
        assertEquals(3, out.revision);
    }

    private static MarketEvent sample(final int type)
    {
        final MarketEvent e = new MarketEvent();
        e.reset(type);
        e.eventTime = 1_763_700_000_123_000_000L;
        e.receiveTime = e.eventTime + 1234;
        e.symbolId = 7;
        e.exchange = 4;
        e.trfId = 201;
        e.tape = 2;
        e.flags = MarketEvent.FLAG_BACKWARD_SEQUENCE;
        e.price = 600_010_000L;
        e.size = 7_300L;
        e.sequence = 99;
        e.tradeIdKey = 12345;
        e.conditionCount = 2;
        e.conditions[0] = 12;
        e.conditions[1] = 37;
        e.bidPrice = 1;
        e.askPrice = 2;
        e.bidSize = 3;
        e.askSize = 4;
        e.indicatorCount = 1;
        e.indicators[0] = 604;
        e.startTime = 5;
        e.endTime = 6;
        e.open = 7;
        e.high = 8;
        e.low = 9;
        e.assetClass = 1;
        e.cluster = 2;
        e.feedState = 3;
        e.statusCode = 4;
        e.text("12345");
        e.setupOp = 1;
        e.setupId = 77;
        e.direction = 1;
        e.confirmRule = 2;
        e.trail = 1;
        e.setupState = 3;
        e.confirmTicks = 3;
        e.confirmDwellMillis = 1500;
        e.entryLow = 11;
        e.entryHigh = 12;
        e.proximity = 13;
        e.stop = 14;
        e.target1 = 15;
        e.target2 = 16;
        e.target1Atr = 1.5;
        e.target2Atr = 3;
        e.trailParam = 2.5;
        e.expiry = 17;
        e.entryPrice = 18;
        e.upperLimit = 19;
        e.lowerLimit = 20;
        e.auctionTime = 930;
        e.auctionType = 'O';
        e.imbalance = -21;
        e.pairedQuantity = 22;
        e.clearingPrice = 23;
        return e;
    }
}

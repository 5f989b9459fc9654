package io.tickwire.model.journal;

import io.tickwire.codecs.sbe.AggregateKind;
import io.tickwire.codecs.sbe.AssetClass;
import io.tickwire.codecs.sbe.Cluster;
import io.tickwire.codecs.sbe.ConfirmRule;
import io.tickwire.codecs.sbe.Direction;
import io.tickwire.codecs.sbe.EngineStartDecoder;
import io.tickwire.codecs.sbe.EngineStartEncoder;
import io.tickwire.codecs.sbe.FeedState;
import io.tickwire.codecs.sbe.FeedStatusDecoder;
import io.tickwire.codecs.sbe.FeedStatusEncoder;
import io.tickwire.codecs.sbe.IndexValueDecoder;
import io.tickwire.codecs.sbe.IndexValueEncoder;
import io.tickwire.codecs.sbe.MessageHeaderDecoder;
import io.tickwire.codecs.sbe.MessageHeaderEncoder;
import io.tickwire.codecs.sbe.QuoteDecoder;
import io.tickwire.codecs.sbe.QuoteEncoder;
import io.tickwire.codecs.sbe.SetupCommandDecoder;
import io.tickwire.codecs.sbe.SetupCommandEncoder;
import io.tickwire.codecs.sbe.SetupOp;
import io.tickwire.codecs.sbe.SetupState;
import io.tickwire.codecs.sbe.Source;
import io.tickwire.codecs.sbe.StatusCode;
import io.tickwire.codecs.sbe.SymbolDefinitionDecoder;
import io.tickwire.codecs.sbe.SymbolDefinitionEncoder;
import io.tickwire.codecs.sbe.TimerTickDecoder;
import io.tickwire.codecs.sbe.TimerTickEncoder;
import io.tickwire.codecs.sbe.TradeDecoder;
import io.tickwire.codecs.sbe.TradeEncoder;
import io.tickwire.codecs.sbe.Trail;
import io.tickwire.codecs.sbe.UpstreamAggregateDecoder;
import io.tickwire.codecs.sbe.UpstreamAggregateEncoder;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Ring event to SBE record and back, for the input types (symbol, trade, quote, index value, aggregate,
 * timer, feed status). The same encoding is used by the input journal and, for accepted events, by the
 * output journal, so replay reads exactly what live wrote. Flyweights are reused: no allocation.
 */
public final class EventCodec
{
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final SymbolDefinitionEncoder symbolEncoder = new SymbolDefinitionEncoder();
    private final SymbolDefinitionDecoder symbolDecoder = new SymbolDefinitionDecoder();
    private final TradeEncoder tradeEncoder = new TradeEncoder();
    private final TradeDecoder tradeDecoder = new TradeDecoder();
    private final QuoteEncoder quoteEncoder = new QuoteEncoder();
    private final QuoteDecoder quoteDecoder = new QuoteDecoder();
    private final IndexValueEncoder indexEncoder = new IndexValueEncoder();
    private final IndexValueDecoder indexDecoder = new IndexValueDecoder();
    private final UpstreamAggregateEncoder aggregateEncoder = new UpstreamAggregateEncoder();
    private final UpstreamAggregateDecoder aggregateDecoder = new UpstreamAggregateDecoder();
    private final TimerTickEncoder timerEncoder = new TimerTickEncoder();
    private final TimerTickDecoder timerDecoder = new TimerTickDecoder();
    private final FeedStatusEncoder statusEncoder = new FeedStatusEncoder();
    private final FeedStatusDecoder statusDecoder = new FeedStatusDecoder();
    private final SetupCommandEncoder setupEncoder = new SetupCommandEncoder();
    private final EngineStartEncoder startEncoder = new EngineStartEncoder();
    private final EngineStartDecoder startDecoder = new EngineStartDecoder();
    private final SetupCommandDecoder setupDecoder = new SetupCommandDecoder();

    /**
     * The input form of an event, as the input journal keeps it: only what entered the ring, none of the
     * sequencer's verdicts (which another stage may be writing at the same moment in the dedicated layout).
     *
     * @return bytes written (header included), or 0 for a type that has no record.
     */
    public int encodeInput(final MarketEvent e, final MutableDirectBuffer buffer, final int offset)
    {
        return encode(e, buffer, offset, false);
    }

    /** The output form: the input plus the sequencer's verdicts (trade flags, aggregate revision). */
    public int encodeOutput(final MarketEvent e, final MutableDirectBuffer buffer, final int offset)
    {
        return encode(e, buffer, offset, true);
    }

    private int encode(final MarketEvent e, final MutableDirectBuffer buffer, final int offset, final boolean output)
    {
        switch (e.type)
        {
            case EventType.SYMBOL:
                symbolEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                    .eventTime(e.eventTime)
                    .receiveTime(e.receiveTime)
                    .symbolId(e.symbolId)
                    .assetClass(AssetClass.get((short)e.assetClass))
                    .putTicker(e.text, 0, e.textLength);
                return MessageHeaderEncoder.ENCODED_LENGTH + symbolEncoder.encodedLength();
            case EventType.TRADE:
                tradeEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                    .eventTime(e.eventTime)
                    .receiveTime(e.receiveTime)
                    .symbolId(e.symbolId)
                    .source(Source.get((short)e.source));
                buffer.putByte(offset + MessageHeaderEncoder.ENCODED_LENGTH + TradeEncoder.flagsEncodingOffset(),
                    (byte)(output ? e.flags : e.flags & MarketEvent.INPUT_FLAGS));
                tradeEncoder.exchange((short)e.exchange)
                    .trfId((short)e.trfId)
                    .tape((short)e.tape)
                    .conditionCount((short)e.conditionCount);
                for (int i = 0; i < MarketEvent.MAX_CONDITIONS; i++)
                {
                    tradeEncoder.conditions(i, i < e.conditionCount ? (short)(e.conditions[i] & 0xFF) : 0);
                }
                tradeEncoder.participantTime(e.participantTime)
                    .trfTime(e.trfTime)
                    .price(e.price)
                    .size(e.size)
                    .sequence(e.sequence)
                    .tradeIdKey(e.tradeIdKey)
                    .putTradeId(e.text, 0, e.textLength);
                return MessageHeaderEncoder.ENCODED_LENGTH + tradeEncoder.encodedLength();
            case EventType.QUOTE:
                quoteEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                    .eventTime(e.eventTime)
                    .receiveTime(e.receiveTime)
                    .symbolId(e.symbolId)
                    .source(Source.get((short)e.source))
                    .bidExchange((short)e.bidExchange)
                    .askExchange((short)e.askExchange)
                    .condition((short)e.condition)
                    .tape((short)e.tape)
                    .indicatorCount((short)e.indicatorCount);
                for (int i = 0; i < MarketEvent.MAX_INDICATORS; i++)
                {
                    quoteEncoder.indicators(i, i < e.indicatorCount ? e.indicators[i] & 0xFFFF : 0);
                }
                quoteEncoder.bidPrice(e.bidPrice)
                    .bidSize(e.bidSize)
                    .askPrice(e.askPrice)
                    .askSize(e.askSize)
                    .participantTime(e.participantTime)
                    .sequence(e.sequence);
                return MessageHeaderEncoder.ENCODED_LENGTH + quoteEncoder.encodedLength();
            case EventType.INDEX_VALUE:
                indexEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                    .eventTime(e.eventTime)
                    .receiveTime(e.receiveTime)
                    .symbolId(e.symbolId)
                    .source(Source.get((short)e.source))
                    .value(e.price);
                return MessageHeaderEncoder.ENCODED_LENGTH + indexEncoder.encodedLength();
            case EventType.AGGREGATE:
                aggregateEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                    .eventTime(e.eventTime)
                    .receiveTime(e.receiveTime)
                    .symbolId(e.symbolId)
                    .kind(AggregateKind.get((short)e.aggregateKind))
                    .otc((short)e.otc)
                    .startTime(e.startTime)
                    .endTime(e.endTime)
                    .open(e.open)
                    .high(e.high)
                    .low(e.low)
                    .close(e.price)
                    .volume(e.size)
                    .accumulatedVolume(e.accumulatedVolume)
                    .vwap(e.vwap)
                    .dayVwap(e.dayVwap)
                    .dayOpen(e.dayOpen)
                    .averageSize(e.averageSize)
                    .revision(output ? e.revision : 0);
                return MessageHeaderEncoder.ENCODED_LENGTH + aggregateEncoder.encodedLength();
            case EventType.TIMER:
                timerEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                    .eventTime(e.eventTime)
                    .receiveTime(e.receiveTime);
                return MessageHeaderEncoder.ENCODED_LENGTH + timerEncoder.encodedLength();
            case EventType.FEED_STATUS:
                statusEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                    .eventTime(e.eventTime)
                    .receiveTime(e.receiveTime)
                    .cluster(Cluster.get((short)e.cluster))
                    .state(FeedState.get((short)e.feedState))
                    .statusCode(StatusCode.get((short)e.statusCode))
                    .gapStart(e.gapStart)
                    .gapEnd(e.gapEnd)
                    .putMessage(e.text, 0, e.textLength);
                return MessageHeaderEncoder.ENCODED_LENGTH + statusEncoder.encodedLength();
            case EventType.ENGINE_START:
                startEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                    .eventTime(e.eventTime)
                    .receiveTime(e.receiveTime);
                return MessageHeaderEncoder.ENCODED_LENGTH + startEncoder.encodedLength();
            case EventType.SETUP_COMMAND:
                setupEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
                    .eventTime(e.eventTime)
                    .receiveTime(e.receiveTime)
                    .op(SetupOp.get((short)e.setupOp))
                    .setupId(e.setupId)
                    .symbolId(e.symbolId)
                    .direction(Direction.get((short)e.direction))
                    .confirmRule(ConfirmRule.get((short)e.confirmRule))
                    .trail(Trail.get((short)e.trail))
                    .state(SetupState.get((short)e.setupState))
                    .confirmTicks(e.confirmTicks)
                    .confirmDwellMillis(e.confirmDwellMillis)
                    .entryLow(e.entryLow)
                    .entryHigh(e.entryHigh)
                    .proximity(e.proximity)
                    .stop(e.stop)
                    .target1(e.target1)
                    .target2(e.target2)
                    .target1Atr(e.target1Atr)
                    .target2Atr(e.target2Atr)
                    .trailParam(e.trailParam)
                    .expiry(e.expiry)
                    .entryPrice(e.entryPrice)
                    .putRuntime(e.text, 0, e.textLength);
                return MessageHeaderEncoder.ENCODED_LENGTH + setupEncoder.encodedLength();
            default:
                return 0;
        }
    }

    /**
     * Fills {@code e} from a record. @return false for a template that is not an input type (a bar, a
     * dead letter), which the caller skips.
     */
    public boolean decode(final DirectBuffer buffer, final int offset, final MarketEvent e)
    {
        headerDecoder.wrap(buffer, offset);
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        final int blockLength = headerDecoder.blockLength();
        final int version = headerDecoder.version();
        switch (headerDecoder.templateId())
        {
            case SymbolDefinitionDecoder.TEMPLATE_ID:
                symbolDecoder.wrap(buffer, body, blockLength, version);
                e.reset(EventType.SYMBOL);
                e.eventTime = symbolDecoder.eventTime();
                e.receiveTime = symbolDecoder.receiveTime();
                e.symbolId = symbolDecoder.symbolId();
                e.assetClass = symbolDecoder.assetClassRaw();
                e.textLength = symbolDecoder.getTicker(e.text, 0, MarketEvent.MAX_TEXT);
                return true;
            case TradeDecoder.TEMPLATE_ID:
                tradeDecoder.wrap(buffer, body, blockLength, version);
                e.reset(EventType.TRADE);
                e.eventTime = tradeDecoder.eventTime();
                e.receiveTime = tradeDecoder.receiveTime();
                e.symbolId = tradeDecoder.symbolId();
                e.source = tradeDecoder.sourceRaw();
                e.flags = buffer.getByte(body + TradeDecoder.flagsEncodingOffset()) & 0xFF;
                e.exchange = tradeDecoder.exchange();
                e.trfId = tradeDecoder.trfId();
                e.tape = tradeDecoder.tape();
                e.conditionCount = tradeDecoder.conditionCount();
                for (int i = 0; i < e.conditionCount; i++)
                {
                    e.conditions[i] = (byte)tradeDecoder.conditions(i);
                }
                e.participantTime = tradeDecoder.participantTime();
                e.trfTime = tradeDecoder.trfTime();
                e.price = tradeDecoder.price();
                e.size = tradeDecoder.size();
                e.sequence = tradeDecoder.sequence();
                e.tradeIdKey = tradeDecoder.tradeIdKey();
                e.textLength = tradeDecoder.getTradeId(e.text, 0, MarketEvent.MAX_TEXT);
                return true;
            case QuoteDecoder.TEMPLATE_ID:
                quoteDecoder.wrap(buffer, body, blockLength, version);
                e.reset(EventType.QUOTE);
                e.eventTime = quoteDecoder.eventTime();
                e.receiveTime = quoteDecoder.receiveTime();
                e.symbolId = quoteDecoder.symbolId();
                e.source = quoteDecoder.sourceRaw();
                e.bidExchange = quoteDecoder.bidExchange();
                e.askExchange = quoteDecoder.askExchange();
                e.condition = quoteDecoder.condition();
                e.tape = quoteDecoder.tape();
                e.indicatorCount = quoteDecoder.indicatorCount();
                for (int i = 0; i < e.indicatorCount; i++)
                {
                    e.indicators[i] = (short)quoteDecoder.indicators(i);
                }
                e.bidPrice = quoteDecoder.bidPrice();
                e.bidSize = quoteDecoder.bidSize();
                e.askPrice = quoteDecoder.askPrice();
                e.askSize = quoteDecoder.askSize();
                e.participantTime = quoteDecoder.participantTime();
                e.sequence = quoteDecoder.sequence();
                return true;
            case IndexValueDecoder.TEMPLATE_ID:
                indexDecoder.wrap(buffer, body, blockLength, version);
                e.reset(EventType.INDEX_VALUE);
                e.eventTime = indexDecoder.eventTime();
                e.receiveTime = indexDecoder.receiveTime();
                e.symbolId = indexDecoder.symbolId();
                e.source = indexDecoder.sourceRaw();
                e.price = indexDecoder.value();
                return true;
            case UpstreamAggregateDecoder.TEMPLATE_ID:
                aggregateDecoder.wrap(buffer, body, blockLength, version);
                e.reset(EventType.AGGREGATE);
                e.eventTime = aggregateDecoder.eventTime();
                e.receiveTime = aggregateDecoder.receiveTime();
                e.symbolId = aggregateDecoder.symbolId();
                e.aggregateKind = aggregateDecoder.kindRaw();
                e.otc = aggregateDecoder.otc();
                e.startTime = aggregateDecoder.startTime();
                e.endTime = aggregateDecoder.endTime();
                e.open = aggregateDecoder.open();
                e.high = aggregateDecoder.high();
                e.low = aggregateDecoder.low();
                e.price = aggregateDecoder.close();
                e.size = aggregateDecoder.volume();
                e.accumulatedVolume = aggregateDecoder.accumulatedVolume();
                e.vwap = aggregateDecoder.vwap();
                e.dayVwap = aggregateDecoder.dayVwap();
                e.dayOpen = aggregateDecoder.dayOpen();
                e.averageSize = aggregateDecoder.averageSize();
                e.revision = aggregateDecoder.revision() == UpstreamAggregateDecoder.revisionNullValue() ? 0 :
                    aggregateDecoder.revision();
                return true;
            case TimerTickDecoder.TEMPLATE_ID:
                timerDecoder.wrap(buffer, body, blockLength, version);
                e.reset(EventType.TIMER);
                e.eventTime = timerDecoder.eventTime();
                e.receiveTime = timerDecoder.receiveTime();
                return true;
            case FeedStatusDecoder.TEMPLATE_ID:
                statusDecoder.wrap(buffer, body, blockLength, version);
                e.reset(EventType.FEED_STATUS);
                e.eventTime = statusDecoder.eventTime();
                e.receiveTime = statusDecoder.receiveTime();
                e.cluster = statusDecoder.clusterRaw();
                e.feedState = statusDecoder.stateRaw();
                e.statusCode = statusDecoder.statusCodeRaw();
                e.gapStart = statusDecoder.gapStart();
                e.gapEnd = statusDecoder.gapEnd();
                e.textLength = statusDecoder.getMessage(e.text, 0, MarketEvent.MAX_TEXT);
                return true;
            case EngineStartDecoder.TEMPLATE_ID:
                startDecoder.wrap(buffer, body, blockLength, version);
                e.reset(EventType.ENGINE_START);
                e.eventTime = startDecoder.eventTime();
                e.receiveTime = startDecoder.receiveTime();
                return true;
            case SetupCommandDecoder.TEMPLATE_ID:
                setupDecoder.wrap(buffer, body, blockLength, version);
                e.reset(EventType.SETUP_COMMAND);
                e.eventTime = setupDecoder.eventTime();
                e.receiveTime = setupDecoder.receiveTime();
                e.setupOp = setupDecoder.opRaw();
                e.setupId = setupDecoder.setupId();
                e.symbolId = setupDecoder.symbolId();
                e.direction = setupDecoder.directionRaw();
                e.confirmRule = setupDecoder.confirmRuleRaw();
                e.trail = setupDecoder.trailRaw();
                e.setupState = setupDecoder.stateRaw();
                e.confirmTicks = setupDecoder.confirmTicks();
                e.confirmDwellMillis = setupDecoder.confirmDwellMillis();
                e.entryLow = setupDecoder.entryLow();
                e.entryHigh = setupDecoder.entryHigh();
                e.proximity = setupDecoder.proximity();
                e.stop = setupDecoder.stop();
                e.target1 = setupDecoder.target1();
                e.target2 = setupDecoder.target2();
                e.target1Atr = setupDecoder.target1Atr();
                e.target2Atr = setupDecoder.target2Atr();
                e.trailParam = setupDecoder.trailParam();
                e.expiry = setupDecoder.expiry();
                e.entryPrice = setupDecoder.entryPrice();
                e.textLength = setupDecoder.getRuntime(e.text, 0, MarketEvent.MAX_TEXT);
                return true;
            default:
                return false;
        }
    }
}

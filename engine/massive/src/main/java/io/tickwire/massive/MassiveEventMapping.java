package io.tickwire.massive;

import io.tickwire.codecs.sbe.AggregateKind;
import io.tickwire.model.FixedPoint;
import io.tickwire.model.event.MarketEvent;
import io.tickwire.model.event.TradeIdKey;

import static io.tickwire.massive.MassiveFields.*;

/**
 * Massive's fields onto a staged ring event, per event kind: what the decoder does once the event passed its
 * rules ({@link MassiveEventRules}). The event's symbol, source and receive time are already set.
 */
final class MassiveEventMapping
{
    private MassiveEventMapping()
    {
    }

    static void trade(final MassiveEventReader in, final MarketEvent e)
    {
        e.eventTime = in.nanos(F_T);
        e.participantTime = in.present(F_PT) ? in.nanos(F_PT) : 0;
        e.trfTime = in.present(F_TRFT) ? in.nanos(F_TRFT) : 0;
        e.exchange = (int)in.wholeOr(F_X, 0);
        e.trfId = (int)in.wholeOr(F_TRFI, 0);
        e.tape = (int)in.wholeOr(F_Z, 0);
        e.sequence = in.wholeOr(F_Q, 0);
        e.price = in.fixedValue(F_P);
        e.size = in.present(F_DS) ? in.fixedValue(F_DS) : in.fixedValue(F_S);
        if (e.size % FixedPoint.SCALE != 0)
        {
            e.flags |= MarketEvent.FLAG_FRACTIONAL_SIZE;
        }
        e.conditionCount = in.conditionCount;
        System.arraycopy(in.conditions, 0, e.conditions, 0, in.conditionCount);
        if (in.idIsText)
        {
            e.textLength = Utf8.encode(in.id, in.idLength, e.text);
            e.tradeIdKey = TradeIdKey.of(in.id, 0, in.idLength);
        }
        else
        {
            e.tradeIdKey = TradeIdKey.withoutId(e.sequence, e.eventTime, e.price, e.size);
        }
    }

    static void quote(final MassiveEventReader in, final MarketEvent e)
    {
        e.eventTime = in.nanos(F_T);
        e.participantTime = in.present(F_PT) ? in.nanos(F_PT) : 0;
        e.bidExchange = (int)in.wholeOr(F_BX, 0);
        e.askExchange = (int)in.wholeOr(F_AX, 0);
        e.bidPrice = in.present(F_BP) ? in.fixedValue(F_BP) : 0;
        e.askPrice = in.present(F_AP) ? in.fixedValue(F_AP) : 0;
        e.bidSize = in.present(F_BS) ? in.fixedValue(F_BS) : 0;
        e.askSize = in.present(F_AS) ? in.fixedValue(F_AS) : 0;
        e.condition = (int)in.wholeOr(F_C, 0);
        e.tape = (int)in.wholeOr(F_Z, 0);
        e.sequence = in.wholeOr(F_Q, 0);
        e.indicatorCount = in.indicatorCount;
        System.arraycopy(in.indicators, 0, e.indicators, 0, in.indicatorCount);
    }

    static void indexValue(final MassiveEventReader in, final MarketEvent e)
    {
        e.eventTime = in.nanos(F_T);
        e.price = in.fixedValue(F_VAL);
    }

    static void aggregate(final MassiveEventReader in, final MarketEvent e)
    {
        e.aggregateKind = in.ev == EV_SECOND_AGG ? AggregateKind.SECOND.value() : AggregateKind.MINUTE.value();
        e.startTime = in.nanos(F_S);
        e.endTime = in.nanos(F_E);
        e.eventTime = e.endTime;
        e.open = in.fixedOr(F_O);
        e.high = in.fixedOr(F_H);
        e.low = in.fixedOr(F_L);
        e.price = in.fixedOr(F_C);
        e.size = in.present(F_DV) ? in.fixedValue(F_DV) : in.fixedOr(F_V);
        e.accumulatedVolume = in.present(F_DAV) ? in.fixedValue(F_DAV) : in.fixedOr(F_AV);
        e.vwap = in.fixedOr(F_VW);
        e.dayVwap = in.fixedOr(F_A);
        e.dayOpen = in.fixedOr(F_OP);
        e.averageSize = in.fixedOr(F_Z);
        e.otc = (int)in.wholeOr(F_OTC, 0);
    }

    /** LULD: ticker in T, t in ns on the wire (decided by magnitude like every time). */
    static void limitBands(final MassiveEventReader in, final MarketEvent e)
    {
        e.eventTime = in.nanos(F_T);
        e.upperLimit = in.fixedValue(F_H);
        e.lowerLimit = in.fixedValue(F_L);
        e.tape = (int)in.wholeOr(F_Z, 0);
        e.sequence = in.wholeOr(F_Q, 0);
        e.indicatorCount = in.indicatorCount;
        System.arraycopy(in.indicators, 0, e.indicators, 0, in.indicatorCount);
    }

    /** NOI: the auction type is a letter in a; i is the symbol sequence, a number. */
    static void imbalance(final MassiveEventReader in, final MarketEvent e)
    {
        e.eventTime = in.nanos(F_T);
        e.exchange = (int)in.wholeOr(F_X, 0);
        e.auctionTime = (int)in.wholeOr(F_AT, 0);
        e.auctionType = in.auctionType;
        e.imbalance = in.fixedValue(F_O);
        e.pairedQuantity = in.fixedOr(F_P);
        e.clearingPrice = in.fixedOr(F_B);
        e.sequence = in.idIsText && isDigits(in.id, 0, in.idLength) ? parseWhole(in.id, 0, in.idLength) : 0;
    }

    static void fairValue(final MassiveEventReader in, final MarketEvent e)
    {
        e.eventTime = in.nanos(F_T);
        e.price = in.fixedValue(F_FMV);
    }
}

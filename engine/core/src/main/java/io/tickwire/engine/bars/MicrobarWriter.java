package io.tickwire.engine.bars;

import io.tickwire.codecs.sbe.BarKind;
import io.tickwire.codecs.sbe.MessageHeaderEncoder;
import io.tickwire.codecs.sbe.MicrobarEncoder;
import io.tickwire.codecs.sbe.UsSession;
import io.tickwire.engine.time.UsEquityCalendar;
import io.tickwire.model.EngineCounters;
import io.tickwire.model.FixedPoint;
import io.tickwire.model.event.MarketEvent;
import org.agrona.ExpandableArrayBuffer;

/**
 * Writes a bar, from its state in a {@link BarBook}, into a ring slot's bar output as a Microbar record
 * ({@code [int32 length][SBE]}): the one place the bar stage encodes one. No allocation.
 */
final class MicrobarWriter
{
    private final EngineCounters counters;
    private final UsEquityCalendar calendar = new UsEquityCalendar();
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final MicrobarEncoder barEncoder = new MicrobarEncoder();

    MicrobarWriter(final EngineCounters counters)
    {
        this.counters = counters;
    }

    /** @param barClock the bar's feed's clock: the record's event time */
    void write(final BarBook book, final int symbolId, final long[] bar, final int lo, final double[] doubles,
        final int dlo, final long barClock, final MarketEvent e)
    {
        final ExpandableArrayBuffer out = e.barOutput;
        final int lengthOffset = e.barOutputLength;
        out.checkLimit(lengthOffset + 4 + MessageHeaderEncoder.ENCODED_LENGTH + MicrobarEncoder.BLOCK_LENGTH);
        final long start = bar[lo + BarBook.WINDOW] * book.timeframeNanos;
        final long volume = bar[lo + BarBook.VOLUME];
        final long quotes = bar[lo + BarBook.QUOTES];
        barEncoder.wrapAndApplyHeader(out, lengthOffset + 4, headerEncoder)
            .eventTime(barClock)
            .receiveTime(e.receiveTime)
            .symbolId(symbolId)
            .timeframeMillis(book.timeframeMillis)
            .kind(BarKind.get((short)bar[lo + BarBook.KIND]))
            .revision((int)Math.max(0, bar[lo + BarBook.REVISION]))
            .startTime(start)
            .endTime(start + book.timeframeNanos)
            .open(bar[lo + BarBook.OPEN])
            .high(bar[lo + BarBook.HIGH])
            .low(bar[lo + BarBook.LOW])
            .close(bar[lo + BarBook.CLOSE])
            .volume(volume)
            .vwap(volume == 0 ? 0 : Math.round(doubles[dlo + BarBook.NOTIONAL] / FixedPoint.toDouble(volume) *
                FixedPoint.SCALE))
            .tradeCount((int)bar[lo + BarBook.COUNT])
            .firstTradeTime(bar[lo + BarBook.FIRST])
            .lastTradeTime(bar[lo + BarBook.LAST])
            .session(UsSession.get(calendar.session(start)))
            .tradingDay(calendar.tradingDay(start))
            .quoteCount((int)quotes)
            .spreadMean(quotes == 0 ? 0 : bar[lo + BarBook.SPREAD_SUM] / quotes)
            .spreadBpsMean(quotes == 0 ? 0 : doubles[dlo + BarBook.SPREAD_BPS_SUM] / quotes)
            .orderFlowImbalance(doubles[dlo + BarBook.OFI])
            .buyVolume(bar[lo + BarBook.BUY])
            .sellVolume(bar[lo + BarBook.SELL])
            .pathLength(bar[lo + BarBook.PATH])
            .realizedVariance(doubles[dlo + BarBook.RV]);
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + barEncoder.encodedLength();
        out.putInt(lengthOffset, length);
        e.barOutputLength = lengthOffset + 4 + length;
        counters.barsEmitted.incrementRelease();
        if (bar[lo + BarBook.KIND] == BarKind.GAP.value())
        {
            counters.gapBars.incrementRelease();
        }
    }
}

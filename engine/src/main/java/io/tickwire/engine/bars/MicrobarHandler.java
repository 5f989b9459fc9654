package io.tickwire.engine.bars;

import com.lmax.disruptor.EventHandler;
import io.tickwire.codecs.sbe.BarKind;
import io.tickwire.codecs.sbe.MessageHeaderEncoder;
import io.tickwire.codecs.sbe.MicrobarEncoder;
import io.tickwire.engine.EngineCounters;
import io.tickwire.engine.event.EventType;
import io.tickwire.engine.event.MarketEvent;
import org.agrona.ExpandableArrayBuffer;

import java.util.List;

/**
 * Builds microbars (OHLC, volume, VWAP, trade count) per symbol and timeframe from accepted trades and
 * index values, closing them on <em>event time</em>.
 *
 * <p>The bar clock is the newest event time seen. Journaled timer ticks move it on when the market is
 * quiet: a tick at wall time W stands for event time W - lag, where lag is the receive-minus-event delay of
 * the newest data event, so a feed running behind (or a simulator on a shifted clock) is not outrun. A bar
 * closes when the clock passes its end by {@code closeDelay}. Symbols that traded before and are idle get a
 * QUIET bar (carried close, zero volume). A bar whose window overlaps a window in which its cluster's feed
 * was down (or the ring dropped its events) is a GAP bar, with whatever data did arrive: quiet and missing
 * are never confused.
 *
 * <p>Emission order when several bars close at once (docs/architecture.md): by window end time, then
 * timeframe ascending, then symbol id ascending. Bars are written into the event's bar output for the
 * output journal stage.
 */
public final class MicrobarHandler implements EventHandler<MarketEvent>
{
    /** Events claiming to be this far ahead of their receipt do not move the clock (a bad timestamp). */
    static final long MAX_FUTURE_SKEW_NANOS = 60_000_000_000L;

    private final BarBook[] books;
    private final long closeDelayNanos;
    private final EngineCounters counters;
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final MicrobarEncoder barEncoder = new MicrobarEncoder();
    private final FeedGaps gaps = new FeedGaps();
    /** Cluster of each symbol (stocks 0, options 1, indices 2: the asset class's value), from its definition. */
    private byte[] clusterOf = new byte[1024];
    private long clock = Long.MIN_VALUE;
    private long lag;
    private int maxSymbolId;

    public MicrobarHandler(final List<Integer> timeframesMillis, final int closeDelayMillis, final EngineCounters counters)
    {
        books = new BarBook[timeframesMillis.size()];
        for (int i = 0; i < books.length; i++)
        {
            books[i] = new BarBook(timeframesMillis.get(i));
            if (closeDelayMillis >= timeframesMillis.get(i))
            {
                throw new IllegalArgumentException("bars.closeDelayMs (" + closeDelayMillis +
                    ") must be shorter than the smallest timeframe (" + timeframesMillis.get(i) + " ms)");
            }
        }
        this.closeDelayNanos = closeDelayMillis * 1_000_000L;
        this.counters = counters;
    }

    @Override
    public void onEvent(final MarketEvent event, final long sequence, final boolean endOfBatch)
    {
        event.barOutputLength = 0;
        if (event.type == EventType.SYMBOL)
        {
            if (event.symbolId >= clusterOf.length)
            {
                clusterOf = java.util.Arrays.copyOf(clusterOf, Integer.highestOneBit(event.symbolId) << 1);
            }
            clusterOf[event.symbolId] = (byte)event.assetClass;
        }
        else if (event.type == EventType.FEED_STATUS)
        {
            gaps.onFeedStatus(event);
        }
        advanceClock(event);
        if (clock != Long.MIN_VALUE)
        {
            closeDueBars(event);
        }
        if (event.accepted && (event.type == EventType.TRADE || event.type == EventType.INDEX_VALUE))
        {
            addToBars(event);
        }
    }

    private void advanceClock(final MarketEvent e)
    {
        switch (e.type)
        {
            case EventType.TRADE:
            case EventType.QUOTE:
            case EventType.INDEX_VALUE:
                if (e.accepted && e.eventTime > clock && e.eventTime <= e.receiveTime + MAX_FUTURE_SKEW_NANOS)
                {
                    if (clock == Long.MIN_VALUE)
                    {
                        startClock(e.eventTime);
                    }
                    clock = e.eventTime;
                    lag = Math.max(0, e.receiveTime - e.eventTime);
                }
                break;
            case EventType.TIMER:
                if (clock != Long.MIN_VALUE)
                {
                    clock = Math.max(clock, e.eventTime - lag);
                }
                break;
            default:
                break;
        }
    }

    private void startClock(final long time)
    {
        for (final BarBook book : books)
        {
            book.lastClosedWindow = Math.floorDiv(time - closeDelayNanos, book.timeframeNanos) - 1;
        }
    }

    private void closeDueBars(final MarketEvent e)
    {
        while (true)
        {
            BarBook due = null;
            long dueTime = Long.MAX_VALUE;
            for (final BarBook book : books)
            {
                final long t = book.nextCloseTime(closeDelayNanos);
                if (t <= clock && t < dueTime) // strict: on a tie the smaller timeframe (earlier in books) wins
                {
                    due = book;
                    dueTime = t;
                }
            }
            if (due == null)
            {
                return;
            }
            closeWindow(due, due.lastClosedWindow + 1, e);
            due.lastClosedWindow++;
        }
    }

    private void closeWindow(final BarBook book, final long w, final MarketEvent e)
    {
        final int symbols = Math.min(book.symbolCapacity(), maxSymbolId + 1);
        final long start = w * book.timeframeNanos;
        final long end = start + book.timeframeNanos;
        for (int s = 1; s < symbols; s++)
        {
            final int slot = s * 2 + (int)(w & 1);
            final boolean gap = s < clusterOf.length && gaps.overlaps(clusterOf[s], start, end);
            if (book.window[slot] == w && book.count[slot] > 0)
            {
                emit(book, s, w, gap ? BarKind.GAP : BarKind.NORMAL, book.open[slot], book.high[slot], book.low[slot], book.close[slot],
                    book.volume[slot], vwap(book, slot), book.count[slot], book.firstTime[slot], book.lastTime[slot], e);
                book.carriedClose[s] = book.close[slot];
                book.hasClose[s] = true;
                book.window[slot] = BarBook.NO_WINDOW;
            }
            else if (book.hasClose[s])
            {
                final long c = book.carriedClose[s];
                emit(book, s, w, gap ? BarKind.GAP : BarKind.QUIET, c, c, c, c, 0, 0, 0, 0, 0, e);
            }
        }
    }

    private static long vwap(final BarBook book, final int slot)
    {
        final long volume = book.volume[slot];
        if (volume == 0)
        {
            return 0; // index bars carry no volume, so no VWAP
        }
        return Math.round(book.notional[slot] / io.tickwire.engine.ingest.FixedPoint.toDouble(volume) *
            io.tickwire.engine.ingest.FixedPoint.SCALE);
    }

    private void addToBars(final MarketEvent e)
    {
        maxSymbolId = Math.max(maxSymbolId, e.symbolId);
        boolean late = false;
        for (final BarBook book : books)
        {
            final long w = book.windowOf(e.eventTime);
            if (w <= book.lastClosedWindow)
            {
                late = true; // revisions of closed bars come with issue 4; counted, never silently merged
                continue;
            }
            book.add(e.symbolId, w, e.eventTime, e.price, e.type == EventType.TRADE ? e.size : 0);
        }
        if (late)
        {
            counters.lateTrades.incrementRelease();
        }
    }

    private void emit(
        final BarBook book, final int symbolId, final long w, final BarKind kind, final long open, final long high,
        final long low, final long close, final long volume, final long vwap, final int count, final long first,
        final long last, final MarketEvent e)
    {
        final ExpandableArrayBuffer out = e.barOutput;
        final int lengthOffset = e.barOutputLength;
        out.checkLimit(lengthOffset + 4 + MessageHeaderEncoder.ENCODED_LENGTH + MicrobarEncoder.BLOCK_LENGTH);
        barEncoder.wrapAndApplyHeader(out, lengthOffset + 4, headerEncoder)
            .eventTime(clock)
            .receiveTime(e.receiveTime)
            .symbolId(symbolId)
            .timeframeMillis(book.timeframeMillis)
            .kind(kind)
            .revision(0)
            .startTime(w * book.timeframeNanos)
            .endTime((w + 1) * book.timeframeNanos)
            .open(open)
            .high(high)
            .low(low)
            .close(close)
            .volume(volume)
            .vwap(vwap)
            .tradeCount(count)
            .firstTradeTime(first)
            .lastTradeTime(last);
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + barEncoder.encodedLength();
        out.putInt(lengthOffset, length);
        e.barOutputLength = lengthOffset + 4 + length;
        counters.barsEmitted.incrementRelease();
        if (kind == BarKind.GAP)
        {
            counters.gapBars.incrementRelease();
        }
    }
}

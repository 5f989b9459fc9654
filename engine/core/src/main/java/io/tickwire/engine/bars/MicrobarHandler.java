package io.tickwire.engine.bars;

import com.lmax.disruptor.EventHandler;
import io.tickwire.codecs.sbe.BarKind;
import io.tickwire.model.EngineCounters;
import io.tickwire.engine.time.ClusterClocks;
import io.tickwire.engine.time.EventClock;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;

/**
 * Builds microbars per symbol and timeframe from accepted trades and index values, closing them on
 * <em>event time</em> (docs/architecture.md "Microbars", docs/analytics.md):
 * <ul>
 * <li>OHLC from trades whose conditions update the price, volume/VWAP/count from those that update volume
 * ({@link TradeConditionRules}); index values update the price and count;</li>
 * <li>per window also the quote statistics (count, mean spread, spread in bps, order-flow imbalance), the
 * buy/sell split of volume, the price path length and the realized variance, for the metrics stage;</li>
 * <li>the clock is the symbol's feed's {@link EventClock} ({@link ClusterClocks}): the newest event time seen
 * on that feed, moved on by journaled timer ticks in a quiet market;</li>
 * <li>a bar closes when its feed's clock passes its end by {@code closeDelay}; kinds: NORMAL (trades), QUIET (none:
 * carried close, zero volume), GAP (the feed was down during it, see {@link FeedGaps}), PARTIAL (its window began
 * before the feed's first data: what came before was never seen);</li>
 * <li>a trade for a closed bar within {@code lateness} of its end revises it: the bar is emitted again with
 * the next revision number; later ones are counted and change nothing;</li>
 * <li>each bar carries the US equity session and trading day of its start.</li>
 * </ul>
 * Emission order when several bars close at once: by window end, then timeframe ascending, then feed (stocks,
 * options, indices), then symbol id ascending; a revision is emitted when its late trade is processed, after the
 * bars that trade's clock advance closed.
 */
public final class MicrobarHandler implements EventHandler<MarketEvent>
{
    private final BarBook[] books;
    private final long closeDelayNanos;
    private final long latenessNanos;
    private final TradeConditionRules rules;
    private final EngineCounters counters;
    private final FeedGaps gaps = new FeedGaps();
    private final TopOfBook topOfBook = new TopOfBook();
    private final ClusterClocks clocks = new ClusterClocks();
    private final MicrobarWriter writer;
    private final long revisionIntervalNanos;
    private final long dormantAfterNanos;
    /** Per symbol: the event time of its newest trade, quote or index value. */
    private long[] lastActive = new long[1024];
    private final PendingRevisions pending = new PendingRevisions();
    /** Per feed: its clock's first reading. A window that began before it is partial: data before it was never seen. */
    private final long[] clockStarted = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
    /** The feed whose status is being handled, while its pending revisions are flushed; -1 otherwise. */
    private int flushing = -1;
    private MarketEvent cause;
    private final PendingRevisions.Visitor emitDue = this::emitIfDue;
    private int maxSymbolId;

    public MicrobarHandler(final BarSettings settings, final EngineCounters counters)
    {
        books = new BarBook[settings.timeframesMillis().size()];
        for (int i = 0; i < books.length; i++)
        {
            books[i] = new BarBook(settings.timeframesMillis().get(i), settings.latenessMillis() * 1_000_000L);
        }
        this.closeDelayNanos = settings.closeDelayMillis() * 1_000_000L;
        this.latenessNanos = settings.latenessMillis() * 1_000_000L;
        this.revisionIntervalNanos = settings.revisionIntervalMillis() * 1_000_000L;
        this.dormantAfterNanos = settings.dormantAfterMillis() > 0 ? settings.dormantAfterMillis() * 1_000_000L :
            Long.MAX_VALUE;
        this.rules = new TradeConditionRules(settings.priceExcludedConditions(), settings.volumeExcludedConditions());
        this.counters = counters;
        this.writer = new MicrobarWriter(counters);
    }

    @Override
    public void onEvent(final MarketEvent event, final long sequence, final boolean endOfBatch)
    {
        event.barOutputLength = 0;
        if (event.type == EventType.FEED_STATUS)
        {
            gaps.onFeedStatus(event);
        }
        advanceClock(event);
        closeDueBars(event);
        if (!pending.isEmpty())
        {
            cause = event;
            flushing = event.type == EventType.FEED_STATUS ? event.cluster : -1; // a backfill's end, say: all at once
            pending.drain(emitDue);
        }
        if (!event.accepted)
        {
            return;
        }
        if (event.type == EventType.TRADE || event.type == EventType.INDEX_VALUE)
        {
            onTrade(event);
        }
        else if (event.type == EventType.QUOTE)
        {
            onQuote(event);
        }
    }

    private void advanceClock(final MarketEvent e)
    {
        final int started = clocks.advance(e);
        if (started >= 0) // a feed's first reading: its bars start from there
        {
            clockStarted[started] = clocks.cluster(started).now();
            for (final BarBook book : books)
            {
                book.lastClosedWindow[started] =
                    Math.floorDiv(clocks.cluster(started).now() - closeDelayNanos, book.timeframeNanos) - 1;
            }
        }
    }

    private void closeDueBars(final MarketEvent e)
    {
        while (true)
        {
            BarBook due = null;
            int dueCluster = -1;
            long dueTime = Long.MAX_VALUE;
            for (final BarBook book : books)
            {
                for (int c = 0; c < ClusterClocks.CLUSTERS; c++)
                {
                    final EventClock clock = clocks.cluster(c);
                    final long t = book.nextCloseTime(c, closeDelayNanos);
                    // strict: on a tie the smaller timeframe (earlier in books), then the earlier feed, wins
                    if (clock.isSet() && t <= clock.now() && t < dueTime)
                    {
                        due = book;
                        dueCluster = c;
                        dueTime = t;
                    }
                }
            }
            if (due == null)
            {
                return;
            }
            closeWindow(due, dueCluster, due.lastClosedWindow[dueCluster] + 1, e);
            due.lastClosedWindow[dueCluster]++;
        }
    }

    private void closeWindow(final BarBook book, final int cluster, final long w, final MarketEvent e)
    {
        final int symbols = Math.min(book.symbolCapacity(), maxSymbolId + 1);
        final long start = w * book.timeframeNanos;
        final long end = start + book.timeframeNanos;
        for (int s = 1; s < symbols; s++)
        {
            if (clocks.clusterOf(s) != cluster || w < book.firstWindow[s])
            {
                continue; // another feed's symbol, or no bars before the symbol's first trade or quote
            }
            final int open = book.openSlot(s, w);
            if (open < 0 && start - lastActive[s] > dormantAfterNanos)
            {
                continue; // dormant: nothing for a while, so no quiet bar until it trades or quotes again
            }
            final boolean gap = gaps.overlaps(cluster, start, end);
            final int lo = book.retain(s, w);
            final long[] bar = book.closed[s];
            if (open >= 0)
            {
                System.arraycopy(book.slots, open, bar, lo, BarBook.L);
                System.arraycopy(book.slotDoubles, open / BarBook.L * BarBook.D, book.closedDoubles[s],
                    lo / BarBook.L * BarBook.D, BarBook.D);
                book.slots[open + BarBook.WINDOW] = BarBook.NO_WINDOW;
            }
            final boolean traded = bar[lo + BarBook.COUNT] > 0 || bar[lo + BarBook.PRICE_COUNT] > 0;
            if (bar[lo + BarBook.PRICE_COUNT] == 0)
            {
                book.carry(s, bar, lo); // no price-setting trade: the price stays where it was
            }
            bar[lo + BarBook.KIND] = gap ? BarKind.GAP.value() : start < clockStarted[cluster] ?
                BarKind.PARTIAL.value() : traded ? BarKind.NORMAL.value() : BarKind.QUIET.value();
            if (bar[lo + BarBook.PRICE_COUNT] > 0)
            {
                book.carriedClose[s] = bar[lo + BarBook.CLOSE];
                book.hasClose[s] = true;
            }
            bar[lo + BarBook.EMITTED] = clocks.of(s).now();
            writer.write(book, s, bar, lo, book.closedDoubles[s], lo / BarBook.L * BarBook.D, clocks.of(s).now(), e);
        }
    }

    private void onTrade(final MarketEvent e)
    {
        final int s = e.symbolId;
        final int c = clocks.clusterOf(s);
        maxSymbolId = Math.max(maxSymbolId, s);
        active(s, e.eventTime);
        final boolean isTrade = e.type == EventType.TRADE;
        final boolean price = !isTrade || rules.updatesPrice(e.conditions, e.conditionCount);
        final boolean volume = !isTrade || rules.updatesVolume(e.conditions, e.conditionCount);
        if (!price && !volume)
        {
            return;
        }
        final long size = isTrade ? e.size : 0;
        final int side = isTrade && volume ? topOfBook.classifyTrade(s, e.price) : 0;
        boolean late = false;
        for (int b = 0; b < books.length; b++)
        {
            final BarBook book = books[b];
            final long w = book.windowOf(e.eventTime);
            if (w > book.lastClosedWindow[c])
            {
                final int lo = book.slot(s, w);
                BarBook.apply(book.slots, lo, book.slotDoubles, lo / BarBook.L * BarBook.D, e, size, price, volume, side);
                continue;
            }
            late = true;
            revise(b, s, w, e, size, price, volume, side);
        }
        if (late)
        {
            counters.lateTrades.incrementRelease();
        }
    }

    /** A trade for a closed bar: re-emit it with the next revision if it is within the lateness window. */
    private void revise(final int bookIndex, final int s, final long w, final MarketEvent e, final long size,
        final boolean price, final boolean volume, final int side)
    {
        final BarBook book = books[bookIndex];
        final long end = (w + 1) * book.timeframeNanos;
        if (clocks.of(s).now() - end > latenessNanos)
        {
            counters.lateTradesUnrevised.incrementRelease();
            return;
        }
        int lo = book.closedBar(s, w);
        final long[] bar;
        if (lo < 0)
        {
            lo = book.retain(s, w); // no bar was emitted for this window yet: this is its first
            bar = book.closed[s];
            bar[lo + BarBook.REVISION] = -1;
            book.carry(s, bar, lo);
            final int c = clocks.clusterOf(s);
            final long start = w * book.timeframeNanos;
            bar[lo + BarBook.KIND] = gaps.overlaps(c, start, end) ? BarKind.GAP.value() :
                start < clockStarted[c] ? BarKind.PARTIAL.value() : BarKind.NORMAL.value();
        }
        else
        {
            bar = book.closed[s];
        }
        final double[] doubles = book.closedDoubles[s];
        final int dlo = lo / BarBook.L * BarBook.D;
        BarBook.apply(bar, lo, doubles, dlo, e, size, price, volume, side);
        if (bar[lo + BarBook.KIND] != BarKind.GAP.value() && bar[lo + BarBook.KIND] != BarKind.PARTIAL.value())
        {
            bar[lo + BarBook.KIND] = BarKind.NORMAL.value();
        }
        if (bar[lo + BarBook.PENDING] != 0)
        {
            return; // goes out with the revision already waiting
        }
        if (bar[lo + BarBook.REVISION] >= 0 && clocks.of(s).now() - bar[lo + BarBook.EMITTED] < revisionIntervalNanos)
        {
            bar[lo + BarBook.PENDING] = 1; // re-emitted once its interval has passed, with whatever else changes
            pending.add(bookIndex, s, w);
            return;
        }
        emitRevision(book, s, lo, e);
    }

    /** A pending revision whose interval has passed on its feed's clock (or whose feed's status came) goes out. */
    private boolean emitIfDue(final int bookIndex, final int s, final long w)
    {
        final BarBook book = books[bookIndex];
        final int lo = book.closedBar(s, w);
        if (lo < 0)
        {
            return true; // cannot happen while the interval is shorter than the lateness window (BarSettings)
        }
        final long[] bar = book.closed[s];
        if (clocks.clusterOf(s) != flushing && clocks.of(s).now() - bar[lo + BarBook.EMITTED] < revisionIntervalNanos)
        {
            return false;
        }
        emitRevision(book, s, lo, cause);
        return true;
    }

    private void emitRevision(final BarBook book, final int s, final int lo, final MarketEvent e)
    {
        final long[] bar = book.closed[s];
        final boolean revision = bar[lo + BarBook.REVISION] >= 0; // -1: this window's first bar, not a revision
        bar[lo + BarBook.REVISION] = Math.min(bar[lo + BarBook.REVISION] + 1, BarBook.MAX_REVISION);
        bar[lo + BarBook.PENDING] = 0;
        bar[lo + BarBook.EMITTED] = clocks.of(s).now();
        writer.write(book, s, bar, lo, book.closedDoubles[s], lo / BarBook.L * BarBook.D, clocks.of(s).now(), e);
        if (revision)
        {
            counters.barRevisions.incrementRelease();
        }
    }

    private void onQuote(final MarketEvent e)
    {
        final int s = e.symbolId;
        final int c = clocks.clusterOf(s);
        maxSymbolId = Math.max(maxSymbolId, s);
        active(s, e.eventTime);
        final boolean valid = e.bidPrice > 0 && e.askPrice >= e.bidPrice;
        final double ofi = valid ? topOfBook.onQuote(e) : 0;
        for (final BarBook book : books)
        {
            final long w = book.windowOf(e.eventTime);
            if (w <= book.lastClosedWindow[c])
            {
                continue; // a quote for a closed window changes nothing: quote statistics are not revised
            }
            final int lo = book.slot(s, w);
            final int dlo = lo / BarBook.L * BarBook.D;
            book.slots[lo + BarBook.QUOTES]++;
            if (valid)
            {
                final long spread = e.askPrice - e.bidPrice;
                book.slots[lo + BarBook.SPREAD_SUM] += spread;
                book.slotDoubles[dlo + BarBook.SPREAD_BPS_SUM] += spread * 2e4 / (double)(e.askPrice + e.bidPrice);
                book.slotDoubles[dlo + BarBook.OFI] += ofi;
            }
        }
    }

    private void active(final int s, final long time)
    {
        if (s >= lastActive.length)
        {
            lastActive = java.util.Arrays.copyOf(lastActive, Math.max(s + 1, lastActive.length * 2));
        }
        lastActive[s] = Math.max(lastActive[s], time);
    }
}

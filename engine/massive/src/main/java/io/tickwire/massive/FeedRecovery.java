package io.tickwire.massive;

import io.tickwire.codecs.sbe.Cluster;
import io.tickwire.codecs.sbe.FeedState;
import io.tickwire.codecs.sbe.Source;
import io.tickwire.model.EngineCounters;
import io.tickwire.model.event.RingFullGap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;

/**
 * What a cluster does about missing data, over REST, on the REST thread:
 * <ul>
 * <li><b>polling fallback</b>: once the stream has been down for feed.pollAfterMs, poll last trade and last
 * NBBO (indices: the index snapshot) for every subscribed symbol each feed.pollIntervalMs, publishing what
 * changed with source = poll, until the stream is back;</li>
 * <li><b>gap backfill</b>: after a reconnect (or a ring-full gap), fetch the gap's trades and quotes page by
 * page and publish them with source = backfill; the sequencer drops what already arrived live. Bounded by
 * feed.backfillBudgetSymbolSeconds.</li>
 * </ul>
 * Every change of mode is a journaled feed status. Events reach the ring through the ingest thread, and
 * the REST thread waits for each page to be published, so a backfill never floods the ring.
 */
final class FeedRecovery
{
    private static final Logger LOG = LoggerFactory.getLogger(FeedRecovery.class);

    private final Cluster cluster;
    private final List<String> tradeSymbols;
    private final List<String> quoteSymbols;
    private final List<String> indexSymbols;
    /** A wildcard names no symbol: its recovery covers the symbols the connection has delivered (session). */
    private final boolean tradesWildcard;
    private final boolean quotesWildcard;
    private final boolean indexWildcard;
    private final SessionSymbols session = new SessionSymbols();
    private final MassiveRestClient rest;
    private final ScheduledExecutorService restThread;
    private final FeedInputs inputs;
    private final EngineCounters counters;
    private final long pollAfterMillis;
    private final long pollIntervalMillis;
    private final long budgetSymbolSeconds;
    private final long marginNanos;
    private final Map<String, String> lastPolled = new HashMap<>();
    private static final long RING_FULL_SETTLE_MILLIS = 1_000;
    private final DroppedWindows dropped = new DroppedWindows();
    private ScheduledFuture<?> pendingGapBackfill;
    private ScheduledFuture<?> pollStart;
    private ScheduledFuture<?> polling;
    /** Whether the status saying a wildcard has too many symbols to poll was sent (once per node). */
    private boolean pollRefusalSaid;
    /** The most symbols one REST poll covers: a wildcard's thousands are left to the backfill, and said so. */
    static final int MAX_POLLED_SYMBOLS = 100;

    FeedRecovery(final Cluster cluster, final List<String> subscribeItems, final MassiveRestClient rest,
        final ScheduledExecutorService restThread, final FeedInputs inputs, final EngineCounters counters,
        final long pollAfterMillis,
        final long pollIntervalMillis, final long budgetSymbolSeconds, final long marginMillis)
    {
        this.cluster = cluster;
        this.tradeSymbols = symbolsFor(subscribeItems, "T");
        this.quoteSymbols = symbolsFor(subscribeItems, "Q");
        this.indexSymbols = symbolsFor(subscribeItems, "V");
        this.tradesWildcard = subscribeItems.contains("T.*");
        this.quotesWildcard = subscribeItems.contains("Q.*");
        this.indexWildcard = subscribeItems.contains("V.*");
        this.rest = rest;
        this.restThread = restThread;
        this.inputs = inputs;
        this.counters = counters;
        this.pollAfterMillis = pollAfterMillis;
        this.pollIntervalMillis = pollIntervalMillis;
        this.budgetSymbolSeconds = budgetSymbolSeconds;
        this.marginNanos = marginMillis * 1_000_000L;
    }

    /** The stream went down: polling starts if it stays down. */
    void onDown()
    {
        restThread.execute(() ->
        {
            if (pollStart == null && polling == null)
            {
                pollStart = restThread.schedule(this::startPolling, pollAfterMillis, TimeUnit.MILLISECONDS);
            }
        });
    }

    /** The stream is back: stop polling; backfill the gap when there was one (gapStart > 0). */
    void onUp(final long gapStart, final long gapEnd)
    {
        restThread.execute(() ->
        {
            if (pollStart != null)
            {
                pollStart.cancel(false);
                pollStart = null;
            }
            if (polling != null)
            {
                polling.cancel(false);
                polling = null;
                LOG.info("{}: stream back, REST polling stopped", cluster);
            }
            if (gapStart > 0)
            {
                backfill(gapStart - marginNanos, gapEnd + marginNanos, "reconnect");
            }
        });
    }

    /**
     * Part of the stream was dropped because the ring was full. Gaps that come while one is waiting merge
     * into it, and the repair starts after {@link #RING_FULL_SETTLE_MILLIS}, when the pressure has passed:
     * under load, one repair instead of one per dropped frame. It fetches, per symbol, only the kind (trades,
     * quotes) and the event times that were dropped, so it adds little more load than was lost.
     */
    void onRingFullGap(final RingFullGap gap)
    {
        restThread.execute(() ->
        {
            dropped.add(gap);
            if (pendingGapBackfill == null)
            {
                pendingGapBackfill = restThread.schedule(() ->
                {
                    pendingGapBackfill = null;
                    repairRingFull();
                }, RING_FULL_SETTLE_MILLIS, TimeUnit.MILLISECONDS);
            }
        });
    }

    private void repairRingFull()
    {
        final long from = dropped.start();
        final long to = dropped.end();
        final long lost = dropped.events();
        final List<DroppedWindows.Window> windows = dropped.drain();
        if (windows.isEmpty())
        {
            return; // only kinds REST has no history of (index values, aggregates): the journaled gap says so
        }
        long cost = 0;
        for (final DroppedWindows.Window w : windows)
        {
            cost += Math.max(1, (w.to() - w.from() + 999_999_999L) / 1_000_000_000L);
        }
        if (cost > budgetSymbolSeconds)
        {
            counters.backfillsSkipped.incrementRelease();
            final String message = "ring-full repair skipped: " + windows.size() + " symbol windows, " + cost +
                " symbol-seconds, exceed feed.backfillBudgetSymbolSeconds=" + budgetSymbolSeconds +
                "; the gap stays marked";
            LOG.warn("{}: {}", cluster, message);
            status(FeedState.DEGRADED, message, from, to);
            return;
        }
        counters.backfills.incrementRelease();
        status(FeedState.BACKFILLING, "backfilling what the full ring dropped: " + lost + " events, " + windows.size() +
            " symbol windows", from, to);
        long fetched = 0;
        boolean complete = true;
        for (final DroppedWindows.Window w : windows)
        {
            final long n = backfillHistory(w.kind(), w.ticker(), w.from(), w.to(), w::keeps);
            complete &= n >= 0;
            fetched += Math.max(0, n);
            counters.ringFullRepaired.getAndAddRelease(Math.max(0, n));
        }
        final String message = (complete ? "ring-full repair done: " : "ring-full repair incomplete: ") + fetched +
            " events put back for " + lost + " dropped";
        LOG.info("{}: {}", cluster, message);
        status(complete ? FeedState.RECOVERED : FeedState.DEGRADED, message, from, to);
    }

    private void startPolling()
    {
        pollStart = null;
        LOG.warn("{}: stream down for {} ms, polling REST every {} ms", cluster, pollAfterMillis, pollIntervalMillis);
        status(FeedState.POLLING, "stream down; polling REST every " + pollIntervalMillis + " ms", 0, 0);
        polling = restThread.scheduleWithFixedDelay(this::pollOnce, 0, pollIntervalMillis, TimeUnit.MILLISECONDS);
    }

    SessionSymbols sessionSymbols()
    {
        return session;
    }

    /** The explicit symbols of a channel, plus, for its wildcard, every symbol the connection has delivered. */
    private List<String> symbols(final List<String> explicit, final boolean wildcard)
    {
        if (!wildcard)
        {
            return explicit;
        }
        final List<String> all = new ArrayList<>(explicit);
        session.tickers().stream().filter((t) -> !all.contains(t)).forEach(all::add);
        return all;
    }

    private void pollOnce()
    {
        final List<RestEvent> changed = new ArrayList<>();
        final List<String> trades = symbols(tradeSymbols, tradesWildcard);
        final List<String> quotes = symbols(quoteSymbols, quotesWildcard);
        final List<String> indices = symbols(indexSymbols, indexWildcard);
        if (trades.size() + quotes.size() > MAX_POLLED_SYMBOLS)
        {
            if (!pollRefusalSaid)
            {
                pollRefusalSaid = true;
                status(FeedState.DEGRADED, "REST polling not started: " + (trades.size() + quotes.size()) + " symbols " +
                    "(a wildcard subscription's, seen this session) are more than the " + MAX_POLLED_SYMBOLS +
                    " one poll can cover every " + pollIntervalMillis + " ms; the gap is backfilled on reconnect", 0, 0);
            }
            return;
        }
        try
        {
            for (final String ticker : trades)
            {
                keepIfNew(rest.lastTrade(ticker), "T", changed);
            }
            for (final String ticker : quotes)
            {
                keepIfNew(rest.lastQuote(ticker), "Q", changed);
            }
            if (!indices.isEmpty())
            {
                for (final RestEvent value : rest.indexValues(indices))
                {
                    keepIfNew(value, "V", changed);
                }
            }
            counters.polls.incrementRelease();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt(); // shutting down
            return;
        }
        catch (final Exception ex)
        {
            counters.restErrors.incrementRelease();
            LOG.warn("{}: REST poll failed: {}", cluster, ex.toString());
        }
        if (!changed.isEmpty())
        {
            inputs.publishRest(changed, Source.POLL).join();
            counters.polledEvents.getAndAddRelease(changed.size());
        }
    }

    /** The same last trade or quote comes back on every poll: publish it once. */
    private void keepIfNew(final RestEvent e, final String kind, final List<RestEvent> out)
    {
        if (e == null || e.ticker() == null)
        {
            return;
        }
        final String identity = e.eventTime() + "/" + e.exchange() + "/" + e.tradeId() + "/" + e.sequence();
        if (!identity.equals(lastPolled.put(kind + e.ticker(), identity)))
        {
            out.add(e);
        }
    }

    private void backfill(final long from, final long to, final String why)
    {
        final List<String> tradeTickers = symbols(tradeSymbols, tradesWildcard);
        final List<String> quoteTickers = symbols(quoteSymbols, quotesWildcard);
        final List<String> symbols = new ArrayList<>(tradeTickers);
        quoteTickers.stream().filter((s) -> !symbols.contains(s)).forEach(symbols::add);
        if (symbols.isEmpty() || to <= from)
        {
            return;
        }
        final long seconds = Math.max(1, (to - from + 999_999_999L) / 1_000_000_000L);
        final long cost = symbols.size() * seconds;
        if (cost > budgetSymbolSeconds)
        {
            counters.backfillsSkipped.incrementRelease();
            final String message = "backfill skipped (" + why + "): " + symbols.size() + " symbols x " + seconds +
                " s = " + cost + " symbol-seconds exceeds feed.backfillBudgetSymbolSeconds=" + budgetSymbolSeconds +
                "; the gap stays marked";
            LOG.warn("{}: {}", cluster, message);
            status(FeedState.DEGRADED, message, from, to);
            return;
        }
        counters.backfills.incrementRelease();
        status(FeedState.BACKFILLING, "backfilling " + symbols.size() + " symbols over " + seconds + " s (" + why + ")",
            from, to);
        long trades = 0;
        long quotes = 0;
        boolean complete = true;
        for (final String ticker : tradeTickers)
        {
            final long n = backfillHistory("trades", ticker, from, to, null);
            complete &= n >= 0;
            trades += Math.max(0, n);
        }
        for (final String ticker : quoteTickers)
        {
            final long n = backfillHistory("quotes", ticker, from, to, null);
            complete &= n >= 0;
            quotes += Math.max(0, n);
        }
        final String message = (complete ? "backfill done (" : "backfill incomplete (") + why + "): " + trades +
            " trades, " + quotes + " quotes";
        LOG.info("{}: {}", cluster, message);
        status(complete ? FeedState.RECOVERED : FeedState.DEGRADED, message, from, to);
    }

    /**
     * @param keep which of the fetched events' times to publish (a ring-full repair's dropped runs); null: all
     * @return events published, or -1 when a request failed part way.
     */
    private long backfillHistory(final String kind, final String ticker, final long from, final long to,
        final LongPredicate keep)
    {
        long published = 0;
        try
        {
            MassiveRestClient.Page page = rest.historyFirstPage(kind, ticker, from, to);
            while (true)
            {
                final List<RestEvent> events = keep == null ? page.events() :
                    page.events().stream().filter((e) -> keep.test(e.eventTime())).toList();
                if (!events.isEmpty())
                {
                    inputs.publishRest(events, Source.BACKFILL).join();
                    published += events.size();
                    counters.backfillEvents.getAndAddRelease(events.size());
                }
                if (page.nextUrl() == null)
                {
                    return published;
                }
                page = rest.historyPage(page.nextUrl(), kind, ticker);
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt(); // shutting down
            return -1;
        }
        catch (final Exception ex)
        {
            counters.restErrors.incrementRelease();
            LOG.warn("{}: backfill of {} {} failed: {}", cluster, ticker, kind, ex.toString());
            return -1;
        }
    }

    private void status(final FeedState state, final String message, final long gapStart, final long gapEnd)
    {
        inputs.submitFeedStatus(cluster, state, message, gapStart, gapEnd);
    }

    private static List<String> symbolsFor(final List<String> items, final String prefix)
    {
        final List<String> out = new ArrayList<>();
        for (final String item : items)
        {
            if (item.startsWith(prefix + ".") && !item.endsWith(".*"))
            {
                out.add(item.substring(prefix.length() + 1));
            }
        }
        return out;
    }
}

package io.tickwire.engine.setups;

import com.lmax.disruptor.EventHandler;
import io.tickwire.codecs.sbe.AlertType;
import io.tickwire.codecs.sbe.ConfirmRule;
import io.tickwire.codecs.sbe.SetupOp;
import io.tickwire.codecs.sbe.SetupRejection;
import io.tickwire.codecs.sbe.SetupState;
import io.tickwire.codecs.sbe.Trail;
import io.tickwire.model.EngineCounters;
import io.tickwire.engine.time.ClusterClocks;
import io.tickwire.engine.time.EventClock;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;

/**
 * Evaluates desks' setups on every tick of their symbol (docs/setups.md): armed → ready (price within the
 * proximity band) → triggered (entry confirmed by N ticks in the zone, a dwell, or a 1 s / 5 s bar close in
 * the zone) → target1 → target2, with stopped, invalidated (stop hit before the trigger), expired and
 * cancelled as terminal states. States only move forward, so a transition is never emitted twice and a
 * whipsaw around a level yields one trigger. Tactical alerts go through a per-setup, per-type cool-down
 * that coalesces a burst into one alert carrying the count held back.
 *
 * <p>A tick reaches only the setups of its symbol that it may change ({@link TickDispatch}). Inputs besides ticks: the slot's bars (bar-close
 * confirmation, the EMA trail), its metrics (ATR, pair divergence), timer ticks (expiry, dwell) and setup
 * commands. Outputs go into the slot's setupOutput for the output journal. Each record cites the input
 * journal index of its cause; the gateway adds the receive-to-publish latency.
 */
public final class SetupEvaluator implements EventHandler<MarketEvent>
{
    private static final int ENTRY_WINDOW = AlertType.ENTRY_WINDOW_OPENED.value();
    private static final int STOP_THREAT = AlertType.STOP_THREAT.value();
    private static final int TARGET1_TOUCHED = AlertType.TARGET1_TOUCHED.value();
    private static final int FLOW_DIVERGENCE = AlertType.FLOW_DIVERGENCE_DETECTED.value();

    private final SetupSettings settings;
    private final SetupStore store;
    private final EngineCounters counters;
    /** Each setup's time is its symbol's feed's: expiry, dwell and cool-downs never run on another feed's clock. */
    private final ClusterClocks clocks = new ClusterClocks();
    private final KeyLevels levels = new KeyLevels();
    private final long[] levelScratch = new long[KeyLevels.MAX_LEVELS];
    private final SetupBook book = new SetupBook();
    private final TickDispatch ticks;
    private final SetupRecords records;
    private final SlotRecordReader slotRecords;
    private final MarketEvent stored = new MarketEvent();
    private MarketEvent cause;

    public SetupEvaluator(final SetupSettings settings, final SetupStore store, final EngineCounters counters)
    {
        this(settings, store, counters, true);
    }

    /** @param indexed false: every tick walks all the symbol's setups (the reference the index is tested against) */
    SetupEvaluator(final SetupSettings settings, final SetupStore store, final EngineCounters counters,
        final boolean indexed)
    {
        this.settings = settings;
        this.store = store;
        this.counters = counters;
        this.records = new SetupRecords(settings.alertCooldownNanos, counters);
        this.ticks = new TickDispatch(book, this::evaluate, settings.stopThreatAtr, indexed);
        this.slotRecords = new SlotRecordReader(new SetupSignals(settings, book, this::trigger,
            (s, value) -> alert(s, FLOW_DIVERGENCE, 0, value)));
    }

    /**
     * Whether a setup with this id was ever added (live or finished). Read only while no stage thread runs: by the
     * node between its rebuild at start and the live ring.
     */
    public boolean knows(final long id)
    {
        return book.get(id) != null;
    }

    @Override
    public void onEvent(final MarketEvent event, final long sequence, final boolean endOfBatch)
    {
        event.setupOutputLength = 0;
        cause = event;
        clocks.advance(event);
        switch (event.type)
        {
            case EventType.SETUP_COMMAND:
                onCommand(event);
                break;
            case EventType.TRADE:
            case EventType.INDEX_VALUE:
                // the bars' eligibility: an odd lot, a Form T or an average-price print sets no price here either
                if (event.accepted && (event.type == EventType.INDEX_VALUE ||
                    settings.tradeRules.updatesPrice(event.conditions, event.conditionCount)))
                {
                    levels.onTrade(event.symbolId, event.eventTime, event.price, event.size);
                    onPrice(event.symbolId, event.price, event.eventTime);
                }
                break;
            case EventType.TIMER:
                onTimer();
                break;
            default:
                break;
        }
        slotRecords.read(event);
    }

    // ---- commands ---------------------------------------------------------------------------------------

    private void onCommand(final MarketEvent c)
    {
        Setup setup = book.get(c.setupId);
        if (c.setupOp == SetupOp.ADD.value() || c.setupOp == SetupOp.RESTORE.value())
        {
            if (setup != null && !setup.terminal())
            {
                reject(c, SetupRejection.DUPLICATE_ID); // a live setup keeps its id
                return;
            }
            if (c.setupOp == SetupOp.ADD.value() && book.liveOn(c.symbolId) >= settings.maxPerSymbol)
            {
                reject(c, SetupRejection.SYMBOL_CAP);
                return;
            }
            if (c.setupOp == SetupOp.ADD.value() && book.live() >= settings.maxLive)
            {
                reject(c, SetupRejection.TOTAL_CAP);
                return;
            }
            setup = new Setup();
            setup.define(c);
            setup.owner = c.owner;
            book.add(setup);
            if (c.setupOp == SetupOp.RESTORE.value())
            {
                setup.state = c.setupState; // where it stood before the restart: nothing is emitted again
                setup.entryPrice = c.entryPrice;
                setup.restoreRuntime(c);
                return;
            }
            counters.setupsAdded.incrementRelease();
            emit(setup, SetupState.ARMED.value(), 0); // announces the setup: armed
            persist(setup);
            return;
        }
        if (setup == null || setup.terminal())
        {
            reject(c, SetupRejection.UNKNOWN_ID);
            return;
        }
        if (c.setupOp == SetupOp.AMEND.value())
        {
            final int state = setup.state;
            final long entry = setup.entryPrice;
            final int symbolId = setup.symbolId;
            setup.define(c);
            setup.state = state;
            setup.entryPrice = entry;
            setup.symbolId = symbolId; // new levels, same instrument: the book files it under its symbol
            book.touched(setup.symbolId);
            emit(setup, state, 0); // same state, new levels: amended
            persist(setup);
        }
        else
        {
            transition(setup, SetupState.CANCELLED.value(), 0);
        }
    }

    // ---- prices -----------------------------------------------------------------------------------------

    private void onPrice(final int symbolId, final long price, final long time)
    {
        if (!book.covers(symbolId))
        {
            return;
        }
        book.lastPrice(symbolId, price);
        final EventClock clock = clocks.of(symbolId);
        ticks.onPrice(symbolId, price, time, clock.isSet() ? clock.now() : Long.MIN_VALUE);
    }

    private void evaluate(final Setup s, final long price, final long time)
    {
        if (s.beforeTrigger())
        {
            if (expired(s))
            {
                return;
            }
            if (s.stopHit(price))
            {
                transition(s, SetupState.INVALIDATED.value(), price);
                return;
            }
            if (s.state == SetupState.ARMED.value() && s.nearZone(price))
            {
                transition(s, SetupState.READY.value(), price);
                alert(s, ENTRY_WINDOW, price, 0);
            }
            if (s.state == SetupState.READY.value())
            {
                if (s.confirmedByTick(price, time) && atrKnownIfNeeded(s))
                {
                    trigger(s, price);
                }
            }
            return;
        }
        if (s.stopHit(price))
        {
            transition(s, SetupState.STOPPED.value(), price);
            return;
        }
        if (s.state == SetupState.TRIGGERED.value() && s.reached(s.target1, price))
        {
            transition(s, SetupState.TARGET1.value(), price);
            alert(s, TARGET1_TOUCHED, price, 0);
        }
        if (s.state == SetupState.TARGET1.value())
        {
            if (s.reached(s.target2, price))
            {
                transition(s, SetupState.TARGET2.value(), price);
                return;
            }
            trailByAtr(s, price);
        }
        stopThreat(s, price);
    }

    /**
     * A setup whose targets are in ATRs triggers only once its symbol's ATR is warm (metrics.atrBars full bars):
     * targets from the first seconds' bars would be a fraction of the real range.
     */
    private boolean atrKnownIfNeeded(final Setup s)
    {
        final boolean needs = s.target1 == 0 && s.target1Atr > 0 || s.target2 == 0 && s.target2Atr > 0;
        return !needs || book.atr(s.symbolId) > 0;
    }

    private void trigger(final Setup s, final long price)
    {
        s.entryPrice = price;
        final double a = book.atr(s.symbolId);
        final int n = levels.levels(s.symbolId, levelScratch);
        if (s.target1 == 0 && s.target1Atr > 0 && a > 0)
        {
            s.target1 = LevelSnapper.snap(s.targetFrom(price, s.target1Atr, a), price, s.isLong, a, settings.snapAtr,
                levelScratch, n);
        }
        if (s.target2 == 0 && s.target2Atr > 0 && a > 0)
        {
            s.target2 = LevelSnapper.snap(s.targetFrom(price, s.target2Atr, a), price, s.isLong, a, settings.snapAtr,
                levelScratch, n);
        }
        transition(s, SetupState.TRIGGERED.value(), price);
    }

    private void trailByAtr(final Setup s, final long price)
    {
        final double a = book.atr(s.symbolId);
        if (s.trail == Trail.ATR.value() && a > 0)
        {
            final long before = s.stop;
            s.trailByAtr(price, a);
            s.unsaved |= s.stop != before;
        }
    }

    private void stopThreat(final Setup s, final long price)
    {
        final double distance = s.stopThreat(price, book.atr(s.symbolId), settings.stopThreatAtr);
        if (!Double.isNaN(distance))
        {
            alert(s, STOP_THREAT, price, distance);
        }
    }

    // ---- timer, bars, metrics ---------------------------------------------------------------------------

    /** Expiry and dwell do not need a tick: the journaled timer drives them in a quiet market. */
    private void onTimer()
    {
        for (int symbol = 1; symbol <= book.maxSymbolId(); symbol++)
        {
            final long now = clocks.of(symbol).now();
            final Setup[] setups = book.setups(symbol);
            for (int i = book.count(symbol) - 1; i >= 0; i--)
            {
                final Setup s = setups[i];
                if (expired(s))
                {
                    continue;
                }
                if (s.state == SetupState.READY.value() && s.confirmRule == ConfirmRule.DWELL.value() &&
                    s.inZoneSince != 0 && now - s.inZoneSince >= s.confirmDwellNanos && atrKnownIfNeeded(s))
                {
                    trigger(s, book.lastPrice(symbol)); // dwelled long enough at the last traded price
                }
                else if (s.unsaved)
                {
                    persist(s); // a trailed stop, saved at most once a timer tick rather than on every tick
                }
            }
        }
    }

    private boolean expired(final Setup s)
    {
        final EventClock clock = clocks.of(s.symbolId);
        if (s.beforeTrigger() && s.expiry > 0 && clock.isSet() && clock.now() >= s.expiry)
        {
            transition(s, SetupState.EXPIRED.value(), 0);
            return true;
        }
        return false;
    }

    // ---- output -----------------------------------------------------------------------------------------

    private void transition(final Setup s, final int to, final long price)
    {
        final int from = s.state;
        s.state = to;
        book.touched(s.symbolId);
        emitTransition(s, from, to, price);
        counters.setupTransitions.incrementRelease();
        if (s.terminal())
        {
            book.remove(s);
            store.remove(s.id);
        }
        else
        {
            persist(s);
        }
    }

    private void emit(final Setup s, final int state, final long price)
    {
        emitTransition(s, state, state, price);
    }

    private void emitTransition(final Setup s, final int from, final int to, final long price)
    {
        records.transition(cause, cause.type == EventType.TIMER ? clocks.of(s.symbolId).now() : cause.eventTime, s,
            from, to, price);
    }

    /** Restored setups are not capped: they were admitted once, and a restart must not lose them. */
    private void reject(final MarketEvent c, final SetupRejection why)
    {
        counters.setupCommandsRejected.incrementRelease();
        records.rejected(cause, c.eventTime, why);
    }

    private void alert(final Setup s, final int type, final long price, final double value)
    {
        final EventClock clock = clocks.of(s.symbolId);
        records.alert(cause, clock.isSet() ? clock.now() : cause.eventTime, s, type, price, value);
    }

    private void persist(final Setup s)
    {
        s.unsaved = false;
        stored.reset(EventType.SETUP_COMMAND);
        s.describe(stored);
        store.put(stored);
    }

    /** Live setups, for tests and tools. */
    /** A setup by id, or null: for tests. */
    Setup setup(final long id)
    {
        return book.get(id);
    }

    int liveSetups()
    {
        return book.live();
    }
}

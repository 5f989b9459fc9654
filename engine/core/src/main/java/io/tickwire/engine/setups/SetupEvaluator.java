package io.tickwire.engine.setups;

import com.lmax.disruptor.EventHandler;
import io.tickwire.codecs.sbe.AlertType;
import io.tickwire.codecs.sbe.BarMetricsDecoder;
import io.tickwire.codecs.sbe.ConfirmRule;
import io.tickwire.codecs.sbe.MessageHeaderDecoder;
import io.tickwire.codecs.sbe.MessageHeaderEncoder;
import io.tickwire.codecs.sbe.MicrobarDecoder;
import io.tickwire.codecs.sbe.PairMetricsDecoder;
import io.tickwire.codecs.sbe.SetupOp;
import io.tickwire.codecs.sbe.SetupState;
import io.tickwire.codecs.sbe.SetupTransitionEncoder;
import io.tickwire.codecs.sbe.TacticalAlertEncoder;
import io.tickwire.codecs.sbe.Trail;
import io.tickwire.model.EngineCounters;
import io.tickwire.engine.time.EventClock;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.collections.Long2ObjectHashMap;

import java.util.Arrays;

/**
 * Evaluates desks' setups on every tick of their symbol (docs/setups.md): armed → ready (price within the
 * proximity band) → triggered (entry confirmed by N ticks in the zone, a dwell, or a 1 s / 5 s bar close in
 * the zone) → target1 → target2, with stopped, invalidated (stop hit before the trigger), expired and
 * cancelled as terminal states. States only move forward, so a transition is never emitted twice and a
 * whipsaw around a level yields one trigger. Tactical alerts go through a per-setup, per-type cool-down
 * that coalesces a burst into one alert carrying the count held back.
 *
 * <p>Only the setups of the ticking symbol are touched. Inputs besides ticks: the slot's bars (bar-close
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
    private final EventClock clock = new EventClock();
    private final KeyLevels levels = new KeyLevels();
    private final long[] levelScratch = new long[KeyLevels.MAX_LEVELS];
    private final Long2ObjectHashMap<Setup> byId = new Long2ObjectHashMap<>();
    private Setup[][] bySymbol = new Setup[256][];
    private int[] countBySymbol = new int[256];
    private double[] atr = new double[256];
    private long[] lastPrice = new long[256];
    private int maxSymbolId;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final MicrobarDecoder bar = new MicrobarDecoder();
    private final BarMetricsDecoder metrics = new BarMetricsDecoder();
    private final PairMetricsDecoder pair = new PairMetricsDecoder();
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final SetupTransitionEncoder transitionEncoder = new SetupTransitionEncoder();
    private final TacticalAlertEncoder alertEncoder = new TacticalAlertEncoder();
    private final MarketEvent stored = new MarketEvent();
    private MarketEvent cause;

    public SetupEvaluator(final SetupSettings settings, final SetupStore store, final EngineCounters counters)
    {
        this.settings = settings;
        this.store = store;
        this.counters = counters;
    }

    @Override
    public void onEvent(final MarketEvent event, final long sequence, final boolean endOfBatch)
    {
        event.setupOutputLength = 0;
        cause = event;
        clock.advance(event);
        switch (event.type)
        {
            case EventType.SETUP_COMMAND:
                onCommand(event);
                break;
            case EventType.TRADE:
            case EventType.INDEX_VALUE:
                if (event.accepted)
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
        if (event.barOutputLength > 0)
        {
            scanBars(event);
        }
        if (event.metricsOutputLength > 0)
        {
            scanMetrics(event);
        }
    }

    // ---- commands ---------------------------------------------------------------------------------------

    private void onCommand(final MarketEvent c)
    {
        Setup setup = byId.get(c.setupId);
        if (c.setupOp == SetupOp.ADD.value() || c.setupOp == SetupOp.RESTORE.value())
        {
            if (setup != null && !setup.terminal())
            {
                counters.setupCommandsRejected.incrementRelease(); // a live setup keeps its id
                return;
            }
            setup = new Setup();
            setup.define(c);
            byId.put(setup.id, setup);
            register(setup);
            if (c.setupOp == SetupOp.RESTORE.value())
            {
                setup.state = c.setupState; // where it stood before the restart: nothing is emitted again
                setup.entryPrice = c.entryPrice;
                return;
            }
            counters.setupsAdded.incrementRelease();
            emit(setup, SetupState.ARMED.value(), 0); // announces the setup: armed
            persist(setup);
            return;
        }
        if (setup == null || setup.terminal())
        {
            counters.setupCommandsRejected.incrementRelease();
            return;
        }
        if (c.setupOp == SetupOp.AMEND.value())
        {
            final int state = setup.state;
            final long entry = setup.entryPrice;
            setup.define(c);
            setup.state = state;
            setup.entryPrice = entry;
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
        if (symbolId >= countBySymbol.length)
        {
            return;
        }
        lastPrice[symbolId] = price;
        final Setup[] setups = bySymbol[symbolId];
        for (int i = countBySymbol[symbolId] - 1; i >= 0; i--)
        {
            evaluate(setups[i], price, time);
        }
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
                confirmByTick(s, price, time);
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

    /** TICKS: N consecutive trades in the zone; DWELL: in the zone for the dwell time. Leaving resets both. */
    private void confirmByTick(final Setup s, final long price, final long time)
    {
        if (!s.inZone(price))
        {
            s.ticksInZone = 0;
            s.inZoneSince = 0;
            return;
        }
        s.ticksInZone++;
        if (s.inZoneSince == 0)
        {
            s.inZoneSince = time;
        }
        if (s.confirmRule == ConfirmRule.TICKS.value() && s.ticksInZone >= s.confirmTicks ||
            s.confirmRule == ConfirmRule.DWELL.value() && time - s.inZoneSince >= s.confirmDwellNanos)
        {
            trigger(s, price);
        }
    }

    private void trigger(final Setup s, final long price)
    {
        s.entryPrice = price;
        final double a = atr(s.symbolId);
        final int n = levels.levels(s.symbolId, levelScratch);
        if (s.target1 == 0 && s.target1Atr > 0 && a > 0)
        {
            s.target1 = LevelSnapper.snap(target(s, price, s.target1Atr, a), price, s.isLong, a, settings.snapAtr,
                levelScratch, n);
        }
        if (s.target2 == 0 && s.target2Atr > 0 && a > 0)
        {
            s.target2 = LevelSnapper.snap(target(s, price, s.target2Atr, a), price, s.isLong, a, settings.snapAtr,
                levelScratch, n);
        }
        transition(s, SetupState.TRIGGERED.value(), price);
    }

    private static long target(final Setup s, final long entry, final double multiple, final double atr)
    {
        final long distance = Math.round(multiple * atr * 1e6);
        return s.isLong ? entry + distance : entry - distance;
    }

    /** After target 1 an ATR trail moves the stop toward price, never away. */
    private void trailByAtr(final Setup s, final long price)
    {
        final double a = atr(s.symbolId);
        if (s.trail != Trail.ATR.value() || !(a > 0))
        {
            return;
        }
        final long distance = Math.round(s.trailParam * a * 1e6);
        s.stop = s.isLong ? Math.max(s.stop, price - distance) : Math.min(s.stop, price + distance);
    }

    /** Alert once price comes within stopThreatAtr ATRs of the stop; re-armed beyond 1.5 times that. */
    private void stopThreat(final Setup s, final long price)
    {
        final double a = atr(s.symbolId);
        if (!(a > 0) || settings.stopThreatAtr <= 0)
        {
            return;
        }
        final double distance = Math.abs(price - s.stop) / 1e6 / a;
        if (s.threatArmed && distance < settings.stopThreatAtr)
        {
            s.threatArmed = false;
            alert(s, STOP_THREAT, price, distance);
        }
        else if (distance > 1.5 * settings.stopThreatAtr)
        {
            s.threatArmed = true;
        }
    }

    // ---- timer, bars, metrics ---------------------------------------------------------------------------

    /** Expiry and dwell do not need a tick: the journaled timer drives them in a quiet market. */
    private void onTimer()
    {
        final long now = clock.now();
        for (int symbol = 1; symbol <= maxSymbolId; symbol++)
        {
            final Setup[] setups = bySymbol[symbol];
            for (int i = countBySymbol[symbol] - 1; i >= 0; i--)
            {
                final Setup s = setups[i];
                if (expired(s))
                {
                    continue;
                }
                if (s.state == SetupState.READY.value() && s.confirmRule == ConfirmRule.DWELL.value() &&
                    s.inZoneSince != 0 && now - s.inZoneSince >= s.confirmDwellNanos)
                {
                    trigger(s, lastPrice[symbol]); // dwelled long enough at the last traded price
                }
            }
        }
    }

    private boolean expired(final Setup s)
    {
        if (s.beforeTrigger() && s.expiry > 0 && clock.isSet() && clock.now() >= s.expiry)
        {
            transition(s, SetupState.EXPIRED.value(), 0);
            return true;
        }
        return false;
    }

    private void scanBars(final MarketEvent e)
    {
        int offset = 0;
        while (offset < e.barOutputLength)
        {
            final int length = e.barOutput.getInt(offset);
            header.wrap(e.barOutput, offset + 4);
            bar.wrap(e.barOutput, offset + 4 + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(),
                header.version());
            if (bar.revision() == 0 && bar.close() > 0)
            {
                onBarClose(bar.symbolId(), bar.timeframeMillis(), bar.close());
            }
            offset += 4 + length;
        }
    }

    private void onBarClose(final int symbolId, final int timeframeMillis, final long close)
    {
        if (symbolId >= countBySymbol.length)
        {
            return;
        }
        final Setup[] setups = bySymbol[symbolId];
        for (int i = countBySymbol[symbolId] - 1; i >= 0; i--)
        {
            final Setup s = setups[i];
            if (s.state == SetupState.READY.value() && s.inZone(close) &&
                (s.confirmRule == ConfirmRule.BAR_1S.value() && timeframeMillis == 1000 ||
                s.confirmRule == ConfirmRule.BAR_5S.value() && timeframeMillis == 5000))
            {
                trigger(s, close);
            }
            else if (s.state == SetupState.TARGET1.value() && s.trail == Trail.EMA.value() && timeframeMillis == 1000)
            {
                // EMA of 1 s closes with period trailParam; once it has that many closes (warm), the stop
                // follows it, never backwards
                final double alpha = 2.0 / (Math.max(1, s.trailParam) + 1);
                s.ema = s.emaSamples == 0 ? close : s.ema + alpha * (close - s.ema);
                if (++s.emaSamples >= s.trailParam)
                {
                    final long emaStop = Math.round(s.ema);
                    s.stop = s.isLong ? Math.max(s.stop, emaStop) : Math.min(s.stop, emaStop);
                }
            }
        }
    }

    private void scanMetrics(final MarketEvent e)
    {
        int offset = 0;
        while (offset < e.metricsOutputLength)
        {
            final int length = e.metricsOutput.getInt(offset);
            header.wrap(e.metricsOutput, offset + 4);
            final int body = offset + 4 + MessageHeaderDecoder.ENCODED_LENGTH;
            if (header.templateId() == BarMetricsDecoder.TEMPLATE_ID)
            {
                metrics.wrap(e.metricsOutput, body, header.blockLength(), header.version());
                if (metrics.timeframeMillis() == settings.atrTimeframeMillis && metrics.atr() > 0)
                {
                    ensure(metrics.symbolId());
                    atr[metrics.symbolId()] = metrics.atr();
                }
            }
            else if (header.templateId() == PairMetricsDecoder.TEMPLATE_ID)
            {
                pair.wrap(e.metricsOutput, body, header.blockLength(), header.version());
                onDivergence(pair.etfSymbolId(), pair.divergence());
                onDivergence(pair.indexSymbolId(), pair.divergence());
            }
            offset += 4 + length;
        }
    }

    /** An active setup whose symbol's ETF/index pair diverges beyond the threshold; re-armed below half of it. */
    private void onDivergence(final int symbolId, final double divergence)
    {
        if (symbolId >= countBySymbol.length || Double.isNaN(divergence))
        {
            return;
        }
        final Setup[] setups = bySymbol[symbolId];
        for (int i = countBySymbol[symbolId] - 1; i >= 0; i--)
        {
            final Setup s = setups[i];
            if (s.state == SetupState.ARMED.value())
            {
                continue;
            }
            if (s.divergenceArmed && Math.abs(divergence) > settings.divergenceThreshold)
            {
                s.divergenceArmed = false;
                alert(s, FLOW_DIVERGENCE, 0, divergence);
            }
            else if (Math.abs(divergence) < settings.divergenceThreshold / 2)
            {
                s.divergenceArmed = true;
            }
        }
    }

    // ---- output -----------------------------------------------------------------------------------------

    private void transition(final Setup s, final int to, final long price)
    {
        final int from = s.state;
        s.state = to;
        emitTransition(s, from, to, price);
        counters.setupTransitions.incrementRelease();
        if (s.terminal())
        {
            unregister(s);
            byId.remove(s.id);
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
        final ExpandableArrayBuffer out = cause.setupOutput;
        final int at = cause.setupOutputLength;
        out.checkLimit(at + 4 + MessageHeaderEncoder.ENCODED_LENGTH + SetupTransitionEncoder.BLOCK_LENGTH);
        transitionEncoder.wrapAndApplyHeader(out, at + 4, headerEncoder)
            .eventTime(cause.type == EventType.TIMER ? clock.now() : cause.eventTime)
            .receiveTime(cause.receiveTime)
            .setupId(s.id)
            .symbolId(s.symbolId)
            .fromState(SetupState.get((short)from))
            .toState(SetupState.get((short)to))
            .price(price)
            .causeIndex(cause.inputIndex)
            .entryPrice(s.entryPrice)
            .stop(s.stop)
            .target1(s.target1)
            .target2(s.target2);
        commit(at, SetupTransitionEncoder.BLOCK_LENGTH);
    }

    /** Through the per-setup, per-type cool-down: a burst yields one alert, the next says how many were held. */
    private void alert(final Setup s, final int type, final long price, final double value)
    {
        final long now = clock.isSet() ? clock.now() : cause.eventTime;
        if (now - s.lastAlert[type] < settings.alertCooldownNanos)
        {
            s.heldBack[type]++;
            counters.alertsHeldBack.incrementRelease();
            return;
        }
        final ExpandableArrayBuffer out = cause.setupOutput;
        final int at = cause.setupOutputLength;
        out.checkLimit(at + 4 + MessageHeaderEncoder.ENCODED_LENGTH + TacticalAlertEncoder.BLOCK_LENGTH);
        alertEncoder.wrapAndApplyHeader(out, at + 4, headerEncoder)
            .eventTime(now)
            .receiveTime(cause.receiveTime)
            .setupId(s.id)
            .symbolId(s.symbolId)
            .alertType(AlertType.get((short)type))
            .price(price)
            .value(value)
            .causeIndex(cause.inputIndex)
            .coalesced(s.heldBack[type]);
        commit(at, TacticalAlertEncoder.BLOCK_LENGTH);
        s.lastAlert[type] = now;
        s.heldBack[type] = 0;
        counters.alerts[type].incrementRelease();
    }

    private void commit(final int at, final int blockLength)
    {
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + blockLength;
        cause.setupOutput.putInt(at, length);
        cause.setupOutputLength = at + 4 + length;
    }

    private void persist(final Setup s)
    {
        stored.reset(EventType.SETUP_COMMAND);
        s.describe(stored);
        store.put(stored);
    }

    // ---- the symbol index -------------------------------------------------------------------------------

    private void register(final Setup s)
    {
        ensure(s.symbolId);
        maxSymbolId = Math.max(maxSymbolId, s.symbolId);
        Setup[] list = bySymbol[s.symbolId];
        if (list == null)
        {
            list = new Setup[4];
        }
        else if (countBySymbol[s.symbolId] == list.length)
        {
            list = Arrays.copyOf(list, list.length * 2);
        }
        bySymbol[s.symbolId] = list;
        list[countBySymbol[s.symbolId]++] = s;
    }

    /** Swap-remove: deterministic, since every step is a pure function of the input order. */
    private void unregister(final Setup s)
    {
        final Setup[] list = bySymbol[s.symbolId];
        final int n = countBySymbol[s.symbolId];
        for (int i = 0; i < n; i++)
        {
            if (list[i] == s)
            {
                list[i] = list[n - 1];
                list[n - 1] = null;
                countBySymbol[s.symbolId] = n - 1;
                return;
            }
        }
    }

    private double atr(final int symbolId)
    {
        return symbolId < atr.length ? atr[symbolId] : 0;
    }

    private void ensure(final int s)
    {
        if (s >= countBySymbol.length)
        {
            final int n = Integer.highestOneBit(s) << 1;
            bySymbol = Arrays.copyOf(bySymbol, n);
            countBySymbol = Arrays.copyOf(countBySymbol, n);
            atr = Arrays.copyOf(atr, n);
            lastPrice = Arrays.copyOf(lastPrice, n);
        }
    }

    /** Live setups, for tests and tools. */
    int liveSetups()
    {
        int n = 0;
        for (int s = 0; s <= maxSymbolId; s++)
        {
            n += countBySymbol[s];
        }
        return n;
    }
}

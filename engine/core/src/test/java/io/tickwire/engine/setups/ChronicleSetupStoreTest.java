package io.tickwire.engine.setups;

import io.tickwire.codecs.sbe.ConfirmRule;
import io.tickwire.codecs.sbe.Direction;
import io.tickwire.codecs.sbe.MessageHeaderDecoder;
import io.tickwire.codecs.sbe.SetupOp;
import io.tickwire.codecs.sbe.SetupState;
import io.tickwire.codecs.sbe.SetupTransitionDecoder;
import io.tickwire.model.EngineCounters;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Setups survive a restart exactly, both ways a node brings them back: three setups left armed, triggered and at
 * target 1 (with a stop moved by the ATR trail) are each rebuilt once, as they stood, by replaying the journaled
 * inputs (the node's rebuild at start), or restored once from the Chronicle Map file (for setups whose commands
 * retention deleted), and go on from there as an uninterrupted evaluator does.
 */
class ChronicleSetupStoreTest
{
    private static final long MS = 1_000_000L;
    private static final long P = 1_000_000L;

    @TempDir
    Path dir;

    private long time = 1_795_186_800_000_000_000L;
    private final StampedEvents events = new StampedEvents();

    @Test
    void shouldRebuildEverySetupOnceFromTheJournaledInputs()
    {
        final List<MarketEvent> inputs = List.of(add(1, 80, 81, 70, 90), add(2, 100, 101, 95, 150),
            add(3, 100, 101, 95, 102), atr(1.0), trade(100.5), trade(102.5), event(EventType.TIMER));
        final SetupEvaluator uninterrupted = new SetupEvaluator(SetupSettings.defaults(), SetupStore.NONE,
            new EngineCounters());
        final SetupEvaluator rebuilt = new SetupEvaluator(SetupSettings.defaults(), SetupStore.NONE,
            new EngineCounters());
        for (final MarketEvent e : inputs)
        {
            assertEquals(run(uninterrupted, copyWithOutputs(e)), run(rebuilt, copyWithOutputs(e)),
                "the rebuild writes what the first run wrote");
        }
        assertEquals(3, rebuilt.liveSetups(), "each once");
        assertEquals(List.of((int)SetupState.ARMED.value(), (int)SetupState.TRIGGERED.value(),
            (int)SetupState.TARGET1.value()), List.of(rebuilt.setup(1).state, rebuilt.setup(2).state,
            rebuilt.setup(3).state));
        assertEquals(101_500_000L, rebuilt.setup(3).stop, "the trailed stop: 102.5 less the trail of 1 ATR");
        final MarketEvent next = trade(151);
        final List<String> moves = run(rebuilt, copyWithOutputs(next));
        assertEquals(run(uninterrupted, copyWithOutputs(next)), moves, "and goes on as if it never stopped");
        assertEquals(List.of("2:TRIGGERED->TARGET1", "3:TARGET1->TARGET2"), moves.stream().sorted().toList());
    }

    @Test
    void shouldRestoreEverySetupOnceAsItStood()
    {
        final List<MarketEvent> restored = new ArrayList<>();
        final long trailedStop;
        try (ChronicleSetupStore store = new ChronicleSetupStore(dir.resolve("setups.cmap").toFile(), 1_000))
        {
            final SetupEvaluator evaluator = new SetupEvaluator(SetupSettings.defaults(), store, new EngineCounters());
            run(evaluator, add(1, 80, 81, 70, 90));       // far below the market: stays armed
            run(evaluator, add(2, 100, 101, 95, 150));    // triggered at 100.5, target far away
            run(evaluator, add(3, 100, 101, 95, 102));    // triggered, then target 1 at 102
            run(evaluator, atr(1.0));
            run(evaluator, trade(100.5));
            run(evaluator, trade(102.5));                 // setup 3 at target 1: the ATR trail lifts its stop
            assertEquals(95_000_000L, stored(store, 3).stop, "a trailed stop is saved at the next timer tick");
            run(evaluator, event(EventType.TIMER));
            trailedStop = stored(store, 3).stop;
            store.forEach((e) ->
            {
                final MarketEvent copy = new MarketEvent();
                copy.copyInputFrom(e);
                restored.add(copy);
            });
        }
        assertEquals(List.of(1L, 2L, 3L), restored.stream().map((e) -> e.setupId).toList(), "each once");
        assertEquals(List.of((int)SetupState.ARMED.value(), (int)SetupState.TRIGGERED.value(),
            (int)SetupState.TARGET1.value()),
            restored.stream().map((e) -> e.setupState).toList());
        assertEquals(trailedStop, restored.get(2).stop);
        assertEquals(101_500_000L, trailedStop, "102.5 less the trail of 1 ATR");

        try (ChronicleSetupStore reopened = new ChronicleSetupStore(dir.resolve("setups.cmap").toFile(), 1_000))
        {
            final List<MarketEvent> again = new ArrayList<>();
            reopened.forEach((e) -> again.add(copy(e)));
            assertEquals(3, again.size(), "the file, reopened, holds the same three");
            final SetupEvaluator next = new SetupEvaluator(SetupSettings.defaults(), reopened, new EngineCounters());
            for (final MarketEvent e : again)
            {
                e.inputIndex = events.nextIndex();
                assertEquals(0, run(next, e).size(), "a restore emits nothing");
            }
            assertEquals(3, next.liveSetups());
            final List<String> moves = run(next, trade(150.5));
            assertEquals(List.of("2:TRIGGERED->TARGET1", "3:TARGET1->TARGET2"), moves.stream().sorted().toList());
        }
    }

    @Test
    void shouldKeepASetupsCoolDownsEmaAndConfirmationProgressAcrossARestart()
    {
        final Setup before = new Setup();
        before.id = 7;
        before.symbolId = 1;
        before.isLong = true;
        before.state = SetupState.READY.value();
        before.lastAlert[1] = 1_795_186_800_123_000_000L;
        before.heldBack[1] = 4;
        before.ema = 101.25e6;
        before.emaSamples = 3;
        before.ticksInZone = 2;
        before.inZoneSince = 1_795_186_799_000_000_000L;
        before.threatArmed = false;
        try (ChronicleSetupStore store = new ChronicleSetupStore(dir.resolve("setups.cmap").toFile(), 1_000))
        {
            final MarketEvent command = new MarketEvent();
            command.reset(EventType.SETUP_COMMAND);
            before.describe(command);
            store.put(command);
        }
        final Setup after = new Setup();
        try (ChronicleSetupStore store = new ChronicleSetupStore(dir.resolve("setups.cmap").toFile(), 1_000))
        {
            store.forEach((e) ->
            {
                after.define(e);
                after.restoreRuntime(e);
            });
        }
        assertEquals(before.lastAlert[1], after.lastAlert[1]);
        assertEquals(4, after.heldBack[1]);
        assertEquals(101.25e6, after.ema);
        assertEquals(3, after.emaSamples);
        assertEquals(2, after.ticksInZone);
        assertEquals(before.inZoneSince, after.inZoneSince);
        assertEquals(false, after.threatArmed);
        assertEquals(true, after.divergenceArmed);
    }

    private static MarketEvent copy(final MarketEvent e)
    {
        final MarketEvent copy = new MarketEvent();
        copy.copyInputFrom(e);
        return copy;
    }

    /** A copy with the slot's stage outputs (the ATR a test puts there), as each evaluator gets its own slot. */
    private static MarketEvent copyWithOutputs(final MarketEvent e)
    {
        final MarketEvent copy = copy(e);
        copy.accepted = e.accepted;
        copy.metricsOutput.putBytes(0, e.metricsOutput, 0, e.metricsOutputLength);
        copy.metricsOutputLength = e.metricsOutputLength;
        return copy;
    }

    private static MarketEvent stored(final ChronicleSetupStore store, final long id)
    {
        final MarketEvent[] found = new MarketEvent[1];
        store.forEach((e) ->
        {
            if (e.setupId == id)
            {
                found[0] = copy(e);
            }
        });
        return found[0];
    }

    private MarketEvent event(final int type)
    {
        time += 100 * MS;
        return events.next(type, time);
    }

    private MarketEvent add(final long id, final double low, final double high, final double stop, final double t1)
    {
        final MarketEvent e = event(EventType.SETUP_COMMAND);
        e.setupOp = SetupOp.ADD.value();
        e.setupId = id;
        e.symbolId = 1;
        e.direction = Direction.LONG.value();
        e.entryLow = Math.round(low * P);
        e.entryHigh = Math.round(high * P);
        e.stop = Math.round(stop * P);
        e.target1 = Math.round(t1 * P);
        e.target2 = Math.round((t1 + 40) * P);
        if (id == 3)
        {
            e.target2 = Math.round(150 * P);
            e.trail = io.tickwire.codecs.sbe.Trail.ATR.value();
            e.trailParam = 1.0;
        }
        e.confirmRule = ConfirmRule.TICKS.value();
        e.confirmTicks = 1;
        return e;
    }

    private MarketEvent trade(final double price)
    {
        final MarketEvent e = event(EventType.TRADE);
        e.symbolId = 1;
        e.price = Math.round(price * P);
        e.size = 100 * P;
        return e;
    }

    private MarketEvent atr(final double value)
    {
        final MarketEvent e = event(EventType.TIMER);
        new io.tickwire.codecs.sbe.BarMetricsEncoder().wrapAndApplyHeader(e.metricsOutput, 4,
                new io.tickwire.codecs.sbe.MessageHeaderEncoder())
            .eventTime(time).receiveTime(time).symbolId(1).timeframeMillis(60_000).startTime(time).endTime(time)
            .atr(value);
        e.metricsOutput.putInt(0, io.tickwire.codecs.sbe.MessageHeaderEncoder.ENCODED_LENGTH +
            io.tickwire.codecs.sbe.BarMetricsEncoder.BLOCK_LENGTH);
        e.metricsOutputLength = 4 + io.tickwire.codecs.sbe.MessageHeaderEncoder.ENCODED_LENGTH +
            io.tickwire.codecs.sbe.BarMetricsEncoder.BLOCK_LENGTH;
        return e;
    }

    /** Runs one event; @return its transitions as "id:FROM->TO". */
    private static List<String> run(final SetupEvaluator evaluator, final MarketEvent e)
    {
        evaluator.onEvent(e, e.inputIndex, true);
        final List<String> moves = new ArrayList<>();
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final SetupTransitionDecoder transition = new SetupTransitionDecoder();
        int offset = 0;
        while (offset < e.setupOutputLength)
        {
            header.wrap(e.setupOutput, offset + 4);
            if (header.templateId() == SetupTransitionDecoder.TEMPLATE_ID)
            {
                transition.wrapAndApplyHeader(e.setupOutput, offset + 4, header);
                moves.add(transition.setupId() + ":" + transition.fromState() + "->" + transition.toState());
            }
            offset += 4 + e.setupOutput.getInt(offset);
        }
        return moves;
    }
}

package io.tickwire.engine.setups;

import io.tickwire.codecs.sbe.BarMetricsEncoder;
import io.tickwire.codecs.sbe.ConfirmRule;
import io.tickwire.codecs.sbe.Direction;
import io.tickwire.codecs.sbe.MessageHeaderEncoder;
import io.tickwire.codecs.sbe.MicrobarEncoder;
import io.tickwire.codecs.sbe.SetupOp;
import io.tickwire.codecs.sbe.Trail;
import io.tickwire.model.EngineCounters;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The threshold index changes nothing but the cost: on random markets (several symbols, long and short setups
 * with fixed and ATR targets, ATR and EMA trails, stop-threat alerts, expiries, dwell confirmation, amends and
 * cancels, ATR updates, bar closes and timer ticks) the indexed evaluator writes exactly the records, byte for
 * byte and in order, that the evaluator walking every setup on every tick writes.
 */
class TickDispatchTest
{
    private static final long MS = 1_000_000L;
    private static final long P = 1_000_000L;
    private static final long T0 = 1_795_186_800_000_000_000L;

    @Test
    void shouldWriteWhatEvaluatingEverySetupOnEveryTickWrites()
    {
        final long seed = Long.getLong("tickwire.test.seed", 20_261_130L); // fixed; -Dtickwire.test.seed=N to explore
        System.out.println("TickDispatchTest seed " + seed);
        final Random random = new Random(seed);
        final SetupSettings settings = SetupSettings.defaults().alertCooldownMillis(500);
        final SetupEvaluator indexed = new SetupEvaluator(settings, SetupStore.NONE, new EngineCounters(), true);
        final SetupEvaluator reference = new SetupEvaluator(settings, SetupStore.NONE, new EngineCounters(), false);
        final double[] price = {100, 50, 200};
        long time = T0;
        long index = 0;
        long nextId = 1;
        int records = 0;
        for (int step = 0; step < 60_000; step++)
        {
            time += (1 + random.nextInt(50)) * MS;
            final MarketEvent e = new MarketEvent();
            final int symbol = 1 + random.nextInt(3);
            final int kind = random.nextInt(100);
            if (kind < 3)
            {
                e.reset(EventType.SETUP_COMMAND);
                e.setupOp = SetupOp.ADD.value();
                e.setupId = nextId++;
                define(e, symbol, price[symbol - 1], random, time);
            }
            else if (kind < 4 && nextId > 1)
            {
                e.reset(EventType.SETUP_COMMAND);
                e.setupOp = random.nextBoolean() ? SetupOp.CANCEL.value() : SetupOp.AMEND.value();
                e.setupId = 1 + random.nextInt((int)nextId - 1);
                define(e, symbol, price[symbol - 1], random, time);
            }
            else if (kind < 6)
            {
                e.reset(EventType.TIMER);
            }
            else if (kind < 7)
            {
                e.reset(EventType.TIMER);
                atr(e, symbol, 0.2 + random.nextDouble(), time);
            }
            else if (kind < 8)
            {
                e.reset(EventType.TIMER);
                barClose(e, symbol, Math.round(price[symbol - 1] * P), random.nextBoolean() ? 1000 : 5000, time);
            }
            else
            {
                e.reset(EventType.TRADE);
                e.symbolId = symbol;
                price[symbol - 1] = Math.max(1, price[symbol - 1] + (random.nextDouble() - 0.5) *
                    (random.nextInt(20) == 0 ? 4 : 0.3)); // mostly small steps, now and then a jump
                e.price = Math.round(price[symbol - 1] * P);
                e.size = 100 * P;
                e.accepted = true;
            }
            e.eventTime = time;
            e.receiveTime = time + MS;
            e.inputIndex = ++index;
            final MarketEvent copy = new MarketEvent();
            copy.copyInputFrom(e);
            copy.accepted = e.accepted;
            copy.metricsOutput.putBytes(0, e.metricsOutput, 0, e.metricsOutputLength);
            copy.metricsOutputLength = e.metricsOutputLength;
            copy.barOutput.putBytes(0, e.barOutput, 0, e.barOutputLength);
            copy.barOutputLength = e.barOutputLength;
            indexed.onEvent(e, index, true);
            reference.onEvent(copy, index, true);
            assertEquals(copy.setupOutputLength, e.setupOutputLength, "step " + step);
            final byte[] expected = new byte[copy.setupOutputLength];
            final byte[] actual = new byte[e.setupOutputLength];
            copy.setupOutput.getBytes(0, expected);
            e.setupOutput.getBytes(0, actual);
            assertArrayEquals(expected, actual, "step " + step);
            records += e.setupOutputLength > 0 ? 1 : 0;
        }
        assertEquals(reference.liveSetups(), indexed.liveSetups());
        assertTrue(records > 1_000, "the walk exercised the rules: " + records + " events wrote records");
    }

    private static void define(final MarketEvent e, final int symbol, final double price, final Random random,
        final long time)
    {
        final boolean isLong = random.nextBoolean();
        final double offset = (random.nextDouble() - 0.5) * 4;
        final double low = price + offset;
        final double high = low + random.nextDouble() * 0.5;
        e.symbolId = symbol;
        e.direction = isLong ? Direction.LONG.value() : Direction.SHORT.value();
        e.entryLow = Math.round(low * P);
        e.entryHigh = Math.round(high * P);
        e.proximity = Math.round(random.nextDouble() * 0.5 * P);
        e.stop = Math.round((isLong ? low - 0.5 - random.nextDouble() * 2 : high + 0.5 + random.nextDouble() * 2) * P);
        if (random.nextBoolean())
        {
            e.target1 = Math.round((isLong ? high + 1 + random.nextDouble() : low - 1 - random.nextDouble()) * P);
            e.target2 = Math.round((isLong ? high + 2.5 + random.nextDouble() : low - 2.5 - random.nextDouble()) * P);
        }
        else
        {
            e.target1Atr = 1 + random.nextDouble();
            e.target2Atr = 2.5 + random.nextDouble();
        }
        final int rule = random.nextInt(4);
        e.confirmRule = rule == 0 ? ConfirmRule.TICKS.value() : rule == 1 ? ConfirmRule.DWELL.value() :
            rule == 2 ? ConfirmRule.BAR_1S.value() : ConfirmRule.BAR_5S.value();
        e.confirmTicks = 1 + random.nextInt(3);
        e.confirmDwellMillis = 200 + random.nextInt(1000);
        final int trail = random.nextInt(3);
        e.trail = trail == 0 ? Trail.NONE.value() : trail == 1 ? Trail.ATR.value() : Trail.EMA.value();
        e.trailParam = trail == 2 ? 2 + random.nextInt(3) : 0.5 + random.nextDouble();
        e.expiry = random.nextInt(4) == 0 ? time + (1 + random.nextInt(60)) * 1_000 * MS : 0;
    }

    private static void atr(final MarketEvent e, final int symbol, final double value, final long time)
    {
        new BarMetricsEncoder().wrapAndApplyHeader(e.metricsOutput, 4, new MessageHeaderEncoder())
            .eventTime(time).receiveTime(time).symbolId(symbol).timeframeMillis(60_000).startTime(time).endTime(time)
            .thrust(0).atr(value).pathEfficiency(0).realizedVolatility(0).spread(0).spreadBps(0).quoteRate(0)
            .orderFlowImbalance(0).vpin(0);
        e.metricsOutput.putInt(0, MessageHeaderEncoder.ENCODED_LENGTH + BarMetricsEncoder.BLOCK_LENGTH);
        e.metricsOutputLength = 4 + MessageHeaderEncoder.ENCODED_LENGTH + BarMetricsEncoder.BLOCK_LENGTH;
    }

    private static void barClose(final MarketEvent e, final int symbol, final long close, final int timeframe,
        final long time)
    {
        new MicrobarEncoder().wrapAndApplyHeader(e.barOutput, 4, new MessageHeaderEncoder())
            .eventTime(time).receiveTime(time).symbolId(symbol).timeframeMillis(timeframe).revision(0)
            .startTime(time - timeframe * MS).endTime(time).open(close).high(close).low(close).close(close);
        e.barOutput.putInt(0, MessageHeaderEncoder.ENCODED_LENGTH + MicrobarEncoder.BLOCK_LENGTH);
        e.barOutputLength = 4 + MessageHeaderEncoder.ENCODED_LENGTH + MicrobarEncoder.BLOCK_LENGTH;
    }

    @Test
    void shouldFindOnlyTheSetupsWhoseQuietIntervalATickLeaves()
    {
        final ThresholdIndex index = new ThresholdIndex();
        final Setup[] setups = new Setup[5];
        final long[][] bounds = {{10, 20}, {15, 30}, {QuietRange.ALWAYS, QuietRange.ALWAYS}, {5, 12}, {18, 40}};
        for (int i = 0; i < setups.length; i++)
        {
            setups[i] = new Setup();
            setups[i].id = i;
            setups[i].quietLow = bounds[i][0];
            setups[i].quietHigh = bounds[i][1];
            index.add(setups[i]);
        }
        index.rebuild();
        final Setup[] due = new Setup[8];
        final int k = index.due(16, due);
        final long[] ids = Arrays.stream(due, 0, k).mapToLong((s) -> s.id).sorted().toArray();
        assertArrayEquals(new long[]{2, 3, 4}, ids, "ALWAYS, above its high (12), at or below its low (18)");
        index.remove(setups[2]);
        setups[0].quietHigh = 16;
        index.remove(setups[0]);
        index.reinsert(setups[0]);
        final int k2 = index.due(16, due);
        assertArrayEquals(new long[]{0, 3, 4}, Arrays.stream(due, 0, k2).mapToLong((s) -> s.id).sorted().toArray());
    }
}

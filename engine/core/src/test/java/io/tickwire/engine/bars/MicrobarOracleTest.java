package io.tickwire.engine.bars;

import io.tickwire.codecs.sbe.BarKind;
import io.tickwire.codecs.sbe.MessageHeaderDecoder;
import io.tickwire.codecs.sbe.MicrobarDecoder;
import io.tickwire.model.EngineCounters;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random trade streams — out of order, late, with excluded conditions — through the bar stage, against an
 * oracle that recomputes every bar from the trades it should contain. The final revision of every bar with
 * trades must match the oracle exactly; the seed is in every failure message.
 */
class MicrobarOracleTest
{
    private static final long MS = 1_000_000L;
    private static final long T0 = 1_795_186_800_000L * MS;
    private static final List<Integer> TIMEFRAMES = List.of(1000, 5000, 60_000);
    private static final long CLOSE_DELAY_MS = 250;
    private static final long LATENESS_MS = 20_000;

    record Applied(long time, long price, long size, boolean price_, boolean volume)
    {
    }

    @RepeatedTest(20)
    void shouldMatchTheOracleForEveryBarWithTrades(final RepetitionInfo repetition)
    {
        // fixed seeds, one per repetition; -Dtickwire.test.seed=N explores others
        final long seed = Long.getLong("tickwire.test.seed", 20_261_130L) + repetition.getCurrentRepetition();
        System.out.println("MicrobarOracleTest seed " + seed);
        final Random random = new Random(seed);
        final MicrobarHandler handler = new MicrobarHandler(new BarSettings(TIMEFRAMES, (int)CLOSE_DELAY_MS, LATENESS_MS,
            0, 0, List.of(37), List.of(15)), new EngineCounters());
        final Map<String, long[]> emitted = new HashMap<>(); // key -> last bar values
        final Map<String, String> kinds = new HashMap<>();
        final Map<String, List<Applied>> oracle = new HashMap<>();
        final Map<String, Long> lastClosed = new HashMap<>();
        long clock = Long.MIN_VALUE;
        final long[] started = {Long.MIN_VALUE};
        long t = T0;
        for (int i = 0; i < 3_000; i++)
        {
            t += random.nextInt(40) * MS;
            final int symbol = 1 + random.nextInt(3);
            long time = t;
            final double r = random.nextDouble();
            if (r < 0.05)
            {
                time = t - (1 + random.nextInt(30_000)) * MS; // late: some within the lateness window, some not
            }
            else if (r < 0.15)
            {
                time = t - random.nextInt(200) * MS; // slightly out of order, within the close delay
            }
            final long price = (100 + random.nextInt(20)) * 1_000_000L + random.nextInt(100) * 10_000L;
            final long size = (1 + random.nextInt(500)) * 1_000_000L;
            final int condition = random.nextDouble() < 0.1 ? 37 : random.nextDouble() < 0.05 ? 15 : 0;
            final MarketEvent e = new MarketEvent();
            e.reset(EventType.TRADE);
            e.symbolId = symbol;
            e.eventTime = time;
            e.receiveTime = t + MS;
            e.price = price;
            e.size = size;
            e.accepted = true;
            if (condition != 0)
            {
                e.conditionCount = 1;
                e.conditions[0] = (byte)condition;
            }
            // the oracle's view of the clock and of which windows are closed, as the handler defines them
            if (time > clock)
            {
                if (clock == Long.MIN_VALUE)
                {
                    started[0] = time; // windows that began before the first data are partial
                    for (final int tf : TIMEFRAMES)
                    {
                        lastClosed.put("" + tf, Math.floorDiv(time - CLOSE_DELAY_MS * MS, tf * MS) - 1);
                    }
                }
                clock = time;
                for (final int tf : TIMEFRAMES)
                {
                    final long closedUpTo = Math.floorDiv(clock - CLOSE_DELAY_MS * MS, tf * MS) - 1;
                    lastClosed.put("" + tf, Math.max(lastClosed.get("" + tf), closedUpTo));
                }
            }
            for (final int tf : TIMEFRAMES)
            {
                final long w = Math.floorDiv(time, tf * MS);
                final boolean open = w > lastClosed.get("" + tf);
                final boolean revisable = clock - (w + 1) * tf * MS <= LATENESS_MS * MS;
                if (open || revisable)
                {
                    oracle.computeIfAbsent(symbol + "/" + tf + "/" + w, (k) -> new ArrayList<>())
                        .add(new Applied(time, price, size, condition != 37, condition != 15));
                }
            }
            handler.onEvent(e, i, true);
            collect(e, emitted, kinds);
        }
        final MarketEvent tick = new MarketEvent();
        tick.reset(EventType.TIMER);
        tick.eventTime = t + 120_000 * MS; // close everything
        tick.receiveTime = tick.eventTime;
        handler.onEvent(tick, 0, true);
        collect(tick, emitted, kinds);

        int checked = 0;
        for (final Map.Entry<String, List<Applied>> entry : oracle.entrySet())
        {
            final long[] bar = emitted.get(entry.getKey());
            assertTrue(bar != null, "seed " + seed + ": no bar for " + entry.getKey());
            final List<Applied> trades = entry.getValue();
            long volume = 0;
            double notional = 0;
            int count = 0;
            long high = Long.MIN_VALUE;
            long low = Long.MAX_VALUE;
            Applied first = null;
            Applied last = null;
            for (final Applied a : trades)
            {
                if (a.volume())
                {
                    volume += a.size();
                    notional += a.price() / 1e6 * (a.size() / 1e6);
                    count++;
                }
                if (a.price_())
                {
                    high = Math.max(high, a.price());
                    low = Math.min(low, a.price());
                    first = first == null || a.time() < first.time() ? a : first;
                    last = last == null || a.time() >= last.time() ? a : last;
                }
            }
            final String where = "seed " + seed + " bar " + entry.getKey();
            assertEquals(volume, bar[4], where + " volume");
            assertEquals(count, bar[6], where + " count");
            if (volume > 0)
            {
                assertEquals(Math.round(notional / (volume / 1e6) * 1e6), bar[5], where + " vwap");
            }
            if (first != null)
            {
                assertEquals(first.price(), bar[0], where + " open");
                assertEquals(high, bar[1], where + " high");
                assertEquals(low, bar[2], where + " low");
                assertEquals(last.price(), bar[3], where + " close");
            }
            assertEquals(startsBefore(entry.getKey(), started[0]) ? "PARTIAL" : "NORMAL", kinds.get(entry.getKey()),
                where);
            checked++;
        }
        assertTrue(checked > 100, "seed " + seed);
        for (final Map.Entry<String, String> kind : kinds.entrySet())
        {
            if (!oracle.containsKey(kind.getKey()))
            {
                assertEquals(startsBefore(kind.getKey(), started[0]) ? "PARTIAL" : "QUIET", kind.getValue(),
                    "seed " + seed + ": " + kind.getKey() + " had no trades");
            }
        }
    }

    /** Whether the window of a bar key (symbol/tf/window) began before {@code time}. */
    private static boolean startsBefore(final String key, final long time)
    {
        final String[] parts = key.split("/");
        return Long.parseLong(parts[2]) * Long.parseLong(parts[1]) * MS < time;
    }

    private static void collect(final MarketEvent e, final Map<String, long[]> emitted, final Map<String, String> kinds)
    {
        int offset = 0;
        while (offset < e.barOutputLength)
        {
            final int length = e.barOutput.getInt(offset);
            final byte[] copy = new byte[length];
            e.barOutput.getBytes(offset + 4, copy);
            final MicrobarDecoder d = new MicrobarDecoder().wrapAndApplyHeader(new UnsafeBuffer(copy), 0,
                new MessageHeaderDecoder());
            final String key = d.symbolId() + "/" + d.timeframeMillis() + "/" + d.startTime() / (d.timeframeMillis() * MS);
            emitted.put(key, new long[]{d.open(), d.high(), d.low(), d.close(), d.volume(), d.vwap(), d.tradeCount()});
            kinds.put(key, d.kind() == BarKind.NORMAL ? "NORMAL" : d.kind().name());
            offset += 4 + length;
        }
    }
}

package io.tickwire.massive;

import io.tickwire.model.event.RingFullGap;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The repair asks for the runs that were dropped, per ticker and kind, and takes back only what fell in them. */
class DroppedWindowsTest
{
    private static final long MS = 1_000_000L;

    @Test
    void shouldAskPerTickerAndKindForTheTimesLostMergedAcrossTheGapsOfOneSettlePeriod()
    {
        final DroppedWindows dropped = new DroppedWindows();
        dropped.add(new RingFullGap(0, 100 * MS, 140 * MS, 5, List.of(
            new RingFullGap.Dropped("SPY", 3, 100 * MS, 120 * MS, 1, 110 * MS, 110 * MS),
            new RingFullGap.Dropped("QQQ", 0, 0, 0, 1, 140 * MS, 140 * MS))));
        dropped.add(new RingFullGap(0, 90 * MS, 300 * MS, 4, List.of(
            new RingFullGap.Dropped("SPY", 2, 90 * MS, 300 * MS, 0, 0, 0),
            new RingFullGap.Dropped(null, 2, 95 * MS, 95 * MS, 0, 0, 0)))); // no symbol table: nothing to ask for
        assertEquals(90 * MS, dropped.start());
        assertEquals(300 * MS + 1, dropped.end(), "exclusive");
        assertEquals(9, dropped.events());
        final List<DroppedWindows.Window> windows = dropped.drain();
        assertEquals(List.of("trades SPY 90-301 5", "quotes QQQ 140-141 1", "quotes SPY 110-111 1"),
            windows.stream().map(DroppedWindowsTest::text).toList(),
            "overlapping runs are one; each reaches to the end of its last millisecond (REST's SIP times are ns)");
        assertTrue(dropped.drain().isEmpty(), "drained: the next settle period starts afresh");
        assertEquals(0, dropped.events());
    }

    @Test
    void shouldAskForFewWindowsUnderAnOverloadAndTakeBackOnlyWhatFellInTheDroppedRuns()
    {
        final DroppedWindows dropped = new DroppedWindows();
        for (int run = 0; run < 100; run++) // a long overload: 3 ms of frames dropped every 10 ms, the rest taken
        {
            final long first = run * 10 * MS;
            dropped.add(new RingFullGap(0, first, first + 3 * MS, 4, List.of(
                new RingFullGap.Dropped("SPY", 4, first, first + 3 * MS, 0, 0, 0))));
        }
        dropped.add(new RingFullGap(0, 2_000 * MS, 2_000 * MS, 1, List.of(
            new RingFullGap.Dropped("QQQ", 1, 2_000 * MS, 2_000 * MS, 0, 0, 0))));
        dropped.add(new RingFullGap(0, 2_001 * MS, 2_001 * MS, 1, List.of(
            new RingFullGap.Dropped("QQQ", 1, 2_001 * MS, 2_001 * MS, 0, 0, 0))));
        final List<DroppedWindows.Window> windows = dropped.drain();
        final List<DroppedWindows.Window> spy = windows.stream().filter((w) -> w.ticker().equals("SPY")).toList();
        assertEquals(DroppedWindows.MAX_WINDOWS, spy.size(), "at most this many requests a ticker and kind");
        assertEquals(400, spy.stream().mapToLong(DroppedWindows.Window::lost).sum(), "every lost trade asked for");
        long kept = 0;
        for (long t = 0; t < 1_000 * MS; t += MS / 2) // a trade every half millisecond, as REST would return them
        {
            final long time = t;
            final boolean inRun = time % (10 * MS) < 4 * MS;
            final boolean keptByOne = spy.stream().anyMatch((w) -> w.from() <= time && time < w.to() && w.keeps(time));
            assertEquals(inRun, keptByOne, "a trade at " + time / (double)MS + " ms");
            kept += keptByOne ? 1 : 0;
        }
        assertEquals(800, kept, "what the dropped runs held, and not the 60% of the second that arrived");
        final DroppedWindows.Window qqq = windows.stream().filter((w) -> w.ticker().equals("QQQ")).findFirst()
            .orElseThrow();
        assertEquals("trades QQQ 2000-2002 2", text(qqq), "adjacent runs: one");
        assertArrayEquals(new long[]{2_000 * MS, 2_002 * MS}, qqq.runs());
        assertFalse(qqq.keeps(2_002 * MS));
    }

    private static String text(final DroppedWindows.Window w)
    {
        return w.kind() + " " + w.ticker() + " " + w.from() / MS + "-" + w.to() / MS + " " + w.lost();
    }
}

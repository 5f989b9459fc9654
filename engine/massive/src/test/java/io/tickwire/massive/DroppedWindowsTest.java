package io.tickwire.massive;

import io.tickwire.model.event.RingFullGap;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The repair asks for what was dropped: per ticker and kind, over the event times lost, merged across gaps. */
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
        assertEquals(List.of(
            new DroppedWindows.Window("trades", "SPY", 90 * MS, 301 * MS, 5),
            new DroppedWindows.Window("quotes", "QQQ", 140 * MS, 141 * MS, 1),
            new DroppedWindows.Window("quotes", "SPY", 110 * MS, 111 * MS, 1)), dropped.drain(),
            "each window reaches to the end of its last millisecond: REST's SIP times are ns within the stream's ms");
        assertTrue(dropped.drain().isEmpty(), "drained: the next settle period starts afresh");
        assertEquals(0, dropped.events());
    }
}

package io.tickwire.replay;

import io.tickwire.testing.TestInputJournal;
import io.tickwire.config.TickwireConfig;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalReplayerTest
{
    private static final long T0 = 1_763_730_000_000_000_000L;
    private static final long MS = 1_000_000L;

    @TempDir
    Path dir;

    @Test
    void shouldProduceTheSameOutputInBothThreadingLayouts()
    {
        writeInput(dir.resolve("input"));
        final TickwireConfig shared = TickwireConfig.load(null, Map.of("engine.threading", "shared"), Map.of());
        final TickwireConfig dedicated = TickwireConfig.load(null,
            Map.of("engine.threading", "dedicated", "engine.waitStrategy", "blocking"), Map.of());
        final JournalReplayer.Result a = new JournalReplayer(shared).replay(dir.resolve("input"), dir.resolve("a"));
        final JournalReplayer.Result b = new JournalReplayer(dedicated).replay(dir.resolve("input"), dir.resolve("b"));
        assertEquals(203, a.inputRecords());
        assertEquals(a.outputRecords(), b.outputRecords());
        // 1 symbol + 150 unique trades (50 were duplicates) + 1 s bars for windows 0..14 (the last timer puts
        // the clock at 16 s - 1 ms lag, past 14 s + 1 s + 250 ms) + 5 s bars for windows 0..2, each bar with
        // its metrics record
        assertEquals(1 + 150 + 2 * (15 + 3), a.outputRecords());
        final JournalComparator.Result cmp = JournalComparator.compare(dir.resolve("a"), dir.resolve("b"));
        assertTrue(cmp.equal(), cmp.difference());
        assertEquals(a.outputRecords(), cmp.recordsCompared());
    }

    @Test
    void shouldReportWhereTwoJournalsDiffer()
    {
        writeInput(dir.resolve("input"));
        final TickwireConfig config = TickwireConfig.load(null, Map.of(), Map.of());
        new JournalReplayer(config).replay(dir.resolve("input"), dir.resolve("a"));
        new JournalReplayer(config.with(Map.of("bars.timeframes", "1s,1m"))).replay(dir.resolve("input"), dir.resolve("b"));
        final JournalComparator.Result cmp = JournalComparator.compare(dir.resolve("a"), dir.resolve("b"));
        assertFalse(cmp.equal());
    }

    private static void writeInput(final Path path)
    {
        try (TestInputJournal input = TestInputJournal.open(path))
        {
            input.symbol(1, "SPY", T0);
            for (int i = 0; i < 200; i++)
            {
                final MarketEvent e = input.next(EventType.TRADE, T0 + i * 40 * MS);
                e.symbolId = 1;
                e.receiveTime = e.eventTime + MS;
                e.price = (600 + i % 7) * 1_000_000L;
                e.size = 100_000_000L;
                e.tradeIdKey = i % 150; // 50 duplicates
                e.exchange = 4;
                input.append();
            }
            for (int i = 0; i < 2; i++)
            {
                input.timer(T0 + (9_000 + i * 7_000) * MS);
            }
        }
    }
}

package io.tickwire.replay.backtest;

import io.tickwire.replay.ProgressListener;
import io.tickwire.testing.TestInputJournal;
import io.tickwire.config.TickwireConfig;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three setups placed into a scripted day of SPY prices and run through the live evaluator: a long reaches target 1,
 * a short is never entered, a long is stopped; the report scores the two forecasts that resolved.
 */
class BacktestTest
{
    private static final long T = 1_795_532_400_000_000_000L; // 2026-11-24T15:00:00Z, the regular session
    private static final long MS = 1_000_000L;

    @TempDir
    Path dir;

    @Test
    void shouldFollowEverySetupThroughTheDayAndScoreTheForecasts() throws Exception
    {
        writeDay(dir.resolve("input"));
        final String setups = "[" +
            "{\"id\":1,\"symbol\":\"SPY\",\"direction\":\"long\",\"entry\":[600.00,600.20],\"stop\":598.50," +
            "\"targets\":[600.80,601.50],\"confirm\":{\"rule\":\"ticks\",\"n\":2},\"proximity\":0.30," +
            "\"at\":" + (T + 1_999 * MS) + ",\"p\":0.7}," +
            "{\"id\":2,\"symbol\":\"SPY\",\"direction\":\"short\",\"entry\":[605.00,606.00],\"stop\":607.00," +
            "\"targets\":[603.00,602.50],\"confirm\":{\"rule\":\"ticks\",\"n\":2},\"at\":" + (T + 1_999 * MS) +
            ",\"p\":0.5}," +
            "{\"id\":3,\"symbol\":\"SPY\",\"direction\":\"long\",\"entry\":[600.00,600.20],\"stop\":599.50," +
            "\"targets\":[602.00,603.00],\"confirm\":{\"rule\":\"ticks\",\"n\":2},\"proximity\":0.30," +
            "\"at\":" + (T + 1_999 * MS) + ",\"p\":0.6}]";
        final Backtest.Result result = Backtest.run(TickwireConfig.load(null, Map.of(), Map.of()), dir.resolve("input"),
            setups, dir.resolve("work"), ProgressListener.NONE);
        assertEquals(3, result.setups().size(), result.setups().toString());
        final Backtest.Path hit = find(result, 1);
        assertTrue(hit.triggered() && hit.hitTarget1(), hit.toString());
        assertEquals(600.10, hit.entry(), 1e-9);
        assertTrue(hit.r() > 0, hit.toString());
        final Backtest.Path never = find(result, 2);
        assertFalse(never.triggered(), never.toString());
        assertEquals("OPEN", never.outcome());
        final Backtest.Path stopped = find(result, 3);
        assertEquals("STOPPED", stopped.outcome(), stopped.toString());
        assertFalse(stopped.hitTarget1());
        assertTrue(stopped.r() < 0, stopped.toString());

        final BacktestReport.Summary summary = BacktestReport.summary(result);
        assertEquals(2, summary.forecasts(), "the two triggered setups that resolved");
        assertEquals((0.3 * 0.3 + 0.6 * 0.6) / 2, summary.brier(), 1e-12);
        BacktestReport.write(result, dir.resolve("report"));
        assertEquals(4, Files.readAllLines(dir.resolve("report/setups.csv")).size());
        final String html = Files.readString(dir.resolve("report/report.html"));
        assertTrue(html.contains("<svg") && html.contains("Brier score 0.2250"), "self-contained, with the score");
        assertFalse(html.contains("http://") || html.contains("https://"), "nothing fetched from a network");
    }

    private static Backtest.Path find(final Backtest.Result result, final long id)
    {
        return result.setups().stream().filter((p) -> p.id() == id).findFirst().orElseThrow(() ->
            new AssertionError("setup " + id + " in " + result.setups()));
    }

    /** SPY: 599.50 for 2 s, 600.10 for 1 s (in the zone), up to 601.00 by 6 s, down to 599.00 by 10 s. */
    private static void writeDay(final Path path)
    {
        try (TestInputJournal input = TestInputJournal.open(path))
        {
            input.symbol(1, "SPY", T);
            long id = 1;
            for (long ms = 0; ms < 10_000; ms += 50)
            {
                final long time = T + ms * MS;
                if (ms % 100 == 0)
                {
                    input.timer(time);
                }
                final double price = ms < 2_000 ? 599.50 : ms < 3_000 ? 600.10 :
                    ms < 6_000 ? 600.10 + (ms - 3_000) * 0.90 / 3_000 : 601.00 - (ms - 6_000) * 2.00 / 4_000;
                final MarketEvent e = input.next(EventType.TRADE, time);
                e.symbolId = 1;
                e.price = Math.round(price * 100) * 10_000L;
                e.size = 100_000_000L;
                e.exchange = 1;
                e.tradeIdKey = id++;
                input.append();
            }
        }
    }
}

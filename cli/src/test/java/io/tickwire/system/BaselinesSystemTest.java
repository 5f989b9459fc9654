package io.tickwire.system;

import io.tickwire.cli.TickwireRunner;
import io.tickwire.codecs.sbe.BarMetricsDecoder;
import io.tickwire.codecs.sbe.BaselineMetric;
import io.tickwire.codecs.sbe.MessageHeaderDecoder;
import io.tickwire.config.TickwireConfig;
import io.tickwire.engine.metrics.BaselineFile;
import io.tickwire.engine.metrics.BaselineGrid;
import io.tickwire.model.journal.Journal;
import io.tickwire.node.NodeContext;
import io.tickwire.node.TickwireNode;
import io.tickwire.replay.JournalComparator;
import io.tickwire.replay.JournalReplayer;
import io.tickwire.simulator.MassiveSimulator;
import io.tickwire.simulator.SimulatorSettings;
import io.tickwire.testing.WebSocketTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Baselines end to end: a node's output journal → {@code tickwire baselines build} (checked against the exact
 * quantiles of the same records) → a node that journals the file at start → metrics on the desk's WebSocket carry
 * percentile ranks consistent with the tables → replay of that run equal, byte for byte.
 */
class BaselinesSystemTest
{
    @TempDir
    Path dir;

    @Test
    void shouldBuildBaselinesFromAJournalAndRankLiveMetricsInThemAsReplayDoes() throws Exception
    {
        final Path data = dir.resolve("data");
        final Path output = data.resolve("journals").resolve(Journal.OUTPUT);
        try (MassiveSimulator simulator = MassiveSimulator.start(new SimulatorSettings().rate(2_000).apiKey("k")))
        {
            final Map<String, String> settings = FeedHarness.nodeSettings(simulator, data, "SPY,QQQ", "T,Q");
            settings.put("engine.timerIntervalMs", "50");
            final TickwireConfig config = TickwireConfig.load(null, settings, Map.of());
            try (TickwireNode first = TickwireNode.launch(new NodeContext().config(config).apiKey("k")))
            {
                FeedHarness.await(() -> first.counters().outputJournalRecords.get() > 0 &&
                    spreads(output).size() >= 10, 30_000, "ten one-second SPY bars with quotes");
            }

            // the build, against the exact quantiles of the same values
            final Path built = dir.resolve("built.tsv");
            assertEquals(0, TickwireRunner.run("baselines", "build", "--journal", output.toString(), "--out",
                built.toString(), "--days", "1"));
            // from the input journal, replayed through the stages first: the same tables (replay equals live)
            final Path fromInput = dir.resolve("from-input.tsv");
            assertEquals(0, TickwireRunner.run("baselines", "build", "--input",
                data.resolve("journals").resolve(Journal.INPUT).toString(), "--out", fromInput.toString(), "--days", "1"));
            assertEquals(tables(built), tables(fromInput));
            final List<Spread> spreads = spreads(output);
            final List<BaselineFile.Table> spyTables = BaselineFile.read(built).stream().filter((t) ->
                t.ticker().equals("SPY") && t.metric() == BaselineMetric.SPREAD_BPS && t.timeframeMillis() == 1_000)
                .toList();
            assertEquals(spreads.size(), spyTables.stream().mapToLong(BaselineFile.Table::samples).sum(),
                "every finite value, none other, in the tables of its half hour");
            // (of a metric's tables, the one with most values: the run may straddle two half hours)
            final Map<String, BaselineFile.Table> fullest = new HashMap<>();
            for (final BaselineFile.Table t : BaselineFile.read(built))
            {
                fullest.merge(t.ticker() + "/" + t.metric() + "/" + t.timeframeMillis(), t,
                    (a, b) -> a.samples() >= b.samples() ? a : b);
            }
            final BaselineFile.Table spy = fullest.get("SPY/" + BaselineMetric.SPREAD_BPS + "/1000");
            final List<Double> values = new ArrayList<>(spreads.stream().filter((v) -> bucketOf(v.start()) == spy.bucket())
                .map(Spread::value).toList());
            values.sort(Double::compare);
            assertEquals(values.size(), spy.samples(), "the values of bucket " + spy.bucket());
            assertEquals(values.get(0), spy.points()[0], "the lowest value");
            assertEquals(values.get(values.size() - 1), spy.points()[BaselineGrid.POINTS - 1], "the highest value");
            final double median = spy.points()[12];
            final long below = values.stream().filter((v) -> v < median).count();
            assertTrue(Math.abs(below - values.size() / 2.0) <= values.size() * 0.1 + 1,
                "the median sketched within 10% of the exact rank: " + below + " of " + values.size() + " below");

            // every bucket gets the tables of this one, so the ranks below do not hang on the time of day
            final List<BaselineFile.Table> everyBucket = new ArrayList<>();
            for (final BaselineFile.Table t : fullest.values())
            {
                for (int b = 0; b < BaselineGrid.BUCKETS; b++)
                {
                    everyBucket.add(new BaselineFile.Table(t.ticker(), t.metric(), t.timeframeMillis(), b, t.days(),
                        t.samples(), t.points()));
                }
            }
            BaselineFile.write(data.resolve(BaselineFile.DEFAULT_NAME), everyBucket, "the test's"); // found by default

            try (TickwireNode second = TickwireNode.launch(new NodeContext().config(config).apiKey("k"));
                WebSocketTestClient desk = WebSocketTestClient.connect(second.gateway().webSocketUrl()))
            {
                desk.send("{\"op\":\"subscribe\",\"channels\":[\"metrics.1s\"],\"symbols\":[\"SPY\"]}");
                final String ranked = desk.await((m) -> m.contains("\"type\":\"metrics\"") &&
                    m.contains("\"pctl\":{\"spreadBps\":") && !m.contains("\"pctl\":{\"spreadBps\":null"), 20_000).text();
                final double value = Double.parseDouble(EndToEndTest.decimal(ranked, "spreadBps"));
                final double pctl = Double.parseDouble(ranked.replaceAll(".*\"pctl\":\\{\"spreadBps\":([^,}]+).*", "$1"));
                assertTrue(pctl >= 0 && pctl <= 100, ranked);
                final double[] points = spy.points();
                for (int i = 0; i < BaselineGrid.POINTS; i++) // the rank lies between the grid points around the value
                {
                    final double q = BaselineGrid.quantile(i) * 100;
                    assertTrue(points[i] <= value || pctl <= q + 1e-9, "above point " + i + ": " + ranked);
                    assertTrue(points[i] > value || pctl >= q - 1e-9 || i == 0, "below point " + i + ": " + ranked);
                }
            }
            new JournalReplayer(config).replay(data.resolve("journals").resolve(Journal.INPUT), dir.resolve("replayed"));
            final JournalComparator.Result cmp = JournalComparator.compare(output, dir.resolve("replayed"));
            assertTrue(cmp.equal(), "the ranks replay as live: " + cmp.difference());
        }
    }

    /** A baselines file's lines but its first, which names the journals it was built from. */
    private static List<String> tables(final Path file) throws java.io.IOException
    {
        final List<String> lines = Files.readAllLines(file);
        assertTrue(lines.size() > 2, "tables in " + file);
        return lines.subList(1, lines.size());
    }

    private record Spread(long start, double value)
    {
    }

    /** The finite spreads (bps) of SPY's 1 s metrics in the output journal with their bars' starts, read with the schema's decoders. */
    private static List<Spread> spreads(final Path output)
    {
        final List<Spread> values = new ArrayList<>();
        final BarMetricsDecoder metrics = new BarMetricsDecoder();
        TickerRecords.read(output, (header, buffer, index, tickers) ->
        {
            if (header.templateId() == BarMetricsDecoder.TEMPLATE_ID)
            {
                metrics.wrap(buffer, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
                if ("SPY".equals(tickers.get(metrics.symbolId())) && metrics.timeframeMillis() == 1_000 &&
                    Double.isFinite(metrics.spreadBps()))
                {
                    values.add(new Spread(metrics.startTime(), metrics.spreadBps()));
                }
            }
        });
        return values;
    }

    /** The bucket of a bar's start, US/Eastern, counted here rather than by BaselineGrid. */
    private static int bucketOf(final long startNanos)
    {
        final int minute = Instant.ofEpochSecond(0, startNanos).atZone(ZoneId.of("America/New_York")).toLocalTime()
            .toSecondOfDay() / 60;
        return minute < 9 * 60 + 30 ? 0 : minute >= 16 * 60 ? 14 : 1 + (minute - (9 * 60 + 30)) / 30;
    }
}

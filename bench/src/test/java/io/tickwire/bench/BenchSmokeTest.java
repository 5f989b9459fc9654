package io.tickwire.bench;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CI's smoke pass: every benchmark and harness still runs and reports, on tiny iterations. Not a
 * measurement (docs/benchmarks.md has those and how to take them).
 */
class BenchSmokeTest
{
    @TempDir
    Path dir;

    @Test
    void shouldRunEveryJmhBenchmarkAndReportAllocation() throws Exception
    {
        final Options options = new OptionsBuilder()
            .include("io\\.tickwire\\.bench\\..*Benchmark\\.")
            .forks(0)
            .warmupIterations(0)
            .measurementIterations(1)
            .measurementTime(TimeValue.milliseconds(100))
            .addProfiler("gc")
            .shouldFailOnError(true)
            .output(dir.resolve("jmh.txt").toString()) // keeps the build log readable; the assertions below read the results
            .build();
        final Collection<RunResult> results = new Runner(options).run();
        final Set<String> ran = new TreeSet<>();
        for (final RunResult r : results)
        {
            ran.add(r.getParams().getBenchmark().replaceAll(".*\\.", ""));
            assertTrue(r.getSecondaryResults().containsKey("gc.alloc.rate.norm"), r.getParams().getBenchmark());
        }
        for (final String expected : List.of("tickwireDecode", "bareJacksonTokenize", "sequencer", "sequencerAndMicrobars",
            "sequencerMicrobarsAndMetrics", "tick", "sbeEncodeTrade", "sbeDecodeTrade", "bareDisruptorPublish",
            "tickwireRingPublish", "bareChronicleAppend", "tickwireEncodeAndAppend", "bareChronicleTail",
            "tickwireTailAndDecode", "bareCopyIntoNettyBuffer", "tickwireRenderIntoNettyBuffer", "tickwirePriceThrottle"))
        {
            assertTrue(ran.contains(expected), expected + " in " + ran);
        }
    }

    @Test
    void shouldRunTheLatencyHarnessForBothPathsAndWriteHistograms() throws Exception
    {
        final LatencyOptions options = LatencyOptions.parse(new String[]{"--rates", "2000", "--warmup",
            "1", "--duration", "1", "--layouts", "shared", "--out", dir.toString()});
        final List<LatencyHarness.Result> results = LatencyHarness.run(options);
        assertEquals(2, results.size());
        for (final LatencyHarness.Result r : results)
        {
            assertTrue(r.histogram().getTotalCount() > 0, r.path() + " measured nothing");
            assertTrue(r.cpu().get("simulator") > 0 && r.cpu().get("total") >= r.cpu().get("simulator"),
                "the window's CPU by role: " + r.cpu());
        }
        assertTrue(results.get(1).cpu().get("tickwire stages") > 0, "tickwire's stages ran: " + results.get(1).cpu());
        assertEquals(2, Files.list(dir).filter((p) -> p.toString().endsWith(".hgrm")).count());
        LatencyHarness.print(results, System.out);
    }

    @Test
    void shouldRunThePythonPeerBesideADeskBehindTickwire() throws Exception
    {
        final boolean websockets = Files.isExecutable(PeerHarness.PYTHON) && new ProcessBuilder(
            PeerHarness.PYTHON.toString(), "-c", "import websockets").start().waitFor() == 0;
        if (!websockets && System.getenv("TICKWIRE_REQUIRE_TOOLS") == null)
        {
            Assumptions.abort("Debian's python3-websockets is not installed: run .ci/install-test-tools (as root)");
        }
        assertTrue(websockets, "Debian's python3-websockets is not installed: run .ci/install-test-tools (as root)");
        final PeerHarness.Result result = PeerHarness.run(2_000, LatencyOptions.parse(new String[]{"--warmup",
            "1", "--duration", "2"}), Path.of("peer", "massive_peer.py"));
        assertTrue(result.peer().getOrDefault("samples", 0L) > 0, "the peer measured: " + result.peer());
        assertTrue(result.desk().getTotalCount() > 0 && result.ownShare().getTotalCount() > 0);
        PeerHarness.print(List.of(result), System.out);
    }

    @Test
    void shouldRunTheFanOutAndReplayBenchmarks() throws Exception
    {
        final FanOutBenchmark.Result fanOut = FanOutBenchmark.run(5, 2_000, 1, 2, dir);
        assertTrue(fanOut.all().getTotalCount() > 0);
        assertTrue(fanOut.bare().getTotalCount() > 0, "the bare baseline ran beside it");
        // A slow-client cut-off needs more bytes than a smoke run sends, so it is not asserted here; that every
        // healthy client was served is.
        assertTrue(Arrays.stream(fanOut.perClientMessages()).allMatch((m) -> m > 0),
            Arrays.toString(fanOut.perClientMessages()));
        FanOutBenchmark.print(List.of(fanOut), System.out);
        final ReplayBenchmark.Result replay = ReplayBenchmark.run(20_000);
        assertTrue(replay.replayPerSecond() > 0 && replay.bareTailerPerSecond() > 0 && replay.bareCopyPerSecond() > 0);
        ReplayBenchmark.print(replay, System.out);
    }
}

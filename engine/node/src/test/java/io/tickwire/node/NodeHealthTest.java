package io.tickwire.node;

import io.tickwire.codecs.sbe.Cluster;
import io.tickwire.codecs.sbe.FeedState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Health's reasons on an injected clock: no sleeps, every rule. */
class NodeHealthTest
{
    private static final long MS = 1_000_000L;

    private String fatal;
    private final List<String> deadThreads = new ArrayList<>();
    private long lag;
    private long processed;
    private long ticks;
    private final Map<Cluster, FeedState> feeds = new EnumMap<>(Map.of(Cluster.STOCKS, FeedState.UP));
    private String disk;
    private long now;
    private final NodeHealth health = new NodeHealth(NodeHealth.sources(() -> fatal, () -> deadThreads,
        () -> lag, () -> processed, () -> ticks, () -> feeds, () -> disk), 1000, 5000, () -> now);

    @Test
    void shouldBeWellWhenNothingIsWrong()
    {
        assertEquals(List.of(), health.problems());
        lag = 10;
        now += 4_999 * MS; // events waiting, but the stages moved within the stall window
        assertEquals(List.of(), health.problems());
    }

    @Test
    void shouldSayWhenTheIngestThreadStopsTicking()
    {
        health.problems();
        now += 4_000 * MS;
        ticks++;
        assertEquals(List.of(), health.problems());
        now += 5_000 * MS; // a thread stuck in a frame publishes no timer tick
        assertEquals(List.of("ingest thread stalled: no timer tick for 5000 ms"), health.problems());
        ticks++;
        assertEquals(List.of(), health.problems());
    }

    @Test
    void shouldSayWhenTheSlowestStageFallsBehindOrStops()
    {
        health.problems();
        lag = 1001;
        assertEquals(List.of("ring lag 1001 events, above health.maxRingLag 1000"), health.problems());
        lag = 5;
        now += 5_000 * MS;
        ticks++;
        assertEquals(List.of("ring stalled: 5 events waiting and no stage progress for 5000 ms"), health.problems());
        processed++;
        assertEquals(List.of(), health.problems(), "progress clears it");
        deadThreads.add("tickwire-core-0");
        assertEquals(List.of("stage thread tickwire-core-0 has ended"), health.problems());
    }

    @Test
    void shouldAcceptAFeedThatIsKnowinglyRecoveringButNotOneThatIsDown()
    {
        feeds.put(Cluster.INDICES, null);
        feeds.put(Cluster.STOCKS, FeedState.POLLING);
        assertEquals(List.of("feed indices has not connected yet"), health.problems());
        feeds.put(Cluster.INDICES, FeedState.BACKFILLING);
        assertEquals(List.of(), health.problems());
        feeds.put(Cluster.STOCKS, FeedState.DOWN);
        assertEquals(List.of("feed stocks is DOWN"), health.problems());
    }

    @Test
    void shouldPutAFatalErrorFirstAndKeepEveryOtherReason()
    {
        fatal = "disk full on /data: 3 MiB free, needs 256 MiB (disk.stopBelowMb)";
        disk = "disk low on /data: 3 MiB free, below disk.warnBelowMb 2048";
        assertEquals(List.of("fatal: " + fatal, disk), health.problems());
    }
}

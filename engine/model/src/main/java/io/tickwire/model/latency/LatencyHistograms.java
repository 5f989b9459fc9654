package io.tickwire.model.latency;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A node's latency histograms, one per hop of an event's way and one per stage (docs/operations.md, "Prometheus").
 * Hops are measured with the process's one epoch clock, from the event's receive time ({@code rt}) or its
 * publication on the ring; a stage's service time is the time its handler took on one event, sampled one event in
 * {@link #STAGE_SAMPLE}. None of it is journaled or read by a stage: timing is observed beside the deterministic
 * path, never fed into it.
 */
public final class LatencyHistograms
{
    /** One event in this many has its stage service times measured: two clock reads per stage cost ~40 ns. */
    public static final int STAGE_SAMPLE = 16;

    /** The hops, in the order an event crosses them. */
    public enum Hop
    {
        RECEIVE_TO_RING("from the frame's receipt to its claim on the ring"),
        RING_TO_OUTPUT_JOURNAL("from the event's publication on the ring to its records appended to the output " +
            "journal (the wait in the ring, and every stage)"),
        RECEIVE_TO_OUTPUT_JOURNAL("from the frame's receipt to the event's records appended to the output journal"),
        RECEIVE_TO_DESK_WRITE("from the frame's receipt to the gateway's write of a live record to its desks");

        private final String help;

        Hop(final String help)
        {
            this.help = help;
        }
    }

    private final boolean live;
    private final Map<Hop, LatencyHistogram> hops = new EnumMap<>(Hop.class);
    private final Map<String, LatencyHistogram> stages = new ConcurrentHashMap<>();

    private LatencyHistograms(final boolean live)
    {
        this.live = live;
        for (final Hop hop : Hop.values())
        {
            hops.put(hop, histogram(new LatencyHistogram.Label(hop.name().toLowerCase(java.util.Locale.ROOT), null,
                hop.help)));
        }
    }

    /** Histograms that record. */
    public static LatencyHistograms live()
    {
        return new LatencyHistograms(true);
    }

    /** Histograms that record nothing: replay, rebuild, tests that do not look. */
    public static LatencyHistograms none()
    {
        return new LatencyHistograms(false);
    }

    private LatencyHistogram histogram(final LatencyHistogram.Label label)
    {
        return new LatencyHistogram(label, live);
    }

    public LatencyHistogram hop(final Hop hop)
    {
        return hops.get(hop);
    }

    /** The service-time histogram of the named stage; the same one for the same name. */
    public LatencyHistogram stage(final String stage)
    {
        return stages.computeIfAbsent(stage, (s) -> histogram(new LatencyHistogram.Label("stage_service", s,
            "a stage handler's time on one event (sampled)")));
    }

    /** The hops, then the stages by name. */
    public List<LatencyHistogram> all()
    {
        final List<LatencyHistogram> all = new ArrayList<>(hops.values());
        stages.values().stream().sorted((a, b) -> a.label().stage().compareTo(b.label().stage())).forEach(all::add);
        return all;
    }
}

package io.tickwire.model.latency;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A node's latency histograms, one per hop of an event's way and one per stage (docs/operations.md, "Latency").
 * Hops are measured from the event's receive time ({@code rt}, the process's one epoch clock) to the moment it
 * is on the ring, in the output journal, and written to the desks' sockets; a stage's service time is the time
 * its handler took on one event, sampled one event in {@link #STAGE_SAMPLE}. None of it is journaled or read by
 * a stage: timing is observed beside the deterministic path, never fed into it.
 */
public final class LatencyHistograms
{
    /** One event in this many has its stage service times measured: two clock reads per stage cost ~40 ns. */
    public static final int STAGE_SAMPLE = 16;

    private final boolean live;
    private final LatencyHistogram receiveToRing;
    private final LatencyHistogram ringToOutputJournal;
    private final LatencyHistogram receiveToOutputJournal;
    private final LatencyHistogram receiveToDeskWrite;
    private final Map<String, LatencyHistogram> stages = new ConcurrentHashMap<>();

    private LatencyHistograms(final boolean live)
    {
        this.live = live;
        receiveToRing = hop("receive_to_ring", "from the frame's receipt to the event's publication on the ring");
        ringToOutputJournal = hop("ring_to_output_journal",
            "from the event's publication on the ring to its records appended to the output journal (queueing and stages)");
        receiveToOutputJournal = hop("receive_to_output_journal",
            "from the frame's receipt to the event's records appended to the output journal");
        receiveToDeskWrite = hop("receive_to_desk_write",
            "from the frame's receipt to the gateway's write of a live record to the desks it goes to");
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

    private LatencyHistogram hop(final String name, final String help)
    {
        return live ? new LatencyHistogram(name, null, help, true) : LatencyHistogram.inert(name, null);
    }

    public LatencyHistogram receiveToRing()
    {
        return receiveToRing;
    }

    public LatencyHistogram ringToOutputJournal()
    {
        return ringToOutputJournal;
    }

    public LatencyHistogram receiveToOutputJournal()
    {
        return receiveToOutputJournal;
    }

    public LatencyHistogram receiveToDeskWrite()
    {
        return receiveToDeskWrite;
    }

    /** The service-time histogram of the named stage; the same one for the same name. */
    public LatencyHistogram stage(final String stage)
    {
        return stages.computeIfAbsent(stage, (s) -> live ?
            new LatencyHistogram("stage_service", s, "a stage handler's time on one event (sampled)", true) :
            LatencyHistogram.inert("stage_service", s));
    }

    /** The hops, then the stages. */
    public List<LatencyHistogram> all()
    {
        final List<LatencyHistogram> all = new ArrayList<>(List.of(receiveToRing, ringToOutputJournal,
            receiveToOutputJournal, receiveToDeskWrite));
        stages.values().stream().sorted((a, b) -> a.stage().compareTo(b.stage())).forEach(all::add);
        return all;
    }
}

package io.tickwire.node;

import io.tickwire.config.TickwireConfig;
import io.tickwire.engine.journal.OutputJournalCheck;
import io.tickwire.engine.journal.OutputJournalHandler;
import io.tickwire.engine.ring.InputReplay;
import io.tickwire.engine.ring.ReplayChain;
import io.tickwire.engine.ring.StageErrorPolicy;
import io.tickwire.engine.ring.Stages;
import io.tickwire.model.EngineCounters;
import io.tickwire.model.errors.DistinctErrors;
import net.openhft.chronicle.queue.ChronicleQueue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * At every start, before the live ring: the input journal is replayed from its first record through the node's
 * stages, exactly as {@code tickwire replay} would, so their state — open and retained bars, the dedupe window and
 * sequence guards, key levels, ATRs and EMAs, metric windows, setups and their cool-downs — is where the last run
 * left it, and the output after the restart equals that of a node that never stopped. The replayed outputs are
 * checked against the output journal as they come ({@link OutputJournalCheck}); what it lacks (the outputs of the
 * inputs a crash caught between the two journals) is appended. Costs one replay of the retained journal: start-up
 * time grows with it, bounded by {@code journal.retentionDays} (docs/operations.md has the figures).
 */
final class StateRebuild
{
    /** What the rebuild did, for the log, the counters and the node status. */
    record Result(long inputs, long checked, long appended, String difference, long stageErrors, long millis)
    {
        String summary()
        {
            final String outputs = difference != null ?
                "the output journal differs from the replay (" + difference + "): left as it is, nothing appended; " +
                "`tickwire replay --compare` shows where (a changed configuration does this)" :
                checked + " output records equal their replay, " + appended + " missing appended";
            return "stage state rebuilt from " + inputs + " input records in " + millis + " ms; " + outputs +
                (stageErrors > 0 ? "; " + stageErrors + " stage errors recurred, as in the original run" : "");
        }
    }

    private StateRebuild()
    {
    }

    static Result run(final Stages stages, final ChronicleQueue input, final ChronicleQueue output,
        final TickwireConfig config, final EngineCounters counters)
    {
        final long start = System.nanoTime();
        final CompletableFuture<String> fatal = new CompletableFuture<>();
        final DistinctErrors errors = new DistinctErrors(); // already recorded when they first happened
        final OutputJournalCheck outputs = new OutputJournalCheck(output);
        final long inputs;
        // on this thread, whatever the live layout: nothing else runs yet
        try (ReplayChain replay = ReplayChain.start(stages, new OutputJournalHandler(() -> outputs, counters),
            new StageErrorPolicy(counters, errors, fatal::complete)))
        {
            inputs = InputReplay.replayAll(input, replay);
        }
        if (fatal.isDone())
        {
            throw new IllegalStateException("rebuilding the stages' state from the input journal failed: " +
                fatal.join());
        }
        final String difference = outputs.difference() != null ? outputs.difference() :
            outputs.journalHasMore() ? "it holds records after the replay's last" : null;
        final long stageErrors = counters.stageErrors.get();
        counters.zeroStageCounts();
        final long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        counters.rebuiltInputs.setRelease(inputs);
        counters.rebuildMillis.setRelease(millis);
        return new Result(inputs, outputs.compared(), outputs.appended(), difference, stageErrors, millis);
    }
}

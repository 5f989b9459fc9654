package io.tickwire.node;

import io.tickwire.engine.setups.SetupEvaluator;
import io.tickwire.engine.setups.SetupStore;
import io.tickwire.model.event.MarketEvent;
import io.tickwire.model.setups.SetupRequest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which setups a start journals, once the stages' state is rebuilt: each stored setup the evaluator does not know
 * (its commands were in days retention deleted) as a RESTORE, then each setup of the setups file the evaluator has
 * never seen (a file setup is added once; a finished one stays finished). The journal, not the store, is the truth.
 */
record SetupsAtStart(List<MarketEvent> restores, List<SetupRequest> adds)
{
    static SetupsAtStart of(final SetupStore store, final SetupEvaluator rebuilt, final List<SetupRequest> file)
    {
        final List<MarketEvent> restores = new ArrayList<>();
        final Set<Long> restored = new HashSet<>();
        store.forEach((e) ->
        {
            if (!rebuilt.knows(e.setupId))
            {
                final MarketEvent copy = new MarketEvent();
                copy.copyInputFrom(e);
                restores.add(copy);
                restored.add(e.setupId);
            }
        });
        return new SetupsAtStart(restores, file.stream()
            .filter((r) -> !restored.contains(r.id()) && !rebuilt.knows(r.id())).toList());
    }

    boolean any()
    {
        return !restores.isEmpty() || !adds.isEmpty();
    }
}

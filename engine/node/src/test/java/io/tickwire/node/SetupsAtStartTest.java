package io.tickwire.node;

import io.tickwire.engine.setups.ChronicleSetupStore;
import io.tickwire.engine.setups.SetupEvaluator;
import io.tickwire.engine.setups.SetupSettings;
import io.tickwire.engine.setups.SetupStore;
import io.tickwire.model.EngineCounters;
import io.tickwire.model.event.MarketEvent;
import io.tickwire.model.setups.SetupJson;
import io.tickwire.model.setups.SetupRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * After the rebuild, a start journals only what the journal cannot bring back: the stored setups the rebuilt
 * evaluator does not know (their commands were in deleted days) and the setups file's setups it has never seen.
 */
class SetupsAtStartTest
{
    @TempDir
    Path dir;

    @Test
    void shouldRestoreOnlyWhatTheRebuildDidNotBringBack()
    {
        final SetupEvaluator rebuilt = new SetupEvaluator(SetupSettings.defaults(), SetupStore.NONE,
            new EngineCounters());
        rebuilt.onEvent(command(1), 1, true); // in the retained journal
        rebuilt.onEvent(command(2), 2, true);
        try (ChronicleSetupStore store = new ChronicleSetupStore(dir.resolve("setups.cmap").toFile(), 100))
        {
            for (final long id : List.of(1L, 2L, 3L)) // 3's commands were in a day retention deleted
            {
                store.put(command(id));
            }
            final SetupsAtStart start = SetupsAtStart.of(store, rebuilt,
                List.of(request(2), request(3), request(4)));
            assertEquals(List.of(3L), start.restores().stream().map((e) -> e.setupId).toList(), "only 3, once");
            assertEquals(List.of(4L), start.adds().stream().map(SetupRequest::id).toList(),
                "a file setup the evaluator knows, or a restored one, is not added again");
        }
    }

    private static SetupRequest request(final long id)
    {
        return SetupJson.parse("{\"id\":" + id + ",\"symbol\":\"SPY\",\"direction\":\"long\",\"entry\":[100,101]," +
            "\"stop\":95,\"targets\":[110,120]}");
    }

    private static MarketEvent command(final long id)
    {
        final MarketEvent e = new MarketEvent();
        request(id).fill(e, 1, 1_795_186_800_000_000_000L);
        e.accepted = true;
        return e;
    }
}

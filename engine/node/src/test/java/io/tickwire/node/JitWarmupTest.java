package io.tickwire.node;

import io.tickwire.config.TickwireConfig;
import io.tickwire.engine.ring.Pipeline;
import io.tickwire.engine.ring.ThreadingLayout;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The warm-up runs sample frames through every stage and leaves nothing behind. */
class JitWarmupTest
{
    @Test
    void shouldRunSampleFramesThroughTheStagesAndLeaveNoScratchJournal() throws IOException
    {
        final Set<Path> before = scratchDirectories();
        final TickwireConfig config = TickwireConfig.defaults();
        final JitWarmup.Result result = JitWarmup.run(Pipeline.Settings.from(config, ThreadingLayout.of(config)),
            20_000);
        assertEquals(20_000, result.events());
        // trades and quotes echoed, bars closed by the timer, metrics: more records than events were decoded as
        assertTrue(result.outputRecords() > 15_000, "records written: " + result.outputRecords());
        assertEquals(0, result.stageErrors(), "the sample frames go through every stage cleanly: " + result.firstError());
        assertEquals(before, scratchDirectories(), "the scratch journal deleted");
    }

    private static Set<Path> scratchDirectories() throws IOException
    {
        try (Stream<Path> list = Files.list(Path.of(System.getProperty("java.io.tmpdir"))))
        {
            return list.filter((p) -> p.getFileName().toString().startsWith("tickwire-warmup"))
                .collect(Collectors.toSet());
        }
    }
}

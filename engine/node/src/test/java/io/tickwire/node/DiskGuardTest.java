package io.tickwire.node;

import io.tickwire.model.EngineCounters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiskGuardTest
{
    private static final long MIB = 1 << 20;

    @TempDir
    Path dir;

    private long free = 10_000 * MIB;
    private final EngineCounters counters = new EngineCounters();
    private final List<String> fatal = new ArrayList<>();

    private DiskGuard guard(final Path data)
    {
        return new DiskGuard(data, new DiskGuard.Thresholds(512, 2048, 256), (d) -> free, counters, fatal::add);
    }

    @Test
    void shouldRefuseToStartWithoutRoomNamingTheDirectoryWhatIsFreeAndWhatIsNeeded()
    {
        free = 700 * MIB;
        final IllegalStateException ex = assertThrows(IllegalStateException.class, () -> guard(dir).checkAtStart());
        assertEquals("not enough disk for the data directory " + dir.toAbsolutePath() + ": 700 MiB free, needs " +
            "768 MiB (disk.startNeedsMb 512 + disk.stopBelowMb 256)", ex.getMessage());
    }

    @Test
    void shouldRefuseADataDirectoryItCannotWriteWithThatReason() throws Exception
    {
        final Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
        final IllegalStateException ex = assertThrows(IllegalStateException.class,
            () -> guard(file.resolve("data")).checkAtStart());
        assertTrue(ex.getMessage().startsWith("data directory " + file.resolve("data").toAbsolutePath() +
            " is not writable: "), ex.getMessage());
    }

    @Test
    void shouldWarnOncePerEpisodeThenStopThroughTheFatalPath()
    {
        final DiskGuard guard = guard(dir);
        guard.checkAtStart();
        guard.check();
        assertNull(guard.warning());
        free = 1_500 * MIB;
        guard.check();
        guard.check();
        assertEquals("disk low on " + dir.toAbsolutePath() + ": 1500 MiB free, below disk.warnBelowMb 2048",
            guard.warning());
        assertEquals(1, counters.diskLowWarnings.get());
        assertEquals(1500, counters.diskFreeMb.get());
        free = 3_000 * MIB;
        guard.check();
        assertNull(guard.warning(), "room again: the warning clears");
        free = 100 * MIB;
        guard.check();
        assertEquals(List.of("disk full on " + dir.toAbsolutePath() + ": 100 MiB free, needs 256 MiB " +
            "(disk.stopBelowMb)"), fatal);
    }
}

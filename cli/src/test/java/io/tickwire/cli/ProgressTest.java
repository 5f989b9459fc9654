package io.tickwire.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The progress bar's line, and its silence when standard error is not a terminal (as under a test). */
class ProgressTest
{
    @Test
    void shouldDrawTheShareDoneWhenTheTotalIsKnownAndTheCountAlways()
    {
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final Progress progress = new Progress(new PrintStream(err, true, StandardCharsets.UTF_8), "records");
        assertEquals("[###############...............]  50% 500 of 1,000 records (250/s)",
            progress.line(500, 1_000, 2_000_000_000L));
        assertEquals("[##############################] 100% 1,200 of 1,000 records (1,200/s)",
            progress.line(1_200, 1_000, 1_000_000_000L), "a total from the indexes may lag the records read");
        assertEquals("1,234 records (617/s)", progress.line(1_234, 0, 2_000_000_000L));
        progress.progress(10, 100);
        progress.done();
        assertEquals("", err.toString(StandardCharsets.UTF_8), "no terminal here: nothing drawn");
    }
}

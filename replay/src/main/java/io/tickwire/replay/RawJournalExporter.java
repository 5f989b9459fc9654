package io.tickwire.replay;

import io.tickwire.codecs.sbe.MessageHeaderDecoder;
import io.tickwire.codecs.sbe.RawFrameDecoder;
import io.tickwire.model.journal.Journal;
import io.tickwire.model.journal.JournalReader;
import net.openhft.chronicle.queue.ChronicleQueue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes the raw capture journal as a recorded session, one frame per line:
 * {@code RECEIVE_TIME_NS TAB CLUSTER TAB FRAME}. The simulator serves such a file
 * ({@code tickwire simulate --recording FILE}) at the original pacing or as fast as possible.
 */
public final class RawJournalExporter
{
    private RawJournalExporter()
    {
    }

    /** @return the number of frames written. */
    public static long export(final Path rawJournal, final Path output)
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final RawFrameDecoder raw = new RawFrameDecoder();
        final long[] frames = new long[1];
        try (ChronicleQueue queue = Journal.openForRead(rawJournal);
            BufferedWriter out = Files.newBufferedWriter(output, StandardCharsets.UTF_8))
        {
            new JournalReader(queue).toStart().drain((buffer, length, index) ->
            {
                header.wrap(buffer, 0);
                if (header.templateId() != RawFrameDecoder.TEMPLATE_ID)
                {
                    return;
                }
                raw.wrapAndApplyHeader(buffer, 0, header);
                final long receiveTime = raw.receiveTime();
                final String cluster = raw.cluster().name().toLowerCase(Locale.ROOT);
                final byte[] frame = new byte[raw.frameLength()];
                raw.getFrame(frame, 0, frame.length);
                try
                {
                    // frames are single-line JSON as Massive sends them; a newline inside one would be escaped
                    out.write(receiveTime + "\t" + cluster + "\t" +
                        new String(frame, StandardCharsets.UTF_8).replace("\n", "\\n") + "\n");
                }
                catch (final IOException ex)
                {
                    throw new UncheckedIOException(ex);
                }
                frames[0]++;
            });
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + output, ex);
        }
        return frames[0];
    }
}

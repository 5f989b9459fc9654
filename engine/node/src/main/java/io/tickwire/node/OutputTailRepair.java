package io.tickwire.node;

import io.tickwire.config.Keys;
import io.tickwire.config.TickwireConfig;
import io.tickwire.engine.ring.Pipeline;
import io.tickwire.engine.ring.RingPublisher;
import io.tickwire.engine.ring.StageErrorPolicy;
import io.tickwire.engine.ring.ThreadingLayout;
import io.tickwire.model.EngineCounters;
import io.tickwire.model.errors.DistinctErrors;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import io.tickwire.model.journal.EventCodec;
import io.tickwire.model.journal.Journal;
import io.tickwire.model.journal.JournalAppender;
import io.tickwire.model.journal.JournalReader;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * After a crash, before the new run starts: the outputs of the last run's final input events may be missing (the
 * process died between an event's input journal stage and its output journal stage). The last run's inputs —
 * from its EngineStart — are replayed through the stages into a scratch journal, exactly as {@code tickwire
 * replay} would; the output journal's records since that EngineStart must equal the scratch journal's first
 * ones, and the rest are appended. So the output journal again equals what replay produces. Bounded: a last run
 * longer than {@code maxInputs} is not repaired here (the result says so; {@code tickwire replay} rebuilds it).
 */
final class OutputTailRepair
{
    /** A journal record with its index. */
    private record Indexed(long index, byte[] bytes)
    {
    }

    /** What the repair did, for the log and the node status. */
    record Result(boolean repaired, long appended, String summary)
    {
    }

    private OutputTailRepair()
    {
    }

    static Result repair(final ChronicleQueue input, final ChronicleQueue output, final TickwireConfig config,
        final Path scratchDir, final int maxInputs)
    {
        final List<Indexed> runInputs = lastRun(input, maxInputs, true);
        if (runInputs == null)
        {
            return new Result(false, 0, "the last run is longer than " + maxInputs + " input records or has no " +
                "EngineStart: its outputs are not checked here; `tickwire replay` rebuilds them");
        }
        final List<Indexed> written = lastRun(output, Integer.MAX_VALUE, false);
        if (written == null)
        {
            return new Result(false, 0, "the output journal holds records but no EngineStart: left as it is; " +
                "`tickwire replay` rebuilds it");
        }
        final List<byte[]> expected = replay(runInputs, config, scratchDir);
        final int have = written.size();
        for (int i = 0; i < Math.min(have, expected.size()); i++)
        {
            if (!Arrays.equals(written.get(i).bytes(), expected.get(i)))
            {
                return new Result(false, 0, "the output journal differs from a replay of the last run at its record " +
                    i + " after the EngineStart: left as it is; `tickwire replay --compare` shows where");
            }
        }
        final JournalAppender appender = new JournalAppender(output);
        for (int i = have; i < expected.size(); i++)
        {
            appender.append(expected.get(i), 0, expected.get(i).length);
        }
        final long appended = Math.max(0, expected.size() - have);
        return new Result(true, appended, "outputs of the last run checked against its replay: " + appended +
            " missing record(s) appended");
    }

    /**
     * The records of the last run, from its EngineStart (included) to the end, read backwards then put in order;
     * null when no EngineStart is within {@code max} records (inputs) or in the journal.
     */
    private static List<Indexed> lastRun(final ChronicleQueue journal, final int max, final boolean inputs)
    {
        final List<Indexed> records = new ArrayList<>();
        final EventCodec codec = new EventCodec();
        final MarketEvent e = new MarketEvent();
        final boolean[] found = {false};
        final JournalReader reader = new JournalReader(journal).backwardFromEnd();
        while (!found[0] && records.size() <= max)
        {
            if (reader.poll((buffer, length, index) ->
            {
                final byte[] bytes = new byte[length];
                buffer.getBytes(0, bytes);
                records.add(new Indexed(index, bytes));
                found[0] = codec.decode(buffer, 0, e) && e.type == EventType.ENGINE_START;
            }) == 0)
            {
                break;
            }
        }
        if (!found[0])
        {
            return inputs || !records.isEmpty() ? null : records;
        }
        Collections.reverse(records);
        return records;
    }

    private static List<byte[]> replay(final List<Indexed> runInputs, final TickwireConfig config, final Path scratch)
    {
        deleteRecursively(scratch);
        final List<byte[]> out = new ArrayList<>();
        final ThreadingLayout layout = ThreadingLayout.resolve(Keys.Threading.SHARED,
            config.get(Keys.ENGINE_WAIT_STRATEGY), Runtime.getRuntime().availableProcessors());
        final EngineCounters counters = new EngineCounters();
        final CompletableFuture<String> fatal = new CompletableFuture<>();
        try (ChronicleQueue scratchOutput = Journal.open(scratch, config.get(Keys.JOURNAL_ROLL_CYCLE),
            config.get(Keys.JOURNAL_ROLL_TIME)))
        {
            final Pipeline pipeline = Pipeline.replay(Pipeline.Settings.from(config, layout), scratchOutput, counters,
                new StageErrorPolicy(counters, new DistinctErrors(), fatal::complete));
            try
            {
                final RingPublisher publisher = new RingPublisher(pipeline.ring(), null, counters);
                final EventCodec codec = new EventCodec();
                final MarketEvent event = new MarketEvent();
                final UnsafeBuffer buffer = new UnsafeBuffer(new byte[0]);
                for (final Indexed record : runInputs)
                {
                    buffer.wrap(record.bytes());
                    if (codec.decode(buffer, 0, event))
                    {
                        event.inputIndex = record.index(); // as the input journal stage recorded it live
                        publisher.publishBlocking(event);
                    }
                }
            }
            finally
            {
                pipeline.close();
            }
            new JournalReader(scratchOutput).toStart().drain((b, length, index) ->
            {
                final byte[] bytes = new byte[length];
                b.getBytes(0, bytes);
                out.add(bytes);
            });
        }
        finally
        {
            deleteRecursively(scratch);
        }
        if (fatal.isDone())
        {
            throw new IllegalStateException("replaying the last run failed: " + fatal.join());
        }
        return out;
    }

    private static void deleteRecursively(final Path dir)
    {
        if (!Files.exists(dir))
        {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir))
        {
            paths.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}

package io.tickwire.replay.history;

import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import io.tickwire.model.journal.EventCodec;
import io.tickwire.model.journal.JournalAppender;
import io.tickwire.replay.ProgressListener;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.zip.GZIPInputStream;

/**
 * {@code tickwire import}: Massive flat files (trades, quotes, minute aggregates; gzip or plain CSV) into an input
 * journal in event-time order, the way live ingest would have written them: a SymbolDefinition before each
 * ticker's first event, and a timer tick every {@code timerIntervalNanos} of event time (and past the end) so the
 * normal replay closes bars as live would. The files are sorted by ticker, not time, so rows are sorted in runs of
 * {@code runRows} spilled to temporary files, then merged: memory stays bounded whatever the files' size. Rows that
 * cannot be read go to the rejects file with file, line and reason; the rest go on.
 */
public final class FlatFileImport
{
    /** What an import did. */
    public record Result(long rows, long events, long rejected, int symbols, int runs, long firstTime, long lastTime)
    {
    }

    private final int runRows;
    private final long timerIntervalNanos;
    private final EventCodec codec = new EventCodec();

    /** @param runRows rows sorted in memory at once (the memory bound); @param timerIntervalNanos as the live engine's */
    public FlatFileImport(final int runRows, final long timerIntervalNanos)
    {
        this.runRows = runRows;
        this.timerIntervalNanos = timerIntervalNanos;
    }

    /** @param progress told the rows read (no total: files are streamed), then the rows written of those read */
    public Result importFiles(final List<Path> files, final ChronicleQueue inputJournal, final PrintStream rejects,
        final ProgressListener progress) throws IOException
    {
        final Path spill = Files.createTempDirectory("tickwire-import");
        try
        {
            final List<Path> runs = new ArrayList<>();
            final List<Row> run = new ArrayList<>(Math.min(runRows, 1 << 20));
            final MarketEvent e = new MarketEvent();
            final ExpandableArrayBuffer scratch = new ExpandableArrayBuffer(512);
            long rows = 0;
            long rejected = 0;
            long order = 0;
            for (final Path file : files)
            {
                try (BufferedReader in = reader(file))
                {
                    final String header = in.readLine();
                    if (header == null)
                    {
                        continue;
                    }
                    final FlatFileRows parser = new FlatFileRows(header);
                    String line;
                    long number = 1;
                    while ((line = in.readLine()) != null)
                    {
                        number++;
                        if (line.isBlank())
                        {
                            continue;
                        }
                        if (++rows % ProgressListener.EVERY == 0)
                        {
                            progress.progress(rows, 0);
                        }
                        try
                        {
                            final String ticker = parser.read(line, e);
                            final int length = codec.encodeInput(e, scratch, 0);
                            run.add(new Row(e.eventTime, order++, ticker, Arrays.copyOf(scratch.byteArray(), length)));
                        }
                        catch (final FlatFileRows.Rejected | RuntimeException ex)
                        {
                            rejected++;
                            rejects.println(file.getFileName() + ":" + number + ": " + ex.getMessage() + ": " + line);
                        }
                        if (run.size() == runRows)
                        {
                            runs.add(spill(run, spill, runs.size()));
                        }
                    }
                }
            }
            if (!run.isEmpty())
            {
                runs.add(spill(run, spill, runs.size()));
            }
            return merge(runs, inputJournal, rows, rejected, progress);
        }
        finally
        {
            try (var paths = Files.walk(spill))
            {
                paths.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
            }
        }
    }

    private Result merge(final List<Path> runs, final ChronicleQueue inputJournal, final long rows,
        final long rejected, final ProgressListener progress) throws IOException
    {
        final JournalAppender appender = new JournalAppender(inputJournal);
        final Map<String, Integer> symbols = new HashMap<>();
        final MarketEvent e = new MarketEvent();
        final MarketEvent definition = new MarketEvent();
        final MarketEvent timer = new MarketEvent();
        final PriorityQueue<RunReader> heads = new PriorityQueue<>(Comparator.comparingLong((RunReader r) -> r.head.time)
            .thenComparingLong((r) -> r.head.order));
        for (final Path run : runs)
        {
            final RunReader reader = new RunReader(run);
            if (reader.next())
            {
                heads.add(reader);
            }
        }
        long events = 0;
        long first = -1;
        long nextTimer = Long.MIN_VALUE;
        long last = 0;
        while (!heads.isEmpty())
        {
            final RunReader reader = heads.poll();
            final Row row = reader.head;
            if (first < 0)
            {
                first = row.time;
                nextTimer = (row.time / timerIntervalNanos + 1) * timerIntervalNanos;
            }
            while (row.time >= nextTimer) // the engine's clock ticks between events, as live
            {
                tick(timer, nextTimer, appender);
                nextTimer += timerIntervalNanos;
            }
            Integer id = symbols.get(row.ticker);
            if (id == null)
            {
                id = symbols.size() + 1;
                symbols.put(row.ticker, id);
                definition.reset(EventType.SYMBOL);
                definition.symbolId = id;
                definition.eventTime = row.time;
                definition.receiveTime = row.time;
                definition.text(row.ticker);
                appender.appendScratch(codec.encodeInput(definition, appender.scratch(), 0));
            }
            codec.decode(new UnsafeBuffer(row.record), 0, e);
            e.symbolId = id;
            e.receiveTime = row.time; // history has no receipt: it is stamped with its own time
            appender.appendScratch(codec.encodeInput(e, appender.scratch(), 0));
            if (++events % ProgressListener.EVERY == 0)
            {
                progress.progress(events, rows - rejected);
            }
            last = row.time;
            if (reader.next())
            {
                heads.add(reader);
            }
        }
        if (first >= 0) // past the last window and its lateness: every bar closes
        {
            for (int i = 0; i < 3; i++)
            {
                tick(timer, (last / 60_000_000_000L + 1 + i) * 60_000_000_000L + 1_000_000_000L, appender);
            }
        }
        return new Result(rows, events, rejected, symbols.size(), runs.size(), first, last);
    }

    private void tick(final MarketEvent timer, final long time, final JournalAppender appender)
    {
        timer.reset(EventType.TIMER);
        timer.eventTime = time;
        timer.receiveTime = time;
        appender.appendScratch(codec.encodeInput(timer, appender.scratch(), 0));
    }

    private static Path spill(final List<Row> run, final Path dir, final int n) throws IOException
    {
        run.sort(Comparator.comparingLong((Row r) -> r.time).thenComparingLong((r) -> r.order));
        final Path file = dir.resolve("run-" + n);
        try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file),
            1 << 16)))
        {
            out.writeInt(run.size());
            for (final Row r : run)
            {
                out.writeLong(r.time);
                out.writeLong(r.order);
                out.writeUTF(r.ticker);
                out.writeInt(r.record.length);
                out.write(r.record);
            }
        }
        run.clear();
        return file;
    }

    private static BufferedReader reader(final Path file) throws IOException
    {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        if (file.toString().endsWith(".gz"))
        {
            in = new GZIPInputStream(in, 1 << 16); // streamed: a file is never held in memory
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    private record Row(long time, long order, String ticker, byte[] record)
    {
    }

    /** One spilled run, read back in order. */
    private static final class RunReader implements AutoCloseable
    {
        private final DataInputStream in;
        private int left;
        Row head;

        RunReader(final Path file) throws IOException
        {
            in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
            left = in.readInt();
        }

        boolean next() throws IOException
        {
            if (left-- == 0)
            {
                close();
                return false;
            }
            final long time = in.readLong();
            final long order = in.readLong();
            final String ticker = in.readUTF();
            final byte[] record = new byte[in.readInt()];
            in.readFully(record);
            head = new Row(time, order, ticker, record);
            return true;
        }

        @Override
        public void close() throws IOException
        {
            in.close();
        }
    }
}

package io.tickwire.bench;

import io.tickwire.node.ProcessDefaults;
import io.tickwire.config.Keys;
import io.tickwire.config.TickwireConfig;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import io.tickwire.model.journal.EventCodec;
import io.tickwire.model.journal.Journal;
import io.tickwire.model.journal.JournalAppender;
import io.tickwire.model.journal.JournalReader;
import io.tickwire.replay.JournalReplayer;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Replay throughput: an input journal of N events (50 symbols, 40% trades, 60% quotes, a timer tick every
 * 500 events, 20 µs apart in event time) replayed through every handler into a new output journal, beside two
 * bare primitives in the same run: reading the same journal with a Chronicle tailer, and copying it, document for
 * document, into a new journal with a Chronicle tailer and appender — the least a replay that writes one output
 * record per input event can do. Each is run twice, the first warming the JIT; the second is reported.
 *
 * <pre>bin/bench replay [--events 2000000] [--out bench-results]</pre>
 */
public final class ReplayBenchmark
{
    /** The figures. */
    record Result(long events, double bareTailerPerSecond, double bareCopyPerSecond, double replayPerSecond,
        double coldReplayPerSecond, long outputRecords)
    {
    }

    private ReplayBenchmark()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        ProcessDefaults.apply();
        long events = 2_000_000;
        for (int i = 0; i < args.length; i += 2)
        {
            if (i + 1 == args.length)
            {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            if (!args[i].equals("--events"))
            {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
            events = Long.parseLong(args[i + 1]);
        }
        print(run(events), System.out);
        System.exit(0);
    }

    static Result run(final long events) throws Exception
    {
        final Path dir = Files.createTempDirectory("tickwire-replay-bench");
        try
        {
            final Path input = dir.resolve("input");
            write(input, events);
            bareTail(input);
            final double bare = bareTail(input);
            bareCopy(input, dir.resolve("copy1"));
            final double copy = bareCopy(input, dir.resolve("copy2"));
            final TickwireConfig config = TickwireConfig.load(null, Map.of("engine.threading", "shared"), Map.of());
            final JournalReplayer.Result cold = new JournalReplayer(config).replay(input, dir.resolve("out1"));
            final JournalReplayer.Result warm = new JournalReplayer(config).replay(input, dir.resolve("out2"));
            return new Result(warm.inputRecords(), bare, copy, warm.eventsPerSecond(), cold.eventsPerSecond(), warm.outputRecords());
        }
        finally
        {
            LatencyHarness.deleteTree(dir);
        }
    }

    /** @return records per second read by a bare tailer */
    private static double bareTail(final Path input)
    {
        final long start = System.nanoTime();
        final long records;
        try (ChronicleQueue queue = Journal.openForRead(input))
        {
            records = new JournalReader(queue).toStart().drain((b, length, index) -> { });
        }
        return records * 1e9 / (System.nanoTime() - start);
    }

    /** @return documents per second copied by a bare tailer into a bare appender */
    private static double bareCopy(final Path input, final Path copy)
    {
        final long start = System.nanoTime();
        long records = 0;
        try (ChronicleQueue in = Journal.openForRead(input);
            ChronicleQueue out = Journal.open(copy, Keys.RollCycleName.LARGE_DAILY, LocalTime.of(6, 0)))
        {
            final ExcerptTailer tailer = in.createTailer();
            final ExcerptAppender appender = out.createAppender();
            while (true)
            {
                try (DocumentContext read = tailer.readingDocument())
                {
                    if (!read.isPresent())
                    {
                        break;
                    }
                    try (DocumentContext write = appender.writingDocument())
                    {
                        write.wire().bytes().write(read.wire().bytes());
                    }
                    records++;
                }
            }
        }
        return records * 1e9 / (System.nanoTime() - start);
    }

    /** An input journal of {@code events} events of this benchmark's mix (fixed seed 11). */
    static void write(final Path input, final long events)
    {
        try (ChronicleQueue queue = Journal.open(input, Keys.RollCycleName.LARGE_DAILY, LocalTime.of(6, 0)))
        {
            final JournalAppender appender = new JournalAppender(queue);
            final EventCodec codec = new EventCodec();
            final MarketEvent e = new MarketEvent();
            final SplittableRandom random = new SplittableRandom(11);
            long time = 1_795_186_800_000_000_000L;
            for (int s = 1; s <= 50; s++)
            {
                e.reset(EventType.SYMBOL);
                e.symbolId = s;
                e.eventTime = time;
                e.receiveTime = time;
                e.text("S" + s);
                appender.appendScratch(codec.encodeInput(e, appender.scratch(), 0));
            }
            for (long i = 0; i < events; i++)
            {
                time += 20_000;
                if (i % 500 == 0)
                {
                    e.reset(EventType.TIMER);
                }
                else if (random.nextInt(10) < 4)
                {
                    e.reset(EventType.TRADE);
                    e.price = 100_000_000L + random.nextInt(10_000) * 100L;
                    e.size = (1 + random.nextInt(500)) * 1_000_000L;
                    e.exchange = 1 + random.nextInt(12);
                    e.tradeIdKey = i;
                    e.symbolId = 1 + random.nextInt(50);
                }
                else
                {
                    e.reset(EventType.QUOTE);
                    e.bidPrice = 100_000_000L + random.nextInt(10_000) * 100L;
                    e.askPrice = e.bidPrice + 10_000;
                    e.bidSize = 100_000_000L;
                    e.askSize = 200_000_000L;
                    e.symbolId = 1 + random.nextInt(50);
                }
                e.eventTime = time;
                e.receiveTime = time + 1_000_000;
                appender.appendScratch(codec.encodeInput(e, appender.scratch(), 0));
            }
        }
    }

    static void print(final Result r, final PrintStream out)
    {
        out.printf(Locale.ROOT, "replay of %,d events: bare tailer %,.0f events/s; bare copy (tailer into appender) " +
            "%,.0f events/s; replay through all handlers %,.0f events/s (ratio to the bare tailer %.2f, to the bare " +
            "copy %.2f; cold first run %,.0f events/s); %,d output journal records%n", r.events(),
            r.bareTailerPerSecond(), r.bareCopyPerSecond(), r.replayPerSecond(),
            r.replayPerSecond() / r.bareTailerPerSecond(), r.replayPerSecond() / r.bareCopyPerSecond(),
            r.coldReplayPerSecond(), r.outputRecords());
    }
}

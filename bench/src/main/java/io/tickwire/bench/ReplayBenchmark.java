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

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Replay throughput: an input journal of N events (50 symbols, 40% trades, 60% quotes, a timer tick every
 * 500 events, 20 µs apart in event time) replayed through every handler into a new output journal, beside
 * the bare rate of reading the same journal with a Chronicle tailer. The first replay warms the JIT; the
 * second is reported.
 *
 * <pre>bin/bench replay [--events 2000000] [--out bench-results]</pre>
 */
public final class ReplayBenchmark
{
    /** The figures. */
    record Result(long events, double bareTailerPerSecond, double replayPerSecond, double coldReplayPerSecond,
        long outputRecords)
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
            final long start = System.nanoTime();
            final long[] read = new long[1];
            try (ChronicleQueue queue = Journal.openForRead(input))
            {
                read[0] = new JournalReader(queue).toStart().drain((b, length, index) -> { });
            }
            final double bare = read[0] * 1e9 / (System.nanoTime() - start);
            final TickwireConfig config = TickwireConfig.load(null, Map.of("engine.threading", "shared"), Map.of());
            final JournalReplayer.Result cold = new JournalReplayer(config).replay(input, dir.resolve("out1"));
            final JournalReplayer.Result warm = new JournalReplayer(config).replay(input, dir.resolve("out2"));
            return new Result(warm.inputRecords(), bare, warm.eventsPerSecond(), cold.eventsPerSecond(), warm.outputRecords());
        }
        finally
        {
            LatencyHarness.deleteTree(dir);
        }
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
        out.printf(Locale.ROOT, "replay of %,d events: bare tailer %,.0f events/s; replay through all handlers %,.0f " +
            "events/s (ratio %.2f; cold first run %,.0f events/s); %,d output journal records%n", r.events(),
            r.bareTailerPerSecond(), r.replayPerSecond(), r.replayPerSecond() / r.bareTailerPerSecond(),
            r.coldReplayPerSecond(), r.outputRecords());
    }
}

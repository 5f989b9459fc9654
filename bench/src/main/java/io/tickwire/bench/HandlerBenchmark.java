package io.tickwire.bench;

import io.tickwire.model.EngineCounters;
import io.tickwire.engine.bars.BarSettings;
import io.tickwire.engine.bars.MicrobarHandler;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import io.tickwire.engine.metrics.MetricsHandler;
import io.tickwire.engine.metrics.MetricsSettings;
import io.tickwire.engine.sequencer.SequencerHandler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The core stages, each alone, on a realistic stream: 50 symbols, trades and quotes in a 40/60 mix, event
 * time advancing 20 µs per event (50 k events/s), so bars of every timeframe close and metrics are computed
 * as they would live. Scores are per event; run with -prof gc for bytes per event (steady state: 0).
 */
public class HandlerBenchmark extends BenchmarkDefaults
{
    static final int BATCH = 1024;
    private static final int SYMBOLS = 50;
    private static final long START = 1_795_186_800_000_000_000L;

    private final MarketEvent[] events = new MarketEvent[BATCH];
    private final SplittableRandom random = new SplittableRandom(7);
    private SequencerHandler sequencer;
    private MicrobarHandler microbars;
    private MetricsHandler metrics;
    private long time = START;
    private long tradeId;

    @Setup
    public void setUp()
    {
        final EngineCounters counters = new EngineCounters();
        sequencer = new SequencerHandler(1 << 16, 250, counters);
        microbars = new MicrobarHandler(new BarSettings(List.of(1000, 5000, 60_000), 250, 900_000, 1_000, 300_000,
            List.of(37), List.of(15)), counters);
        metrics = new MetricsHandler(MetricsSettings.defaults(), counters);
        for (int i = 0; i < BATCH; i++)
        {
            events[i] = new MarketEvent();
        }
        for (int s = 1; s <= SYMBOLS; s++)
        {
            final MarketEvent def = events[0];
            def.reset(EventType.SYMBOL);
            def.symbolId = s;
            def.text(s == 1 ? "SPY" : s == 2 ? "I:SPX" : "S" + s);
            def.accepted = true;
            sequencer.onEvent(def, 0, true);
            microbars.onEvent(def, 0, true);
            metrics.onEvent(def, 0, true);
        }
    }

    private void fill()
    {
        for (int i = 0; i < BATCH; i++)
        {
            final MarketEvent e = events[i];
            time += 20_000;
            final int symbol = 1 + random.nextInt(SYMBOLS);
            final long price = 100_000_000L + random.nextInt(10_000) * 100L;
            if (random.nextInt(10) < 4)
            {
                e.reset(EventType.TRADE);
                e.price = price;
                e.size = (1 + random.nextInt(500)) * 1_000_000L;
                e.exchange = 1 + random.nextInt(12);
                e.tradeIdKey = ++tradeId;
                e.sequence = tradeId;
            }
            else
            {
                e.reset(EventType.QUOTE);
                e.bidPrice = price;
                e.askPrice = price + 10_000;
                e.bidSize = 100_000_000L;
                e.askSize = 200_000_000L;
            }
            e.symbolId = symbol;
            e.eventTime = time;
            e.receiveTime = time + 1_000_000;
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void sequencer()
    {
        fill();
        for (int i = 0; i < BATCH; i++)
        {
            sequencer.onEvent(events[i], i, i == BATCH - 1);
        }
    }

    /** Sequencer then microbars: the bar stage needs the sequencer's verdict. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void sequencerAndMicrobars()
    {
        fill();
        for (int i = 0; i < BATCH; i++)
        {
            sequencer.onEvent(events[i], i, false);
            microbars.onEvent(events[i], i, false);
        }
    }

    /** The three logic stages in ring order: metrics work only happens when bars close. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void sequencerMicrobarsAndMetrics()
    {
        fill();
        for (int i = 0; i < BATCH; i++)
        {
            sequencer.onEvent(events[i], i, false);
            microbars.onEvent(events[i], i, false);
            metrics.onEvent(events[i], i, false);
        }
    }
}

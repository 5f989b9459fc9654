package io.tickwire.bench;

import io.tickwire.codecs.sbe.ConfirmRule;
import io.tickwire.codecs.sbe.Direction;
import io.tickwire.codecs.sbe.SetupOp;
import io.tickwire.model.EngineCounters;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import io.tickwire.engine.setups.SetupEvaluator;
import io.tickwire.engine.setups.SetupSettings;
import io.tickwire.engine.setups.SetupStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

import java.util.concurrent.TimeUnit;

/**
 * The setup evaluator's cost per tick with 1, 100 and 10,000 live setups, all on the ticking symbol (the
 * worst case: setups on other symbols are not touched). Price wanders without reaching any zone or stop, so
 * every setup is evaluated on every tick and none ends: steady state. Run with -prof gc (0 B/op).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SetupEvaluatorBenchmark extends BenchmarkDefaults
{
    @Param({"1", "100", "10000"})
    int setups;

    private SetupEvaluator evaluator;
    private final MarketEvent trade = new MarketEvent();
    private long time = 1_795_186_800_000_000_000L;
    private long tick;

    @Setup
    public void setUp()
    {
        // caps raised past the parameter: the benchmark measures the cost of what the caps would allow
        evaluator = new SetupEvaluator(SetupSettings.defaults().caps(setups, setups), SetupStore.NONE,
            new EngineCounters());
        final MarketEvent add = new MarketEvent();
        for (int i = 1; i <= setups; i++)
        {
            add.reset(EventType.SETUP_COMMAND);
            add.setupOp = SetupOp.ADD.value();
            add.setupId = i;
            add.symbolId = 1;
            add.direction = Direction.LONG.value();
            add.confirmRule = ConfirmRule.TICKS.value();
            add.confirmTicks = 3;
            add.entryLow = (50 + i % 10) * 1_000_000L;
            add.entryHigh = add.entryLow + 500_000L;
            add.proximity = 250_000L;
            add.stop = 40_000_000L;
            add.target1 = 70_000_000L;
            add.target2 = 80_000_000L;
            add.accepted = true;
            evaluator.onEvent(add, i, true);
        }
    }

    @Benchmark
    public void tick()
    {
        trade.reset(EventType.TRADE);
        trade.symbolId = 1;
        time += 20_000;
        trade.eventTime = time;
        trade.receiveTime = time + 1_000_000;
        trade.price = 100_000_000L + (tick++ & 63) * 10_000L;
        trade.size = 100_000_000L;
        trade.accepted = true;
        evaluator.onEvent(trade, tick, true);
    }
}

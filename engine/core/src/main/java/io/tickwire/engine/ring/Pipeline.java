package io.tickwire.engine.ring;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.tickwire.config.Keys;
import io.tickwire.config.TickwireConfig;
import io.tickwire.model.EngineCounters;
import io.tickwire.model.event.MarketEvent;
import io.tickwire.model.latency.LatencyHistograms;
import io.tickwire.engine.bars.BarSettings;
import io.tickwire.engine.journal.InputJournalHandler;
import io.tickwire.engine.metrics.MetricsSettings;
import io.tickwire.engine.journal.OutputJournalHandler;
import io.tickwire.engine.setups.SetupSettings;
import io.tickwire.engine.setups.SetupStore;
import net.openhft.affinity.AffinityLock;
import net.openhft.chronicle.queue.ChronicleQueue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The whole core, wired in one place: a single-producer Disruptor ring and its stages.
 *
 * <pre>
 *  live, dedicated:  sequencer ──► microbars ──► metrics ──┐
 *                    input journal ────────────────────────┴─► setups ──► output journal   (one pinned thread each)
 *  live, shared:     [sequencer → input journal → microbars → metrics → setups → output journal]   (one thread)
 *  replay:           [sequencer → microbars → metrics → setups → output journal] on the reader's thread, no ring
 *                    ({@link ReplayChain}: the input journal is the source)
 * </pre>
 *
 * The output stage runs after the input journal stage, so the output journal is never ahead of the input.
 * The stateful stages' state outlives a ring ({@link Stages}): a node rebuilds it by replay, then goes live.
 */
public final class Pipeline implements AutoCloseable
{
    /** What the pipeline is built from. */
    public static final class Settings
    {
        /** Everything the handlers take from the configuration: live and replay build from the same. */
        public static Settings from(final TickwireConfig config, final ThreadingLayout layout)
        {
            return new Settings(config, layout);
        }

        final int ringSize;
        final ThreadingLayout layout;
        final List<Integer> cpus;
        final int dedupeWindow;
        final BarSettings bars;
        final MetricsSettings metrics;
        final SetupSettings setups;
        SetupStore setupStore = SetupStore.NONE;

        private Settings(final TickwireConfig config, final ThreadingLayout layout)
        {
            this.ringSize = config.get(Keys.ENGINE_RING_SIZE);
            this.layout = layout;
            this.cpus = config.get(Keys.ENGINE_CPUS);
            this.dedupeWindow = config.get(Keys.ENGINE_DEDUPE_WINDOW);
            this.bars = BarSettings.from(config);
            this.metrics = MetricsSettings.from(config);
            this.setups = SetupSettings.from(config);
        }

        private Settings(final Settings o)
        {
            this.ringSize = o.ringSize;
            this.layout = o.layout;
            this.cpus = o.cpus;
            this.dedupeWindow = o.dedupeWindow;
            this.bars = o.bars;
            this.metrics = o.metrics;
            this.setups = o.setups;
        }

        /** The same settings, setups persisting nowhere: for throwaway stages (a JIT warm-up). */
        public Settings withoutSetupStore()
        {
            return new Settings(this);
        }

        /** Where live setups persist (replay: nowhere). */
        public Settings setupStore(final SetupStore store)
        {
            setupStore = store;
            return this;
        }
    }

    private final Disruptor<MarketEvent> disruptor;
    private final RingBuffer<MarketEvent> ring;
    /** The end of the chain: when it has seen an event, every stage has. */
    private final EventHandler<MarketEvent> lastStage;
    /** The stage threads, for health: a thread that has ended leaves its stages' events waiting for ever. */
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    private Pipeline(final Settings settings, final Stages stages, final ChronicleQueue inputJournal,
        final OutputJournalHandler outputStage, final EngineCounters counters, final StageErrorPolicy policy,
        final LatencyHistograms latencies)
    {
        final ThreadingLayout layout = settings.layout;
        disruptor = new Disruptor<>(MarketEvent::new, settings.ringSize,
            threadFactory(layout.dedicated(), settings.cpus, threads), ProducerType.SINGLE, layout.newWaitStrategy());
        disruptor.setDefaultExceptionHandler(new FatalStageExceptionHandler(policy));

        final EventHandler<MarketEvent> sequencer = new GuardedStage(StageName.SEQUENCER, stages.sequencer, policy, false,
            latencies);
        final EventHandler<MarketEvent> microbars = new GuardedStage(StageName.MICROBARS, stages.microbars, policy, false,
            latencies);
        final EventHandler<MarketEvent> metrics = new GuardedStage(StageName.METRICS, stages.metrics, policy, false,
            latencies);
        final EventHandler<MarketEvent> setups = new GuardedStage(StageName.SETUPS, stages.setups, policy, false,
            latencies);
        final EventHandler<MarketEvent> output = new GuardedStage(StageName.OUTPUT_JOURNAL, outputStage, policy, true,
            latencies);
        final EventHandler<MarketEvent> input = new GuardedStage(StageName.INPUT_JOURNAL,
            new InputJournalHandler(inputJournal, counters), policy, false, latencies);
        lastStage = wire(layout, sequencer, input, microbars, metrics, setups, output);
        ring = disruptor.start();
    }

    /** @return the last stage: when it has seen an event, every stage has. */
    private EventHandler<MarketEvent> wire(final ThreadingLayout layout, final EventHandler<MarketEvent> sequencer,
        final EventHandler<MarketEvent> input, final EventHandler<MarketEvent> microbars,
        final EventHandler<MarketEvent> metrics, final EventHandler<MarketEvent> setups,
        final EventHandler<MarketEvent> output)
    {
        if (!layout.dedicated())
        {
            final EventHandler<MarketEvent> all = new CompositeHandler(sequencer, input, microbars, metrics, setups,
                output);
            disruptor.handleEventsWith(all);
            return all;
        }
        disruptor.handleEventsWith(sequencer, input);
        disruptor.after(sequencer).handleEventsWith(microbars);
        disruptor.after(microbars).handleEventsWith(metrics);
        disruptor.after(metrics, input).handleEventsWith(setups); // cites the input journal index
        disruptor.after(setups).handleEventsWith(output);
        return output;
    }

    /** The live core: every stage, input journal included, the stages' state carried in {@code stages}. */
    public static Pipeline live(final Settings settings, final Stages stages, final ChronicleQueue inputJournal,
        final ChronicleQueue outputJournal, final EngineCounters counters, final StageErrorPolicy policy,
        final LatencyHistograms latencies)
    {
        return new Pipeline(settings, stages, inputJournal, new OutputJournalHandler(outputJournal, counters,
            latencies.hop(LatencyHistograms.Hop.RECEIVE_TO_OUTPUT_JOURNAL),
            latencies.hop(LatencyHistograms.Hop.RING_TO_OUTPUT_JOURNAL)), counters, policy, latencies);
    }

    /** The live core from the start of a journal: fresh stages. */
    public static Pipeline live(final Settings settings, final ChronicleQueue inputJournal,
        final ChronicleQueue outputJournal, final EngineCounters counters, final StageErrorPolicy policy)
    {
        return live(settings, Stages.from(settings, counters), inputJournal, outputJournal, counters, policy,
            LatencyHistograms.none());
    }

    public RingBuffer<MarketEvent> ring()
    {
        return ring;
    }

    /** Events published and not yet through the slowest stage. From any thread. */
    public long lag()
    {
        return ring.getCursor() - ring.getMinimumGatingSequence();
    }

    /** The sequence of the last event through every stage: moves while the stages make progress. */
    public long processed()
    {
        return disruptor.getSequenceValueFor(lastStage);
    }

    /** Names of the stage threads that have ended (none while the pipeline runs); close stops waiting on them. */
    public List<String> deadThreads()
    {
        final List<String> dead = new ArrayList<>();
        for (final Thread t : threads)
        {
            if (t.getState() == Thread.State.TERMINATED) // not NEW: a thread not started yet is not dead
            {
                dead.add(t.getName());
            }
        }
        return dead;
    }

    /**
     * Waits until every published event has passed every stage, then stops the stage threads. Drains on the
     * last stage's sequence rather than Disruptor.shutdown(), which ignores processors whose threads have not
     * started yet and so can halt a short replay before it ran.
     */
    @Override
    public void close()
    {
        final long cursor = ring.getCursor();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (disruptor.getSequenceValueFor(lastStage) < cursor && deadThreads().isEmpty())
        {
            if (System.nanoTime() > deadline)
            {
                disruptor.halt();
                throw new IllegalStateException("pipeline did not drain within 30 s");
            }
            LockSupport.parkNanos(100_000);
        }
        disruptor.halt();
    }

    private static ThreadFactory threadFactory(final boolean dedicated, final List<Integer> cpus,
        final List<Thread> threads)
    {
        final AtomicInteger count = new AtomicInteger();
        return (runnable) ->
        {
            final int n = count.getAndIncrement();
            final Runnable body = !dedicated ? runnable : () ->
            {
                final AffinityLock lock = n < cpus.size() ? AffinityLock.acquireLock(cpus.get(n)) : AffinityLock.acquireLock();
                try
                {
                    runnable.run();
                }
                finally
                {
                    lock.release();
                }
            };
            final Thread thread = new Thread(body, "tickwire-core-" + n);
            thread.setDaemon(true);
            // what ends a stage thread has been reported through the fatal path and the distinct-error log; the
            // JVM's default would print it a second time
            thread.setUncaughtExceptionHandler((t, ex) -> { });
            threads.add(thread);
            return thread;
        };
    }
}

package io.tickwire.node;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.tickwire.codecs.sbe.FeedState;
import io.tickwire.config.Keys;
import io.tickwire.engine.ring.ControlInputs;
import io.tickwire.engine.ring.Pipeline;
import io.tickwire.engine.ring.RingPublisher;
import io.tickwire.engine.ring.StageErrorPolicy;
import io.tickwire.engine.ring.Stages;
import io.tickwire.engine.ring.ThreadingLayout;
import io.tickwire.engine.setups.ChronicleSetupStore;
import io.tickwire.gateway.EngineLink;
import io.tickwire.gateway.GatewayServer;
import io.tickwire.massive.DeadLetterWriter;
import io.tickwire.massive.MassiveIngest;
import io.tickwire.massive.RawTailRecovery;
import io.tickwire.massive.RawCaptureWriter;
import io.tickwire.model.CountersFile;
import io.tickwire.model.Telemetry;
import io.tickwire.model.event.RingProducer;
import io.tickwire.model.latency.LatencyHistograms;
import io.tickwire.model.EngineCounters;
import io.tickwire.model.EpochClock;
import io.tickwire.model.errors.DistinctErrors;
import io.tickwire.model.journal.Journal;
import io.tickwire.model.journal.JournalPrefaulter;
import io.tickwire.model.journal.JournalRetention;
import io.tickwire.model.journal.JournaledTrades;
import io.tickwire.model.setups.SetupRequest;
import io.tickwire.model.symbols.SymbolStore;
import io.tickwire.model.symbols.SymbolTable;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeUnit;

/**
 * The composition root: the one place a node is assembled — engine (symbol store, journals, the core ring,
 * the ring's producer thread with the Massive adapter and the control inputs, the page pre-faulter) and
 * gateway, or either alone — from one concluded {@link NodeContext}. The cli, the system tests and the bench
 * harnesses all build nodes here. Parts open in dependency order and close in reverse; a failure while
 * opening closes what was already open. Closing drains the ring, so every event read is journaled.
 */
public final class TickwireNode implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(TickwireNode.class);

    private final NodeContext ctx;
    /** This node's counters and errors, in a file {@code tickwire stat} and {@code tickwire errors} read. */
    private final Telemetry telemetry;
    private final EngineCounters counters;
    private final DistinctErrors errors;
    private final CompletableFuture<String> fatal = new CompletableFuture<>();
    private final AtomicBoolean failing = new AtomicBoolean();
    private volatile String fatalReason;
    /** What to close, most recently opened first. */
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private ChronicleQueue outputJournal;
    private ChronicleSetupStore setupStore;
    private ControlInputs controls;
    private MassiveIngest ingest;
    private GatewayServer gateway;
    private Pipeline pipeline;
    private DiskGuard disk;
    private RunMarker marker;
    /** After a crash: journals what the raw capture has and the input journal lacks (on the producer thread). */
    private Runnable rawTailRecovery;
    private EventLoopGroup producerThread;
    /** The input journal's end at start: its newest market event time (0 on a first run) and the trades near it. */
    private JournaledTrades.Tail journalTail;
    /** The stateful stages, their state rebuilt from the input journal at start, then run by the live ring. */
    private Stages stages;
    /** What the rebuild at start did. */
    private StateRebuild.Result rebuild;
    private NodeHealth health;
    private volatile boolean engineStarted;
    /** The fatal path runs here: never on the failing thread, which closing the node may wait for. */
    private final ExecutorService fatalThread = Executors.newSingleThreadExecutor((r) ->
    {
        final Thread t = new Thread(r, "tickwire-fatal");
        t.setDaemon(true);
        return t;
    });

    private TickwireNode(final NodeContext ctx)
    {
        this.ctx = ctx;
        // kept first: closed (and deleted, unless it holds errors) last
        telemetry = Telemetry.of(keep(CountersFile.create(ctx.dataDir())));
        errors = telemetry.errors();
        counters = ctx.runsEngine() ? new EngineCounters(telemetry.counters()) : new EngineCounters();
    }

    /** Concludes the context, opens every part and starts the node. */
    public static TickwireNode launch(final NodeContext ctx)
    {
        ctx.conclude();
        final TickwireNode node = new TickwireNode(ctx);
        try
        {
            if (ctx.runsEngine())
            {
                node.openEngine();
            }
            else
            {
                node.outputJournal = node.keep(node.journal(Journal.OUTPUT));
            }
            if (ctx.runsGateway())
            {
                node.startGateway();
            }
            if (ctx.runsEngine())
            {
                node.startEngine();
            }
            return node;
        }
        catch (final Exception | Error ex) // Netty rethrows checked exceptions (a BindException) undeclared
        {
            node.close();
            throw ex;
        }
    }

    private void openEngine()
    {
        disk = new DiskGuard(ctx.dataDir(), new DiskGuard.Thresholds(ctx.config().get(Keys.DISK_START_NEEDS_MB),
            ctx.config().get(Keys.DISK_WARN_BELOW_MB), ctx.config().get(Keys.DISK_STOP_BELOW_MB)), ctx.freeSpace(),
            counters, this::fail);
        disk.checkAtStart(); // before any map or journal is opened on the volume
        marker = keep(new RunMarker(ctx.dataDir())); // opened first, so a clean close removes it last
        if (marker.previousStopWasClean())
        {
            LOG.info("{}", marker.previousStop());
        }
        else
        {
            LOG.warn("{}", marker.previousStop());
        }
        final SymbolStore symbolStore = keep(new SymbolStore(ctx.dataDir().resolve("symbols.cmap").toFile(), 1_000_000));
        final SymbolTable symbols = new SymbolTable((id, ticker) ->
        {
            symbolStore.put(id, ticker);
            counters.symbols.incrementRelease();
        });
        symbolStore.restoreInto(symbols);
        counters.symbols.setRelease(symbols.size());

        final ChronicleQueue inputJournal = keep(journal(Journal.INPUT));
        // where the downtime began, and what was journaled within the first backfill's reach (its margin) before it
        journalTail = JournaledTrades.tail(inputJournal, (ctx.feed().backfillMarginMillis() + 1_000) * 1_000_000L,
            2_000_000);
        outputJournal = keep(journal(Journal.OUTPUT));
        final ChronicleQueue deadLetterJournal = keep(journal(Journal.DEAD_LETTER));
        final ChronicleQueue rawJournal = keep(journal(Journal.RAW));
        final int retentionDays = ctx.config().get(Keys.JOURNAL_RETENTION_DAYS);
        keep(new NodeWatchdog(disk, List.of(new JournalRetention(inputJournal, retentionDays),
            new JournalRetention(outputJournal, retentionDays), new JournalRetention(deadLetterJournal, retentionDays),
            new JournalRetention(rawJournal, retentionDays)), ctx.config().get(Keys.DISK_CHECK_INTERVAL_MS), this::fail));
        setupStore = keep(new ChronicleSetupStore(ctx.dataDir().resolve("setups.cmap").toFile(), 100_000));
        if (ctx.config().get(Keys.JOURNAL_PREFAULT))
        {
            keep(new JournalPrefaulter(List.of(ctx.journalDir(Journal.INPUT), ctx.journalDir(Journal.OUTPUT),
                ctx.journalDir(Journal.DEAD_LETTER), ctx.journalDir(Journal.RAW))));
        }

        final int warmupEvents = ctx.config().get(Keys.ENGINE_WARMUP_EVENTS);
        if (warmupEvents > 0)
        {
            final JitWarmup.Result warmup = JitWarmup.run(ctx.pipeline(), warmupEvents);
            LOG.info("JIT warm-up: {} sample events through throwaway stages ({} records to a scratch journal) in {} ms",
                warmup.events(), warmup.outputRecords(), warmup.millis());
            if (warmup.stageErrors() > 0)
            {
                LOG.warn("JIT warm-up: {} stage errors on the sample frames (live frames may meet them too); the first: {}",
                    warmup.stageErrors(), warmup.firstError());
            }
        }
        stages = Stages.from(ctx.pipeline().setupStore(setupStore), counters);
        LOG.info("rebuilding the stages' state from the input journal in {} before going live (about 25 s per " +
            "day of the demo's rate kept: docs/operations.md \"Recovery\")", ctx.journalDir(Journal.INPUT));
        rebuild = StateRebuild.run(stages, inputJournal, outputJournal, ctx.config(), counters); // before the live ring
        if (rebuild.difference() == null && rebuild.appended() == 0)
        {
            LOG.info("{}", rebuild.summary());
        }
        else
        {
            LOG.warn("{}", rebuild.summary());
        }
        pipeline = keep(Pipeline.live(ctx.pipeline(), stages, inputJournal, outputJournal, counters,
            new StageErrorPolicy(counters, errors, this::fail), telemetry.latencies()));
        // the ring's one producer: feed frames, REST events, feed states, timer ticks and commands all enter here
        producerThread = new MultiThreadIoEventLoopGroup(1,
            new DefaultThreadFactory("tickwire-ingest", true), NioIoHandler.newFactory());
        keep(() -> producerThread.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly());
        final RingPublisher publisher = new RingPublisher(pipeline.ring(), symbols, counters,
            telemetry.latencies().hop(LatencyHistograms.Hop.RECEIVE_TO_RING));
        controls = keep(new ControlInputs(new RingProducer(producerThread, publisher, symbols, EpochClock.INSTANCE,
            counters)));
        disk.statusTo(controls::submitNodeStatus);
        rawTailRecovery = () ->
        {
            try
            {
                final int recovered = RawTailRecovery.recover(rawJournal, inputJournal, symbols, publisher, 1_000_000);
                LOG.warn("recovered {} events the raw capture held but the input journal did not", recovered);
                controls.submitNodeStatus(FeedState.RECOVERED, "recovered " + recovered +
                    " events from the raw capture journal (captured, lost in the ring at the crash)");
            }
            catch (final RuntimeException ex)
            {
                fail("recovering the raw capture's tail: " + ex.getMessage());
            }
        };
        ingest = keep(new MassiveIngest(ctx.feed(), ctx.apiKey(), producerThread, publisher, symbols,
            new DeadLetterWriter(deadLetterJournal, counters), new RawCaptureWriter(rawJournal, counters), counters,
            EpochClock.INSTANCE, this::fail));
        health = new NodeHealth(NodeHealth.sources(
            () -> fatalReason, pipeline::deadThreads, pipeline::lag, pipeline::processed, counters.timerTicks::get,
            () -> ingest.states().states(), disk::warning),
            ctx.config().get(Keys.HEALTH_MAX_RING_LAG), ctx.config().get(Keys.HEALTH_STALL_MS), System::nanoTime);
    }

    private void startGateway()
    {
        final EngineLink engine = ctx.runsEngine() ?
            new EngineLink(counters::snapshot, new EngineGauges(ctx, pipeline::lag)::sample, health::problems,
                this::engineReady, controls::submitSetup, this::fail) :
            EngineLink.none(this::fail);
        gateway = keep(ctx.anyGatewayPortIfTaken() ?
            GatewayServer.startOnAnyPortIfTaken(ctx.gateway(), outputJournal, engine, telemetry) :
            GatewayServer.start(ctx.gateway(), outputJournal, engine, telemetry));
    }

    private void startEngine()
    {
        LOG.info("engine starting: layout {}, data in {}", ctx.layout(), ctx.dataDir().toAbsolutePath());
        final SetupsAtStart setups = SetupsAtStart.of(setupStore, stages.setups(), ctx.fileSetups());
        if (setups.any())
        {
            LOG.info("setups: {} restored from the store (not in the retained journal), {} from the setups file",
                setups.restores().size(), setups.adds().size());
        }
        controls.announceStart();
        controls.submitNodeStatus(marker.previousStopWasClean() ? FeedState.UP : FeedState.RECOVERED,
            "started: " + marker.previousStop());
        if (rebuild.appended() > 0 || rebuild.difference() != null)
        {
            controls.submitNodeStatus(FeedState.RECOVERED, rebuild.summary());
        }
        if (!marker.previousStopWasClean())
        {
            producerThread.execute(rawTailRecovery); // ahead of the setups and the live feed, on the one producer
        }
        LOG.info("baselines: {}", ctx.baselines().summary());
        controls.submitBaselines(ctx.baselines().tables()); // before the feed: the first bars are ranked
        controls.submitSetups(setups.restores(), setups.adds());
        controls.startTimer(ctx.config().get(Keys.ENGINE_TIMER_INTERVAL_MS));
        ingest.start(journalTail.lastEventTime(), journalTail.trades()); // the downtime: a declared gap, backfilled
        engineStarted = true;
    }

    /** Journals open, the setups restored and every feed cluster up at least once. */
    private boolean engineReady()
    {
        return engineStarted && ingest.states().allEverUp();
    }

    public EngineCounters counters()
    {
        return counters;
    }

    /** The node's counters, distinct errors (stages', with their input index) and latency histograms. */
    public Telemetry telemetry()
    {
        return telemetry;
    }

    /** Whether the run before this one closed cleanly (false after a crash or kill -9). */
    public boolean previousStopWasClean()
    {
        return marker == null || marker.previousStopWasClean();
    }

    public ThreadingLayout layout()
    {
        return ctx.layout();
    }

    public Path dataDir()
    {
        return ctx.dataDir();
    }

    public Path journalDir(final String name)
    {
        return ctx.journalDir(name);
    }

    /** The output journal, for readers in this process (tools, tests). */
    public ChronicleQueue outputJournal()
    {
        return outputJournal;
    }

    /** The gateway, or null when this node runs the engine alone. */
    public GatewayServer gateway()
    {
        return gateway;
    }

    /** Adds, amends or cancels a setup: through the ring and the input journal like any input. */
    public void submitSetup(final SetupRequest request)
    {
        controls.submitSetup(request);
    }

    /** Completes with the reason when the node cannot go on (the feed refused the key, a stage's Error). */
    public CompletableFuture<String> fatal()
    {
        return fatal;
    }

    @Override
    public void close()
    {
        while (!opened.isEmpty())
        {
            try
            {
                opened.pop().close();
            }
            catch (final Exception ex)
            {
                LOG.error("while closing the node", ex);
            }
        }
    }

    /**
     * The one fatal path, from any thread, once: one log line with the reason; every desk told ({@code failed}
     * status, close 1011 with the reason); then {@link #fatal()} completes, and whoever launched the node
     * closes it (draining what the ring can still drain) and exits non-zero.
     */
    private void fail(final String reason)
    {
        if (failing.compareAndSet(false, true))
        {
            fatalReason = reason;
            LOG.error("fatal: {}", reason);
            if (controls != null)
            {
                controls.submitNodeStatus(FeedState.FAILED, reason); // journaled, if the ring can still take it
            }
            fatalThread.execute(() ->
            {
                try
                {
                    if (gateway != null)
                    {
                        gateway.failDesks(reason);
                    }
                }
                finally
                {
                    fatal.complete(reason);
                }
            });
        }
    }

    private <T extends AutoCloseable> T keep(final T part)
    {
        opened.push(part);
        return part;
    }

    private ChronicleQueue journal(final String name)
    {
        return Journal.open(ctx.journalDir(name), ctx.config().get(Keys.JOURNAL_ROLL_CYCLE),
            ctx.config().get(Keys.JOURNAL_ROLL_TIME));
    }
}

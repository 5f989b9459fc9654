package io.tickwire.engine;

import io.tickwire.config.Keys;
import io.tickwire.config.TickwireConfig;
import io.tickwire.engine.ingest.DeadLetterWriter;
import io.tickwire.engine.ingest.MassiveIngest;
import io.tickwire.engine.ingest.RawCaptureWriter;
import io.tickwire.engine.journal.Journal;
import io.tickwire.engine.ring.Pipeline;
import io.tickwire.engine.ring.RingPublisher;
import io.tickwire.engine.ring.ThreadingLayout;
import io.tickwire.engine.symbols.SymbolStore;
import io.tickwire.engine.symbols.SymbolTable;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * The engine process: symbol store, journals, the core pipeline and the Massive ingest, started and stopped
 * in the right order. Stopping drains the ring, so every event read from the feed is journaled.
 */
public final class TickwireEngine implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(TickwireEngine.class);

    private final Path dataDir;
    private final EngineCounters counters = new EngineCounters();
    private final SymbolStore symbolStore;
    private final SymbolTable symbols;
    private final ChronicleQueue inputJournal;
    private final ChronicleQueue outputJournal;
    private final ChronicleQueue deadLetterJournal;
    private final ChronicleQueue rawJournal;
    private final Pipeline pipeline;
    private final MassiveIngest ingest;
    private final ThreadingLayout layout;
    private final CompletableFuture<String> fatal = new CompletableFuture<>();

    public TickwireEngine(final TickwireConfig config, final String apiKey)
    {
        dataDir = Path.of(config.get(Keys.ENGINE_DATA_DIR));
        layout = ThreadingLayout.resolve(config.get(Keys.ENGINE_THREADING), config.get(Keys.ENGINE_WAIT_STRATEGY),
            Runtime.getRuntime().availableProcessors());
        symbolStore = new SymbolStore(dataDir.resolve("symbols.cmap").toFile(), 1_000_000);
        symbols = new SymbolTable((id, ticker) ->
        {
            symbolStore.put(id, ticker);
            counters.symbols.incrementRelease();
        });
        symbolStore.restoreInto(symbols);
        counters.symbols.setRelease(symbols.size());

        inputJournal = journal(config, Journal.INPUT);
        outputJournal = journal(config, Journal.OUTPUT);
        deadLetterJournal = journal(config, Journal.DEAD_LETTER);
        rawJournal = journal(config, Journal.RAW);

        pipeline = Pipeline.live(Pipeline.Settings.from(config, layout), inputJournal, outputJournal, counters);

        final EpochNanoClock clock = new OffsetEpochNanoClock();
        final RingPublisher publisher = new RingPublisher(pipeline.ring(), symbols, counters);
        ingest = new MassiveIngest(config, apiKey, publisher, symbols, new DeadLetterWriter(deadLetterJournal, counters),
            new RawCaptureWriter(rawJournal, counters), counters, clock, fatal::complete);
    }

    public TickwireEngine start()
    {
        LOG.info("engine starting: layout {}, data in {}", layout, dataDir.toAbsolutePath());
        ingest.start();
        return this;
    }

    public EngineCounters counters()
    {
        return counters;
    }

    public ThreadingLayout layout()
    {
        return layout;
    }

    public Path dataDir()
    {
        return dataDir;
    }

    public Path journalDir(final String name)
    {
        return dataDir.resolve("journals").resolve(name);
    }

    /** The output journal, for readers in this process (the gateway, tools). */
    public ChronicleQueue outputJournal()
    {
        return outputJournal;
    }

    /** Completes with the reason when the engine cannot go on (for example the feed refused the API key). */
    public CompletableFuture<String> fatal()
    {
        return fatal;
    }

    @Override
    public void close()
    {
        ingest.close();
        pipeline.close();
        inputJournal.close();
        outputJournal.close();
        deadLetterJournal.close();
        rawJournal.close();
        symbolStore.close();
    }

    private ChronicleQueue journal(final TickwireConfig config, final String name)
    {
        return Journal.open(journalDir(name), config.get(Keys.JOURNAL_ROLL_CYCLE), config.get(Keys.JOURNAL_ROLL_TIME));
    }
}

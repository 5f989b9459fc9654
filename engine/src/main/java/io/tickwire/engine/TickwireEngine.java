package io.tickwire.engine;

import io.tickwire.config.ConfigException;
import io.tickwire.config.Keys;
import io.tickwire.config.TickwireConfig;
import io.tickwire.engine.event.MarketEvent;
import io.tickwire.engine.ingest.DeadLetterWriter;
import io.tickwire.engine.ingest.MassiveIngest;
import io.tickwire.engine.ingest.RawCaptureWriter;
import io.tickwire.engine.journal.Journal;
import io.tickwire.engine.journal.JournalPrefaulter;
import io.tickwire.engine.ring.Pipeline;
import io.tickwire.engine.ring.RingPublisher;
import io.tickwire.engine.ring.ThreadingLayout;
import io.tickwire.engine.setups.ChronicleSetupStore;
import io.tickwire.engine.setups.SetupJson;
import io.tickwire.engine.setups.SetupRequest;
import io.tickwire.engine.setups.SetupSettings;
import io.tickwire.engine.symbols.SymbolStore;
import io.tickwire.engine.symbols.SymbolTable;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.concurrent.EpochNanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
    private final ChronicleSetupStore setupStore;
    private final List<SetupRequest> fileSetups;
    private final Pipeline pipeline;
    private final MassiveIngest ingest;
    private final JournalPrefaulter prefaulter;
    private final ThreadingLayout layout;
    private final CompletableFuture<String> fatal = new CompletableFuture<>();

    public TickwireEngine(final TickwireConfig config, final String apiKey)
    {
        dataDir = Path.of(config.get(Keys.ENGINE_DATA_DIR));
        layout = ThreadingLayout.resolve(config.get(Keys.ENGINE_THREADING), config.get(Keys.ENGINE_WAIT_STRATEGY),
            Runtime.getRuntime().availableProcessors());
        fileSetups = readSetupsFile(config); // first: a bad setups file fails before any store or journal is open
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

        setupStore = new ChronicleSetupStore(dataDir.resolve("setups.cmap").toFile(), 100_000);
        pipeline = Pipeline.live(Pipeline.Settings.from(config, layout)
            .setups(SetupSettings.from(config), setupStore), inputJournal, outputJournal, counters);

        final EpochNanoClock clock = EpochClock.INSTANCE;
        final RingPublisher publisher = new RingPublisher(pipeline.ring(), symbols, counters);
        ingest = new MassiveIngest(config, apiKey, publisher, symbols, new DeadLetterWriter(deadLetterJournal, counters),
            new RawCaptureWriter(rawJournal, counters), counters, clock, fatal::complete);
        prefaulter = !config.get(Keys.JOURNAL_PREFAULT) ? null : new JournalPrefaulter(List.of(journalDir(Journal.INPUT),
            journalDir(Journal.OUTPUT), journalDir(Journal.DEAD_LETTER), journalDir(Journal.RAW)));
    }

    public TickwireEngine start()
    {
        LOG.info("engine starting: layout {}, data in {}", layout, dataDir.toAbsolutePath());
        final List<MarketEvent> restores = new ArrayList<>();
        final Set<Long> restored = new HashSet<>();
        setupStore.forEach((e) ->
        {
            final MarketEvent copy = new MarketEvent();
            copy.copyInputFrom(e);
            restores.add(copy);
            restored.add(e.setupId);
        });
        final List<SetupRequest> adds = new ArrayList<>();
        fileSetups.stream().filter((r) -> !restored.contains(r.id())).forEach(adds::add);
        if (!restores.isEmpty() || !adds.isEmpty())
        {
            LOG.info("setups: {} restored, {} from the setups file", restores.size(), adds.size());
        }
        ingest.announceStart();
        ingest.submitSetups(restores, adds);
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

    /** Adds, amends or cancels a setup: through the ring and the input journal like any input. */
    public void submitSetup(final SetupRequest request)
    {
        ingest.submitSetup(request);
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
        if (prefaulter != null)
        {
            prefaulter.close();
        }
        inputJournal.close();
        outputJournal.close();
        deadLetterJournal.close();
        rawJournal.close();
        setupStore.close();
        symbolStore.close();
    }

    private static List<SetupRequest> readSetupsFile(final TickwireConfig config)
    {
        final String file = config.get(Keys.SETUPS_FILE);
        if (file.isEmpty())
        {
            return List.of();
        }
        try
        {
            return SetupJson.parseAll(Files.readString(Path.of(file)));
        }
        catch (final IOException ex)
        {
            throw new ConfigException(file, Keys.SETUPS_FILE.name(), "a readable JSON file of setups", ex.toString());
        }
        catch (final SetupJson.InvalidSetup ex)
        {
            throw new ConfigException(file, Keys.SETUPS_FILE.name() + " " + ex.field(),
                ex.getMessage().replaceFirst("^field '[^']*': expected ", ""), "something else");
        }
    }

    private ChronicleQueue journal(final TickwireConfig config, final String name)
    {
        return Journal.open(journalDir(name), config.get(Keys.JOURNAL_ROLL_CYCLE), config.get(Keys.JOURNAL_ROLL_TIME));
    }
}

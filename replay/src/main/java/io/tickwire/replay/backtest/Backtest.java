package io.tickwire.replay.backtest;

import io.tickwire.config.Keys;
import io.tickwire.config.TickwireConfig;
import io.tickwire.model.event.EventType;
import io.tickwire.model.event.MarketEvent;
import io.tickwire.model.journal.EventCodec;
import io.tickwire.model.journal.Journal;
import io.tickwire.model.journal.JournalAppender;
import io.tickwire.model.journal.JournalReader;
import io.tickwire.replay.JournalReplayer;
import io.tickwire.replay.ProgressListener;
import io.tickwire.replay.journal.RecordDecoder;
import net.openhft.chronicle.queue.ChronicleQueue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code tickwire backtest}: setups placed into a recorded (or imported) day, run through the very evaluator live
 * uses — the day's input journal with the setups' commands inserted at their times, replayed — and every
 * setup's path read back from the output: triggered or not, how it ended, the time to each, its maximum
 * favourable and adverse excursion in ATRs; alerts by type and hour. {@link BacktestReport} writes the tables.
 */
public final class Backtest
{
    /** One setup's path through the day. */
    public record Path(long id, String symbol, String direction, String confirm, double probability,
        long placedAt, long triggeredAt, long target1At, long endedAt, String outcome, double entry, double stop,
        double exit, double mfeAtr, double maeAtr, double atr)
    {
        public boolean triggered()
        {
            return triggeredAt > 0;
        }

        /** The result in R (the entry-to-stop distance): positive when it made money. */
        public double r()
        {
            final double risk = Math.abs(entry - stop);
            return !triggered() || risk == 0 || Double.isNaN(exit) ? Double.NaN :
                (direction.equals("long") ? exit - entry : entry - exit) / risk;
        }

        /** Reached target 1 before its (first) stop: a stop after it is the trailed one. */
        public boolean hitTarget1()
        {
            return target1At > 0;
        }
    }

    /** Everything the report needs. */
    public record Result(List<Path> setups, Map<String, long[]> alertsByTypeAndHour)
    {
    }

    private static final int HOURS = 24;

    private Backtest()
    {
    }

    /** @param progress told how far the replay of the day has come */
    public static Result run(final TickwireConfig config, final java.nio.file.Path inputJournal, final String setupsJson,
        final java.nio.file.Path workDir, final ProgressListener progress) throws IOException
    {
        final List<BacktestSetup> setups = BacktestSetup.parseAll(setupsJson);
        final java.nio.file.Path input = workDir.resolve("input");
        final java.nio.file.Path output = workDir.resolve("output");
        Files.createDirectories(workDir);
        insert(inputJournal, setups, input, config);
        new JournalReplayer(config).progress(progress).replay(input, output);
        return read(output, setups);
    }

    /** The day's inputs with each setup's add command before the first event at or after its time. */
    private static void insert(final java.nio.file.Path from, final List<BacktestSetup> setups,
        final java.nio.file.Path to, final TickwireConfig config)
    {
        final EventCodec codec = new EventCodec();
        final MarketEvent e = new MarketEvent();
        final MarketEvent command = new MarketEvent();
        final Map<String, Integer> symbols = new HashMap<>();
        final List<BacktestSetup> waiting = new ArrayList<>(setups);
        try (ChronicleQueue in = Journal.openForRead(from);
            ChronicleQueue out = Journal.open(to, config.get(Keys.JOURNAL_ROLL_CYCLE), config.get(Keys.JOURNAL_ROLL_TIME));
            JournalReader reader = new JournalReader(in).toStart())
        {
            final JournalAppender appender = new JournalAppender(out);
            reader.drain((buffer, length, index) ->
            {
                if (codec.decode(buffer, 0, e))
                {
                    if (e.type == EventType.SYMBOL)
                    {
                        symbols.put(e.textAsString(), e.symbolId);
                    }
                    else
                    {
                        waiting.removeIf((s) ->
                        {
                            final Integer id = symbols.get(s.request().ticker());
                            if (id == null || e.eventTime < s.at())
                            {
                                return false;
                            }
                            s.request().fill(command, id, e.eventTime);
                            appender.appendScratch(codec.encodeInput(command, appender.scratch(), 0));
                            return true;
                        });
                    }
                }
                appender.append(buffer.byteArray(), 0, length);
            });
        }
    }

    private static Result read(final java.nio.file.Path output, final List<BacktestSetup> setups)
    {
        final RecordDecoder decoder = new RecordDecoder();
        final Map<Long, BacktestSetup> byId = new HashMap<>();
        setups.forEach((s) -> byId.put(s.request().id(), s));
        final Map<Long, Track> tracks = new LinkedHashMap<>();
        final Map<Long, Double> atrBySymbol = new HashMap<>();
        final Map<Long, String> tickers = new HashMap<>();
        final Map<String, long[]> alerts = new LinkedHashMap<>();
        try (ChronicleQueue queue = Journal.openForRead(output); JournalReader reader = new JournalReader(queue).toStart())
        {
            reader.drain((buffer, length, index) ->
            {
                final RecordDecoder.Decoded r = decoder.decode(buffer, length);
                switch (r.type())
                {
                    case "SymbolDefinition" -> tickers.put(r.number("symbolId", 0), unquote(r.get("ticker")));
                    case "BarMetrics" -> atrBySymbol.put(r.number("symbolId", 0), decimal(r.get("atr")));
                    case "SetupTransition" -> transition(r, byId, tracks, atrBySymbol, tickers);
                    case "TacticalAlert" -> alerts.computeIfAbsent(unquote(r.get("alertType")), (k) -> new long[HOURS])
                        [(int)(r.number("eventTime", 0) / 3_600_000_000_000L % HOURS)]++;
                    case "Trade" -> tracks.values().forEach((t) -> t.onTrade(r));
                    default ->
                    {
                        // other records tell a setup's path nothing
                    }
                }
            });
        }
        final List<Path> paths = new ArrayList<>();
        tracks.values().forEach((t) -> paths.add(t.path()));
        return new Result(paths, alerts);
    }

    private static void transition(final RecordDecoder.Decoded r, final Map<Long, BacktestSetup> byId,
        final Map<Long, Track> tracks, final Map<Long, Double> atrBySymbol, final Map<Long, String> tickers)
    {
        final long id = r.number("setupId", 0);
        final BacktestSetup setup = byId.get(id);
        final String to = unquote(r.get("toState"));
        if (setup == null || to.equals("REJECTED"))
        {
            return;
        }
        final long symbolId = r.number("symbolId", 0);
        final Track track = tracks.computeIfAbsent(id, (k) -> new Track(setup, symbolId, tickers.get(symbolId),
            r.number("eventTime", 0)));
        track.onTransition(to, r, atrBySymbol.getOrDefault(symbolId, Double.NaN));
    }

    /** A JSON number, or NaN for null (a metric without a value yet). */
    private static double decimal(final String json)
    {
        return json == null || json.equals("null") ? Double.NaN : Double.parseDouble(json);
    }

    static String unquote(final String json)
    {
        return json == null ? "" : json.replace("\"", "");
    }

    /** One setup followed through the output journal. */
    private static final class Track
    {
        private final BacktestSetup setup;
        private final long symbolId;
        private final String ticker;
        private final long placedAt;
        private long triggeredAt;
        private long target1At;
        private long endedAt;
        private String outcome = "OPEN";
        private double entry = Double.NaN;
        private double stop = Double.NaN;
        private double exit = Double.NaN;
        private double atr = Double.NaN;
        private double best = Double.NaN;
        private double worst = Double.NaN;

        Track(final BacktestSetup setup, final long symbolId, final String ticker, final long placedAt)
        {
            this.setup = setup;
            this.symbolId = symbolId;
            this.ticker = ticker;
            this.placedAt = placedAt;
        }

        /** ARMED and READY say nothing of the result; TARGET1 marks it and the setup goes on (its stop trails). */
        void onTransition(final String to, final RecordDecoder.Decoded r, final double currentAtr)
        {
            final long time = r.number("eventTime", 0);
            final double price = decimal(r.get("price"));
            switch (to)
            {
                case "ARMED", "READY" ->
                {
                    // before the entry: nothing to score yet
                }
                case "TRIGGERED" ->
                {
                    triggeredAt = time;
                    entry = decimal(r.get("entryPrice"));
                    stop = decimal(r.get("stop"));
                    atr = currentAtr;
                    best = entry;
                    worst = entry;
                }
                case "TARGET1" ->
                {
                    target1At = time;
                    outcome = "TARGET1";
                    exit = price;
                }
                default ->
                {
                    outcome = to;
                    endedAt = time;
                    exit = price == 0 ? exit : price;
                }
            }
        }

        void onTrade(final RecordDecoder.Decoded r)
        {
            if (triggeredAt > 0 && endedAt == 0 && r.number("symbolId", 0) == symbolId)
            {
                final double price = decimal(r.get("price"));
                final boolean isLong = setup.direction().equals("long");
                best = isLong ? Math.max(best, price) : Math.min(best, price);
                worst = isLong ? Math.min(worst, price) : Math.max(worst, price);
            }
        }

        Path path()
        {
            final boolean isLong = setup.direction().equals("long");
            final double mfe = triggeredAt == 0 ? Double.NaN : (isLong ? best - entry : entry - best) / atr;
            final double mae = triggeredAt == 0 ? Double.NaN : (isLong ? entry - worst : worst - entry) / atr;
            return new Path(setup.request().id(), ticker, setup.direction(), setup.confirm(), setup.probability(),
                placedAt, triggeredAt, target1At, endedAt, outcome, entry, stop, exit, mfe, mae, atr);
        }
    }
}

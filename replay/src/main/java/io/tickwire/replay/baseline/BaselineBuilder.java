package io.tickwire.replay.baseline;

import com.tdunning.math.stats.MergingDigest;
import io.tickwire.codecs.sbe.BarMetricsDecoder;
import io.tickwire.codecs.sbe.BaselineMetric;
import io.tickwire.codecs.sbe.MessageHeaderDecoder;
import io.tickwire.codecs.sbe.PairMetricsDecoder;
import io.tickwire.codecs.sbe.SymbolDefinitionDecoder;
import io.tickwire.engine.metrics.BaselineFile;
import io.tickwire.engine.metrics.BaselineGrid;
import io.tickwire.engine.time.UsEquityCalendar;
import io.tickwire.model.journal.Journal;
import io.tickwire.model.journal.JournalReader;
import io.tickwire.replay.ProgressListener;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.DirectBuffer;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds percentile baselines from output journals (a node's, or a replay of an import): every BarMetrics and
 * PairMetrics record of the last {@code days} US trading days before the newest record's day, its spread (bps),
 * quote rate, thrust, realized volatility and divergence added to a t-digest per symbol, metric, timeframe and
 * time-of-day bucket ({@link BaselineGrid}); each digest's values at the grid's quantiles make one table of the
 * baselines file. NaN values (no quotes, a warming ATR) are left out. Memory grows with the tables, not the records.
 */
public final class BaselineBuilder
{
    /** t-digest's accuracy knob: ~1% error in the body of the distribution, far better in the tails. */
    private static final double COMPRESSION = 200;
    private static final BaselineMetric[] BAR_METRICS = {BaselineMetric.SPREAD_BPS, BaselineMetric.QUOTE_RATE,
        BaselineMetric.THRUST, BaselineMetric.REALIZED_VOLATILITY};

    /** What a build did. */
    public record Result(long records, long values, int tables, int symbols, LocalDate firstDay, LocalDate lastDay,
        int tradingDays)
    {
    }

    private record Key(String ticker, BaselineMetric metric, int timeframeMillis, int bucket)
    {
    }

    /** One table's values as they come. */
    private static final class Accumulator
    {
        final MergingDigest digest = new MergingDigest(COMPRESSION);
        final Set<Integer> days = new HashSet<>();
    }

    private final int days;
    private final UsEquityCalendar calendar = new UsEquityCalendar();
    private final Map<Key, Accumulator> tables = new HashMap<>();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final SymbolDefinitionDecoder symbol = new SymbolDefinitionDecoder();
    private final BarMetricsDecoder bar = new BarMetricsDecoder();
    private final PairMetricsDecoder pair = new PairMetricsDecoder();
    private final Set<Integer> tradingDays = new HashSet<>();
    private long records;
    private long values;

    /** @param days how many US trading days back from the newest record's day (that day included) */
    public BaselineBuilder(final int days)
    {
        if (days < 1)
        {
            throw new IllegalArgumentException("--days must be at least 1");
        }
        this.days = days;
    }

    /**
     * Reads the journals and writes the baselines file.
     * @param progress told the records read so far, now and then, of all the journals' records
     */
    public Result build(final List<Path> outputJournals, final Path file, final ProgressListener progress)
        throws IOException
    {
        long newest = Long.MIN_VALUE;
        long total = 0;
        for (final Path journal : outputJournals)
        {
            newest = Math.max(newest, newestEventTime(journal));
            try (ChronicleQueue queue = Journal.openForRead(journal))
            {
                total += Journal.documents(queue);
            }
        }
        if (newest == Long.MIN_VALUE)
        {
            throw new IllegalArgumentException("no records in " + outputJournals);
        }
        final int lastDay = calendar.tradingDay(newest);
        final int firstDay = firstDay(toDate(lastDay));
        for (final Path journal : outputJournals)
        {
            read(journal, firstDay, lastDay, progress, total);
        }
        final List<BaselineFile.Table> out = new ArrayList<>();
        final Set<String> symbols = new HashSet<>();
        tables.entrySet().stream()
            .sorted(Map.Entry.comparingByKey(Comparator.comparing(Key::ticker).thenComparing(Key::metric)
                .thenComparingInt(Key::timeframeMillis).thenComparingInt(Key::bucket)))
            .forEach((e) ->
            {
                final double[] points = new double[BaselineGrid.POINTS];
                for (int i = 0; i < points.length; i++)
                {
                    points[i] = e.getValue().digest.quantile(BaselineGrid.quantile(i));
                }
                final Key k = e.getKey();
                out.add(new BaselineFile.Table(k.ticker(), k.metric(), k.timeframeMillis(), k.bucket(),
                    e.getValue().days.size(), e.getValue().digest.size(), points));
                symbols.add(k.ticker());
            });
        BaselineFile.write(file, out, "tickwire baselines: " + tradingDays.size() + " trading days " +
            toDate(firstDay) + " .. " + toDate(lastDay) + " of " + outputJournals);
        return new Result(records, values, out.size(), symbols.size(), toDate(firstDay), toDate(lastDay),
            tradingDays.size());
    }

    private void read(final Path journal, final int firstDay, final int lastDay, final ProgressListener progress,
        final long total)
    {
        final Map<Integer, String> tickers = new HashMap<>(); // symbol ids are a journal's own
        try (ChronicleQueue queue = Journal.openForRead(journal); JournalReader reader = new JournalReader(queue))
        {
            reader.toStart().drain((buffer, length, index) ->
            {
                if (++records % ProgressListener.EVERY == 0)
                {
                    progress.progress(records, total);
                }
                header.wrap(buffer, 0);
                final int body = MessageHeaderDecoder.ENCODED_LENGTH;
                switch (header.templateId())
                {
                    case SymbolDefinitionDecoder.TEMPLATE_ID ->
                    {
                        symbol.wrap(buffer, body, header.blockLength(), header.version());
                        tickers.put(symbol.symbolId(), symbol.ticker());
                    }
                    case BarMetricsDecoder.TEMPLATE_ID -> onBarMetrics(buffer, tickers, firstDay, lastDay);
                    case PairMetricsDecoder.TEMPLATE_ID -> onPairMetrics(buffer, tickers, firstDay, lastDay);
                    default -> { }
                }
            });
        }
    }

    private void onBarMetrics(final DirectBuffer buffer, final Map<Integer, String> tickers, final int firstDay,
        final int lastDay)
    {
        bar.wrap(buffer, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        final String ticker = tickers.get(bar.symbolId());
        final int day = calendar.tradingDay(bar.startTime());
        if (ticker == null || day < firstDay || day > lastDay)
        {
            return;
        }
        final double[] metrics = {bar.spreadBps(), bar.quoteRate(), bar.thrust(), bar.realizedVolatility()};
        for (int m = 0; m < BAR_METRICS.length; m++)
        {
            add(ticker, BAR_METRICS[m], bar.timeframeMillis(), bar.startTime(), day, metrics[m]);
        }
    }

    private void onPairMetrics(final DirectBuffer buffer, final Map<Integer, String> tickers, final int firstDay,
        final int lastDay)
    {
        pair.wrap(buffer, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        final String etf = tickers.get(pair.etfSymbolId());
        final int day = calendar.tradingDay(pair.startTime());
        if (etf != null && day >= firstDay && day <= lastDay)
        {
            add(etf, BaselineMetric.DIVERGENCE, pair.timeframeMillis(), pair.startTime(), day, pair.divergence());
        }
    }

    private void add(final String ticker, final BaselineMetric metric, final int timeframeMillis, final long start,
        final int day, final double value)
    {
        if (!Double.isFinite(value))
        {
            return;
        }
        final Accumulator a = tables.computeIfAbsent(new Key(ticker, metric, timeframeMillis,
            BaselineGrid.bucket(calendar.secondOfDay(start))), (k) -> new Accumulator());
        a.digest.add(value);
        a.days.add(day);
        tradingDays.add(day);
        values++;
    }

    /** The first of the {@code days} US trading days that end with {@code last}, as yyyymmdd. */
    private int firstDay(final LocalDate last)
    {
        LocalDate day = last;
        for (int counted = 1; counted < days; )
        {
            day = day.minusDays(1);
            if (UsEquityCalendar.isTradingDay(day))
            {
                counted++;
            }
        }
        return day.getYear() * 10_000 + day.getMonthValue() * 100 + day.getDayOfMonth();
    }

    private static LocalDate toDate(final int yyyymmdd)
    {
        return LocalDate.of(yyyymmdd / 10_000, yyyymmdd / 100 % 100, yyyymmdd % 100);
    }

    private static long newestEventTime(final Path journal)
    {
        final long[] time = {Long.MIN_VALUE};
        try (ChronicleQueue queue = Journal.openForRead(journal); JournalReader reader = new JournalReader(queue))
        {
            reader.backwardFromEnd().poll((buffer, length, index) ->
                time[0] = buffer.getLong(MessageHeaderDecoder.ENCODED_LENGTH, ByteOrder.LITTLE_ENDIAN)); // eventTime leads
        }
        return time[0];
    }
}

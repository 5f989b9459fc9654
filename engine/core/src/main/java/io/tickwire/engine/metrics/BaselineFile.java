package io.tickwire.engine.metrics;

import io.tickwire.codecs.sbe.BaselineMetric;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The baselines file: what {@code tickwire baselines build} writes and a node journals at start. Tab-separated
 * text, one table a line — {@code ticker metric timeframeMillis bucket days samples} then the values at the
 * {@link BaselineGrid} quantiles — so pandas, DuckDB or a text editor read it as it is. Lines starting {@code #}
 * are comments; the first names the columns.
 */
public final class BaselineFile
{
    /** The file's name in the data directory, where a node looks by default ({@code baselines.file}). */
    public static final String DEFAULT_NAME = "baselines.tsv";
    private static final int FIXED_COLUMNS = 6;

    /** One table: a metric's values at the grid for a symbol, timeframe and time-of-day bucket. */
    public record Table(String ticker, BaselineMetric metric, int timeframeMillis, int bucket, int days, long samples,
        double[] points)
    {
    }

    private BaselineFile()
    {
    }

    public static void write(final Path file, final List<Table> tables, final String comment) throws IOException
    {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8))
        {
            out.write("# " + comment + "\n");
            final StringBuilder header = new StringBuilder("# ticker\tmetric\ttimeframeMillis\tbucket\tdays\tsamples");
            for (int i = 0; i < BaselineGrid.POINTS; i++)
            {
                header.append("\tq").append(String.format(Locale.ROOT, "%.2f", BaselineGrid.quantile(i)));
            }
            out.write(header.append('\n').toString());
            for (final Table t : tables)
            {
                final StringBuilder line = new StringBuilder().append(t.ticker()).append('\t').append(t.metric())
                    .append('\t').append(t.timeframeMillis()).append('\t').append(t.bucket()).append('\t')
                    .append(t.days()).append('\t').append(t.samples());
                for (final double p : t.points())
                {
                    line.append('\t').append(p); // Double.toString: shortest text that reads back to the same double
                }
                out.write(line.append('\n').toString());
            }
        }
    }

    /** @throws IllegalArgumentException naming the file and line of the first that cannot be read */
    public static List<Table> read(final Path file) throws IOException
    {
        final List<Table> tables = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null)
            {
                number++;
                if (line.isBlank() || line.startsWith("#"))
                {
                    continue;
                }
                try
                {
                    tables.add(parse(line.split("\t")));
                }
                catch (final IllegalArgumentException ex) // NumberFormatException among them
                {
                    throw new IllegalArgumentException(file + " line " + number + ": " + ex.getMessage(), ex);
                }
            }
        }
        return tables;
    }

    private static Table parse(final String[] cells)
    {
        if (cells.length != FIXED_COLUMNS + BaselineGrid.POINTS)
        {
            throw new IllegalArgumentException((FIXED_COLUMNS + BaselineGrid.POINTS) + " columns expected, " +
                cells.length + " found");
        }
        final BaselineMetric metric = BaselineMetric.valueOf(cells[1]);
        if (metric == BaselineMetric.NULL_VAL)
        {
            throw new IllegalArgumentException("no metric " + cells[1]);
        }
        final int bucket = Integer.parseInt(cells[3]);
        if (bucket < 0 || bucket >= BaselineGrid.BUCKETS)
        {
            throw new IllegalArgumentException("bucket " + bucket + " is not 0.." + (BaselineGrid.BUCKETS - 1));
        }
        final double[] points = new double[BaselineGrid.POINTS];
        for (int i = 0; i < points.length; i++)
        {
            points[i] = Double.parseDouble(cells[FIXED_COLUMNS + i]);
            if (Double.isNaN(points[i]) || i > 0 && points[i] < points[i - 1])
            {
                throw new IllegalArgumentException("the values must be numbers in ascending order (column " +
                    (FIXED_COLUMNS + i + 1) + ")");
            }
        }
        return new Table(cells[0], metric, Integer.parseInt(cells[2]), bucket, Integer.parseInt(cells[4]),
            Long.parseLong(cells[5]), points);
    }
}

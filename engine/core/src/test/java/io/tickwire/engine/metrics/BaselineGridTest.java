package io.tickwire.engine.metrics;

import io.tickwire.codecs.sbe.BaselineMetric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The baseline grid's buckets and ranks, and the baselines file read back as written. */
class BaselineGridTest
{
    @TempDir
    Path dir;

    /** A table of the values 0, 1, ..., 100 at the grid: value v at quantile v / 100. */
    private static double[] linear()
    {
        final double[] points = new double[BaselineGrid.POINTS];
        for (int i = 0; i < points.length; i++)
        {
            points[i] = BaselineGrid.quantile(i) * 100;
        }
        return points;
    }

    @Test
    void shouldCutTheDayIntoPreMarketHalfHoursAndAfterHours()
    {
        assertEquals(0, BaselineGrid.bucket(4 * 3600));
        assertEquals(0, BaselineGrid.bucket(9 * 3600 + 1799));
        assertEquals(1, BaselineGrid.bucket(9 * 3600 + 1800), "09:30 opens the first half hour");
        assertEquals(2, BaselineGrid.bucket(10 * 3600));
        assertEquals(13, BaselineGrid.bucket(16 * 3600 - 1));
        assertEquals(14, BaselineGrid.bucket(16 * 3600));
        assertEquals(14, BaselineGrid.bucket(86_399));
    }

    @Test
    void shouldRankByInterpolatingBetweenTheGridPointsAroundTheValue()
    {
        final double[] points = linear();
        assertEquals(0, BaselineGrid.rank(points, 0, -5), "below the lowest value seen");
        assertEquals(100, BaselineGrid.rank(points, 0, 250), "above the highest");
        assertEquals(50, BaselineGrid.rank(points, 0, 50), 1e-9);
        assertEquals(97.5, BaselineGrid.rank(points, 0, 97.5), 1e-9, "in the tail's finer steps");
        assertEquals(12.5, BaselineGrid.rank(points, 0, 12.5), 1e-9);
        assertTrue(Double.isNaN(BaselineGrid.rank(points, 0, Double.NaN)));
        final double[] shifted = new double[BaselineGrid.POINTS + 3];
        System.arraycopy(points, 0, shifted, 3, BaselineGrid.POINTS);
        assertEquals(42, BaselineGrid.rank(shifted, 3, 42), 1e-9, "a table inside a larger array");
    }

    @Test
    void shouldReadTheFileBackAsWrittenAndNameTheLineOfABadTable() throws IOException
    {
        final Path file = dir.resolve("baselines.tsv");
        final BaselineFile.Table table = new BaselineFile.Table("SPY", BaselineMetric.THRUST, 1_000, 3, 90, 123_456,
            linear());
        BaselineFile.write(file, List.of(table), "a test");
        final List<BaselineFile.Table> read = BaselineFile.read(file);
        assertEquals(1, read.size());
        assertEquals(table.ticker(), read.get(0).ticker());
        assertEquals(table.metric(), read.get(0).metric());
        assertEquals(table.samples(), read.get(0).samples());
        assertArrayEquals(table.points(), read.get(0).points(), "every double read back exactly");

        Files.writeString(file, Files.readString(file).replace("\t100.0\n", "\t1.0\n"));
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> BaselineFile.read(file));
        assertTrue(ex.getMessage().contains("line 3") && ex.getMessage().contains("ascending"), ex.getMessage());
    }
}

package io.tickwire.node;

import io.tickwire.config.ConfigException;
import io.tickwire.config.Keys;
import io.tickwire.config.TickwireConfig;
import io.tickwire.engine.metrics.BaselineFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The percentile baselines a start journals, read once while the configuration is checked: the file
 * {@code metrics.baselinesFile} names (it must exist), or else {@code <engine.dataDir>/baselines.tsv} if it is
 * there. A file that cannot be read stops the start with the line at fault, as any configuration error does.
 */
record Baselines(Path file, List<BaselineFile.Table> tables)
{
    static Baselines read(final TickwireConfig config, final Path dataDir)
    {
        final String named = config.get(Keys.METRICS_BASELINES_FILE);
        final Path file = named.isEmpty() ? dataDir.resolve(BaselineFile.DEFAULT_NAME) : Path.of(named);
        if (named.isEmpty() && !Files.exists(file))
        {
            return new Baselines(null, List.of());
        }
        try
        {
            return new Baselines(file, BaselineFile.read(file));
        }
        catch (final IOException | IllegalArgumentException ex)
        {
            throw new ConfigException(file.toString(), Keys.METRICS_BASELINES_FILE.name(),
                "a readable baselines file (tickwire baselines build)", ex.getMessage());
        }
    }

    /** For the start's log line. */
    String summary()
    {
        return file == null ? "none (no " + BaselineFile.DEFAULT_NAME + " in the data directory): metrics carry no " +
            "percentile ranks" : tables.size() + " tables for " +
            tables.stream().map(BaselineFile.Table::ticker).distinct().count() + " symbols from " + file;
    }
}

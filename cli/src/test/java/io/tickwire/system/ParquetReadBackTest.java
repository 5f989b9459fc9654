package io.tickwire.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.tickwire.codecs.sbe.MessageHeaderDecoder;
import io.tickwire.codecs.sbe.MicrobarDecoder;
import io.tickwire.config.Keys;
import io.tickwire.config.TickwireConfig;
import io.tickwire.model.journal.Journal;
import io.tickwire.replay.JournalReplayer;
import io.tickwire.replay.ProgressListener;
import io.tickwire.replay.history.FlatFileImport;
import io.tickwire.replay.journal.JournalExport;
import io.tickwire.replay.journal.RecordFilter;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code tickwire export}'s Parquet read back by a reader written apart from the DuckDB that wrote it — hyparquet,
 * a JavaScript implementation of the format, run in a headless Chromium — and compared, value by value and type by
 * type, with the output journal's records: the sample flat files imported, replayed, their bars exported.
 */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ParquetReadBackTest
{
    private static final Path SAMPLES = Path.of("../samples/flatfiles");
    private static final String PAGE = """
        <!doctype html><meta charset="utf-8"><script type="module">
        import { parquetMetadata, parquetReadObjects } from '/hyparquet/src/index.js'
        try {
          const file = await (await fetch('/bars.parquet')).arrayBuffer()
          const columns = parquetMetadata(file).schema.slice(1).map((c) => ({ name: c.name,
            type: c.logical_type ? c.logical_type.type + (c.logical_type.unit ? ':' + c.logical_type.unit : '') +
              (c.logical_type.scale !== undefined ? ':' + c.logical_type.scale : '') : c.converted_type || c.type }))
          const rows = await parquetReadObjects({ file, parsers: { timestampFromNanoseconds: (n) => String(n) } })
          window.result = JSON.stringify({ columns, rows: rows.map((r) => ({ index: String(r.index),
            ticker: r.ticker, tf: r.timeframeMillis, start: r.startTime, open: Math.round(r.open * 1e6),
            close: Math.round(r.close * 1e6), volume: Math.round(r.volume * 1e6) })) })
        } catch (e) { window.result = JSON.stringify({ error: String(e) }) }
        </script>""";

    @TempDir
    Path dir;

    /** A bar as the journal holds it: prices and volume unscaled (Fixed6), the start in ns. */
    private record Bar(String ticker, int timeframeMillis, long start, long open, long close, long volume)
    {
    }

    @Test
    void shouldReadTheExportedBarsBackWithAnIndependentReaderAsTheJournalHoldsThem() throws Exception
    {
        ToolsOnThisMachine.requireChromium();
        ToolsOnThisMachine.requireHyparquet();
        final TickwireConfig config = TickwireConfig.load(null, Map.of(), Map.of());
        final List<Path> files;
        try (Stream<Path> list = Files.list(SAMPLES))
        {
            files = list.filter((p) -> p.toString().endsWith(".csv.gz")).sorted().toList();
        }
        try (ChronicleQueue input = Journal.open(dir.resolve("input"), config.get(Keys.JOURNAL_ROLL_CYCLE),
            config.get(Keys.JOURNAL_ROLL_TIME)))
        {
            new FlatFileImport(1_000_000, config.get(Keys.ENGINE_TIMER_INTERVAL_MS) * 1_000_000L).importFiles(files,
                input, new PrintStream(OutputStream.nullOutputStream()), ProgressListener.NONE);
        }
        new JournalReplayer(config).replay(dir.resolve("input"), dir.resolve("output"));
        final Path parquet = dir.resolve("bars.parquet");
        final long exported;
        try (ChronicleQueue output = Journal.openForRead(dir.resolve("output")))
        {
            exported = JournalExport.export(output, JournalExport.Kind.BARS, RecordFilter.ALL, false,
                JournalExport.Format.PARQUET, parquet, ProgressListener.NONE).rows();
        }
        final Map<Long, Bar> journal = latestBars(dir.resolve("output"));
        assertEquals(journal.size(), exported, "one row per bar, its latest revision");
        assertTrue(exported > 100, "a day's bars: " + exported);

        final HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", (exchange) ->
        {
            final String path = exchange.getRequestURI().getPath();
            final Path file = path.startsWith("/hyparquet/") ?
                ToolsOnThisMachine.HYPARQUET.resolve(path.substring("/hyparquet/".length())).normalize() :
                path.equals("/bars.parquet") ? parquet : null;
            final byte[] body = file == null ? PAGE.getBytes(StandardCharsets.UTF_8) :
                file.startsWith(ToolsOnThisMachine.HYPARQUET) || file.equals(parquet) ? Files.readAllBytes(file) :
                new byte[0];
            exchange.getResponseHeaders().set("Content-Type", file == null ? "text/html" :
                file.toString().endsWith(".js") ? "text/javascript" : "application/octet-stream");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody())
            {
                out.write(body);
            }
        });
        server.start();
        try (HeadlessChromium browser = HeadlessChromium.start(dir))
        {
            browser.open("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            final JsonNode read = new ObjectMapper().readTree(browser.await("window.result", JsonNode::isTextual,
                60_000, "hyparquet's reading").asText());
            assertTrue(!read.has("error"), read.toString());
            final Map<String, String> types = new HashMap<>();
            read.get("columns").forEach((c) -> types.put(c.get("name").asText(), c.get("type").asText()));
            assertEquals("TIMESTAMP:NANOS", types.get("startTime"), "timestamps as timestamps, to the ns");
            assertEquals("DECIMAL:6", types.get("open"), "prices as decimals");
            assertEquals("DECIMAL:6", types.get("volume"));
            assertEquals("UTF8", types.get("ticker"));
            assertEquals(journal.size(), read.get("rows").size());
            for (final JsonNode row : read.get("rows"))
            {
                final Bar bar = journal.get(Long.parseLong(row.get("index").asText()));
                assertEquals(new Bar(bar.ticker(), bar.timeframeMillis(), bar.start(), bar.open(), bar.close(),
                    bar.volume()), new Bar(row.get("ticker").asText(), row.get("tf").asInt(),
                    Long.parseLong(row.get("start").asText()), row.get("open").asLong(), row.get("close").asLong(),
                    row.get("volume").asLong()), "row " + row);
            }
        }
        finally
        {
            server.stop(0);
        }
    }

    /** Output journal index to bar, the latest revision of each (symbol, timeframe, start) only. */
    private static Map<Long, Bar> latestBars(final Path output)
    {
        final MicrobarDecoder bar = new MicrobarDecoder();
        final Map<String, Long> latest = new HashMap<>();
        final Map<Long, Bar> bars = new LinkedHashMap<>();
        TickerRecords.read(output, (header, buffer, index, tickers) ->
        {
            if (header.templateId() == MicrobarDecoder.TEMPLATE_ID)
            {
                bar.wrap(buffer, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
                final Long previous = latest.put(bar.symbolId() + "/" + bar.timeframeMillis() + "/" + bar.startTime(),
                    index);
                if (previous != null)
                {
                    bars.remove(previous);
                }
                bars.put(index, new Bar(tickers.get(bar.symbolId()), bar.timeframeMillis(), bar.startTime(), bar.open(),
                    bar.close(), bar.volume()));
            }
        });
        return bars;
    }
}

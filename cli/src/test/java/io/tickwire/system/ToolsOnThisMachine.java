package io.tickwire.system;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Programs some system tests drive that are not Java: Debian's Python with the Prometheus client (its text-format
 * parser), Debian's Chromium, and hyparquet (a JavaScript Parquet reader, run in that Chromium). {@code .ci/install-test-tools} installs them, and {@code .ci/run} sets
 * {@code TICKWIRE_REQUIRE_TOOLS=1} so that there a missing tool fails the build; on a developer's machine without
 * them those tests are skipped, saying what to install.
 */
final class ToolsOnThisMachine
{
    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** hyparquet's sources, where .ci/install-test-tools unpacks them (its version pinned there). */
    static final Path HYPARQUET = Path.of(System.getenv().getOrDefault("XDG_CACHE_HOME",
        System.getProperty("user.home") + "/.cache"), "tickwire", "hyparquet-1.31.5");

    private ToolsOnThisMachine()
    {
    }

    static void requirePrometheusParser() throws Exception
    {
        require(Files.isExecutable(PYTHON) && run(List.of(PYTHON.toString(), "-c", "import prometheus_client.parser"))
            .status == 0, "Debian's python3-prometheus-client");
    }

    static void requireChromium()
    {
        require(Files.isExecutable(CHROMIUM), "Debian's chromium");
    }

    static void requireHyparquet()
    {
        require(Files.isRegularFile(HYPARQUET.resolve("src/index.js")), "hyparquet (npm)");
    }

    private static void require(final boolean present, final String what)
    {
        if (present)
        {
            return;
        }
        final String message = what + " is not installed: run .ci/install-test-tools (as root)";
        if (System.getenv("TICKWIRE_REQUIRE_TOOLS") != null)
        {
            fail(message);
        }
        Assumptions.abort(message);
    }

    /** "TYPE family" to the family's type, and each sample (buckets aside, counts also summed over labels) to its value. */
    static Map<String, String> parsePrometheus(final String exposition, final Path dir) throws Exception
    {
        final Path text = Files.writeString(dir.resolve("metrics.txt"), exposition);
        final Path script = dir.resolve("parse_prometheus.py");
        try (InputStream in = ToolsOnThisMachine.class.getResourceAsStream("/parse_prometheus.py"))
        {
            Files.write(script, in.readAllBytes());
        }
        final Result result = run(List.of(PYTHON.toString(), script.toString(), text.toString()));
        assertEquals(0, result.status, "prometheus_client's parser refused the exposition: " + result.output);
        final Map<String, String> parsed = new LinkedHashMap<>();
        result.output.lines().map((l) -> l.split("\t")).filter((f) -> f.length == 3)
            .forEach((f) -> parsed.put(f[0].equals("TYPE") ? "TYPE " + f[1] : f[1], f[2]));
        assertTrue(!parsed.isEmpty(), result.output);
        return parsed;
    }

    record Result(int status, String output)
    {
    }

    static Result run(final List<String> command) throws IOException, InterruptedException
    {
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "finished: " + command);
        return new Result(process.exitValue(), output);
    }
}

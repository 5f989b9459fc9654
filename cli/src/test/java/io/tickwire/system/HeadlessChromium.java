package io.tickwire.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Debian's Chromium, headless, driven over the DevTools protocol on a WebSocket (no driver, no download): one
 * page, its console errors and uncaught exceptions collected, JavaScript evaluated in it, screenshots.
 */
final class HeadlessChromium implements AutoCloseable
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final WebSocket devtools;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> consoleErrors = new CopyOnWriteArrayList<>();
    private String session;

    private HeadlessChromium(final Process process, final String url) throws Exception
    {
        this.process = process;
        this.devtools = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), new Listener())
            .get(20, TimeUnit.SECONDS);
    }

    /** Starts the browser with a fresh profile under {@code dir}, as the machine's notes say it must be run. */
    static HeadlessChromium start(final Path dir) throws Exception
    {
        final Path profile = Files.createDirectories(dir.resolve("chromium-profile"));
        final Process process = new ProcessBuilder(ToolsOnThisMachine.CHROMIUM.toString(), "--headless",
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1400,800",
            "--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank")
            .redirectErrorStream(true).start();
        final BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
            StandardCharsets.UTF_8));
        final List<String> seen = new ArrayList<>();
        String line;
        while ((line = out.readLine()) != null)
        {
            seen.add(line);
            final int at = line.indexOf("DevTools listening on ");
            if (at >= 0)
            {
                final HeadlessChromium browser = new HeadlessChromium(process, line.substring(at + 22).trim());
                final Thread drain = new Thread(() -> drain(out), "chromium-output");
                drain.setDaemon(true);
                drain.start();
                return browser;
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("chromium ended without a DevTools endpoint: " + String.join("\n", seen));
    }

    /** Opens {@code url} in a new page and attaches to it; console errors are collected from then on. */
    void open(final String url) throws Exception
    {
        final String target = call(null, "Target.createTarget", Map.of("url", "about:blank")).get("targetId").asText();
        session = call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
            .get("sessionId").asText();
        call(session, "Runtime.enable", Map.of());
        call(session, "Log.enable", Map.of());
        call(session, "Page.enable", Map.of());
        call(session, "Page.navigate", Map.of("url", url));
    }

    /** The value of a JavaScript expression in the page (JSON-serializable values only). */
    JsonNode evaluate(final String expression) throws Exception
    {
        final JsonNode result = call(session, "Runtime.evaluate", Map.of("expression", expression,
            "returnByValue", true));
        if (result.has("exceptionDetails"))
        {
            throw new AssertionError(expression + " threw: " + result.get("exceptionDetails"));
        }
        return result.get("result").path("value");
    }

    /** Waits until {@code expression} evaluates to a value {@code condition} accepts; returns that value. */
    JsonNode await(final String expression, final Predicate<JsonNode> condition, final long millis,
        final String what) throws Exception
    {
        final long deadline = System.currentTimeMillis() + millis;
        JsonNode value = null;
        while (System.currentTimeMillis() < deadline)
        {
            try
            {
                value = evaluate(expression);
                if (condition.test(value))
                {
                    return value;
                }
            }
            catch (final AssertionError notYet) // the page's script not loaded yet
            {
                value = null;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("timed out waiting for " + what + ": " + expression + " was " + value +
            "; console errors " + consoleErrors);
    }

    void screenshot(final Path file) throws Exception
    {
        final JsonNode shot = call(session, "Page.captureScreenshot", Map.of("format", "png"));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(shot.get("data").asText()));
    }

    List<String> consoleErrors()
    {
        return List.copyOf(consoleErrors);
    }

    private JsonNode call(final String sessionId, final String method, final Map<String, Object> params)
        throws Exception
    {
        final int id = ids.incrementAndGet();
        final ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        if (sessionId != null)
        {
            message.put("sessionId", sessionId);
        }
        final CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        devtools.sendText(JSON.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
        final JsonNode answer = reply.get(20, TimeUnit.SECONDS);
        if (answer.has("error"))
        {
            throw new IllegalStateException(method + ": " + answer.get("error"));
        }
        return answer.get("result");
    }

    private void onMessage(final JsonNode message)
    {
        if (message.has("id"))
        {
            final CompletableFuture<JsonNode> reply = pending.remove(message.get("id").asInt());
            if (reply != null)
            {
                reply.complete(message);
            }
            return;
        }
        final String method = message.path("method").asText();
        final JsonNode params = message.path("params");
        switch (method)
        {
            case "Runtime.exceptionThrown" -> consoleErrors.add("uncaught: " + params.path("exceptionDetails"));
            case "Runtime.consoleAPICalled" ->
            {
                if (params.path("type").asText().equals("error"))
                {
                    consoleErrors.add("console.error: " + params.path("args"));
                }
            }
            case "Log.entryAdded" ->
            {
                if (params.path("entry").path("level").asText().equals("error"))
                {
                    consoleErrors.add("log: " + params.path("entry").path("text").asText() + " " +
                        params.path("entry").path("url").asText());
                }
            }
            default ->
            {
            }
        }
    }

    /** Reads the browser's output to its end, so that it never blocks on a full pipe. */
    private static void drain(final BufferedReader out)
    {
        try
        {
            while (out.readLine() != null)
            {
                // its own diagnostics (D-Bus, GPU): the page's errors come over DevTools
            }
        }
        catch (final IOException ended)
        {
            // the browser is gone
        }
    }

    @Override
    public void close() throws Exception
    {
        devtools.abort();
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS))
        {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private final class Listener implements WebSocket.Listener
    {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(final WebSocket socket, final CharSequence data, final boolean last)
        {
            text.append(data);
            if (last)
            {
                try
                {
                    onMessage(JSON.readTree(text.toString()));
                }
                catch (final IOException ex)
                {
                    consoleErrors.add("unreadable DevTools message: " + ex);
                }
                text.setLength(0);
            }
            socket.request(1);
            return null;
        }
    }
}

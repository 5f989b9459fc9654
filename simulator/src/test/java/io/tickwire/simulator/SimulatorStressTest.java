package io.tickwire.simulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tickwire.testing.WebSocketTestClient;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Connections opened and closed while the market runs at 200,000 events/s and another session takes quotes:
 * every frame each fresh connection receives is a whole JSON array, nothing but status comes before its
 * authentication, and no data event is one it did not subscribe to. A ground truth that can send a wrong frame
 * cannot judge the engine.
 */
class SimulatorStressTest
{
    private static final JsonFactory JSON = new JsonFactory();
    private static final int CONNECTIONS_PER_THREAD = 60;

    @Test
    void shouldNeverSendAFrameBeforeAuthenticationOrOutsideTheSubscription() throws Exception
    {
        try (MassiveSimulator simulator = MassiveSimulator.start(new SimulatorSettings().rate(200_000).apiKey("k"));
            WebSocketTestClient background = WebSocketTestClient.connect(simulator.url() + "/stocks"))
        {
            background.send("{\"action\":\"auth\",\"params\":\"k\"}");
            background.send("{\"action\":\"subscribe\",\"params\":\"Q.QQQ,Q.IWM,T.IWM\"}");
            background.await((m) -> m.contains("\"ev\":\"Q\""), 10_000);
            final ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
            final ExecutorService threads = Executors.newFixedThreadPool(3);
            final List<Future<Integer>> checked = new ArrayList<>();
            for (int t = 0; t < 3; t++)
            {
                checked.add(threads.submit(() -> churn(simulator, wrong)));
            }
            int frames = 0;
            for (final Future<Integer> f : checked)
            {
                frames += f.get();
            }
            threads.shutdown();
            assertEquals(List.of(), List.copyOf(wrong));
            assertTrue(frames > 3 * CONNECTIONS_PER_THREAD, "frames checked: " + frames);
            System.out.println("stress: " + 3 * CONNECTIONS_PER_THREAD + " fresh connections at 200,000 events/s, " +
                frames + " frames checked, none wrong");
        }
    }

    /** REST keeps a keep-alive connection open and says so, as Massive's servers do: no request fails on reuse. */
    @Test
    void shouldKeepRestConnectionsAliveAcrossRequests() throws Exception
    {
        try (MassiveSimulator simulator = MassiveSimulator.start(new SimulatorSettings().rate(1_000).apiKey("k")))
        {
            final java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
            for (int i = 0; i < 200; i++)
            {
                final java.net.http.HttpResponse<String> r = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(simulator.restUrl() + "/v2/last/trade/SPY?apiKey=k")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), r.body());
                assertEquals("keep-alive", r.headers().firstValue("connection").orElse(""));
            }
        }
    }

    /** Fresh connections one after another: @return the frames checked. */
    private static int churn(final MassiveSimulator simulator, final ConcurrentLinkedQueue<String> wrong)
        throws Exception
    {
        int frames = 0;
        for (int i = 0; i < CONNECTIONS_PER_THREAD; i++)
        {
            try (WebSocketTestClient client = WebSocketTestClient.connect(simulator.url() + "/stocks"))
            {
                client.await((m) -> m.contains("\"connected\""), 5_000);
                client.send("{\"action\":\"auth\",\"params\":\"k\"}");
                client.await((m) -> m.contains("auth_success"), 5_000);
                client.send("{\"action\":\"subscribe\",\"params\":\"T.SPY\"}");
                client.await((m) -> m.contains("\"ev\":\"T\""), 10_000);
                boolean authenticated = false;
                for (final WebSocketTestClient.Message m : client.all())
                {
                    frames++;
                    final String why = check(m.text(), authenticated);
                    if (why != null)
                    {
                        wrong.add(why + ": " + m.text());
                    }
                    authenticated |= m.text().contains("auth_success");
                }
            }
        }
        return frames;
    }

    /** @return what is wrong with a frame, or null */
    private static String check(final String frame, final boolean authenticated) throws IOException
    {
        try (JsonParser p = JSON.createParser(frame))
        {
            if (p.nextToken() != JsonToken.START_ARRAY)
            {
                return "not an array";
            }
            JsonToken token;
            while ((token = p.nextToken()) == JsonToken.START_OBJECT)
            {
                String ev = null;
                String sym = null;
                while (p.nextToken() == JsonToken.FIELD_NAME)
                {
                    final String name = p.currentName();
                    p.nextToken();
                    if (name.equals("ev"))
                    {
                        ev = p.getText();
                    }
                    else if (name.equals("sym"))
                    {
                        sym = p.getText();
                    }
                    p.skipChildren();
                }
                if (!"status".equals(ev) && !authenticated)
                {
                    return "data before authentication";
                }
                if (!"status".equals(ev) && !("T".equals(ev) && "SPY".equals(sym)))
                {
                    return "an event not subscribed to";
                }
            }
            if (token != JsonToken.END_ARRAY || p.nextToken() != null)
            {
                return "not one whole array";
            }
            return null;
        }
        catch (final com.fasterxml.jackson.core.JsonParseException ex)
        {
            return "not JSON (" + ex.getOriginalMessage() + ")";
        }
    }
}

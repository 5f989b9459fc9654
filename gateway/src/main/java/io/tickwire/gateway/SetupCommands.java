package io.tickwire.gateway;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.tickwire.model.setups.SetupJson;
import io.tickwire.model.setups.SetupRequest;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code POST /setups} and {@code DELETE /setups/ID}, answered with the engine's verdict: the command is rate
 * limited per address, parsed, then handed to the engine from the conductor's thread after the conductor has
 * started waiting for the setup's next record, so the answer is what the evaluator decided: 200 with the
 * setup as it now stands, or 409 with the reason it was refused. An engine that has not answered within
 * {@link #VERDICT_WAIT_MILLIS} gets 202 (accepted, verdict pending; it will appear on the setups channel).
 * Runs on the gateway's one I/O thread.
 */
final class SetupCommands
{
    static final long VERDICT_WAIT_MILLIS = 2_000;

    /** An HTTP answer. */
    record Reply(int status, String body)
    {
    }

    private final Consumer<SetupRequest> engine;
    private final GatewayConductor conductor;
    private final int perSecond;
    private final GatewayCounters counters;
    /** Rate limit per remote address; bounded: a flood of addresses costs their buckets, not memory. */
    private final Map<InetAddress, TokenBucket> limits = new HashMap<>();

    /** @param engine where commands go; null when no engine runs in this process */
    SetupCommands(final Consumer<SetupRequest> engine, final GatewayConductor conductor, final int perSecond,
        final GatewayCounters counters)
    {
        this.engine = engine;
        this.conductor = conductor;
        this.perSecond = perSecond;
        this.counters = counters;
    }

    /** @param key the sender's key, with the setups right (checked before) */
    CompletableFuture<Reply> handle(final FullHttpRequest request, final String path, final InetAddress from,
        final DeskKey key)
    {
        if (limits.size() > 10_000)
        {
            limits.clear();
        }
        final long now = System.nanoTime();
        if (!limits.computeIfAbsent(from, (a) -> new TokenBucket(perSecond, now)).tryTake(now))
        {
            counters.rateLimited.increment();
            return done(429, "{\"error\":\"rate limited: at most " + perSecond +
                " setup commands a second from one address\"}");
        }
        if (engine == null)
        {
            return done(503, "{\"error\":\"no engine behind this gateway\"}");
        }
        final SetupRequest command;
        try
        {
            command = request.method() == HttpMethod.DELETE ?
                SetupJson.parse("{\"op\":\"cancel\",\"id\":" + setupId(path.substring("/setups/".length())) + "}") :
                SetupJson.parse(request.content().toString(StandardCharsets.UTF_8));
        }
        catch (final SetupJson.InvalidSetup ex)
        {
            return done(400, "{\"error\":" + JsonOut.quoted(ex.getMessage()) + "}");
        }
        command.owner(key.id());
        final CompletableFuture<Reply> reply = new CompletableFuture<>();
        conductor.enqueue(() ->
        {
            // a setup is its key's: an amend or cancel of another key's setup never reaches the engine
            final long owner = conductor.setupLedger().owner(command.id());
            if (!command.isAdd() && owner >= 0 && !key.owns(owner))
            {
                counters.notEntitled.increment();
                reply.complete(new Reply(403, "{\"error\":\"setup " + command.id() + " belongs to another key\"}"));
                return;
            }
            final CompletableFuture<SetupLedger.Verdict> verdict = new CompletableFuture<>();
            verdict.thenAccept((v) -> reply.complete(new Reply(v.rejected() ? 409 : 200, "{\"accepted\":" +
                !v.rejected() + ",\"setup\":{" + v.setupJson() + "}}")));
            conductor.setupLedger().awaitVerdict(command.id(), verdict); // waiting first: the answer cannot slip past
            engine.accept(command);
        });
        return reply
            .completeOnTimeout(new Reply(202, "{\"accepted\":true,\"id\":" + command.id() + ",\"verdict\":\"pending\"}"),
                VERDICT_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    }

    private static CompletableFuture<Reply> done(final int status, final String body)
    {
        return CompletableFuture.completedFuture(new Reply(status, body));
    }

    /** A setup id from a path: digits only, at most 18 (else 0, which the parser refuses with its reason). */
    private static long setupId(final String text)
    {
        if (text.isEmpty() || text.length() > 18)
        {
            return 0;
        }
        for (int i = 0; i < text.length(); i++)
        {
            if (text.charAt(i) < '0' || text.charAt(i) > '9')
            {
                return 0;
            }
        }
        return Long.parseLong(text);
    }
}

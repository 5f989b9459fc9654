package io.tickwire.gateway;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * What the gateway knows of setups from the output journal: each setup's latest record, by id (snapshots,
 * {@code GET /setups}), and the HTTP commands waiting for the engine's verdict on their setup (the setup's next
 * record). A refused command's record is a verdict, not a setup's state. Conductor thread only; setup records
 * are rare next to ticks, so allocating here is fine.
 */
final class SetupLedger
{
    /** The engine's answer to a setup command: its setup's next record, rendered, and whether it was refused. */
    record Verdict(boolean rejected, String setupJson)
    {
    }

    private final JsonRenderer renderer;
    private final TreeMap<Long, LastSetup> latest = new TreeMap<>();
    private final Map<Long, List<CompletableFuture<Verdict>>> waiting = new HashMap<>();

    SetupLedger(final JsonRenderer renderer)
    {
        this.renderer = renderer;
    }

    void awaitVerdict(final long setupId, final CompletableFuture<Verdict> verdict)
    {
        waiting.computeIfAbsent(setupId, (id) -> new ArrayList<>()).add(verdict);
    }

    void onRecord(final long setupId, final int symbolId, final long owner, final boolean rejected,
        final DirectBuffer buffer, final int length)
    {
        if (!rejected)
        {
            final UnsafeBuffer copy = new UnsafeBuffer(new byte[length]);
            copy.putBytes(0, buffer, 0, length);
            latest.put(setupId, new LastSetup(symbolId, owner, copy));
        }
        final List<CompletableFuture<Verdict>> verdicts = waiting.remove(setupId);
        if (verdicts != null)
        {
            final Verdict verdict = new Verdict(rejected, render(buffer));
            verdicts.forEach((v) -> v.complete(verdict));
        }
    }

    Collection<LastSetup> all()
    {
        return latest.values();
    }

    /** The key a setup belongs to; -1 when the journal holds no setup of that id. */
    long owner(final long setupId)
    {
        final LastSetup setup = latest.get(setupId);
        return setup == null ? -1 : setup.owner();
    }

    /** Up to {@code limit} of the viewer's setups' latest records with ids above {@code afterId}, as a JSON array. */
    String page(final long afterId, final int limit, final DeskKey viewer)
    {
        final StringBuilder json = new StringBuilder("[");
        int n = 0;
        for (final LastSetup setup : latest.tailMap(afterId, false).values())
        {
            if (!viewer.owns(setup.owner()))
            {
                continue;
            }
            if (n++ == limit)
            {
                break;
            }
            json.append(n == 1 ? "{" : ",{").append(render(setup.record()));
        }
        return json.append(']').toString();
    }

    private String render(final DirectBuffer record)
    {
        final JsonOut out = new JsonOut();
        renderer.setup(record, 0, -1, out);
        return new String(out.buffer.byteArray(), 0, out.length, StandardCharsets.UTF_8);
    }
}

package io.tickwire.gateway;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.agrona.concurrent.status.AtomicCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who may use the gateway: the keys (reloaded when their file changes), the browser origins allowed, and the
 * per-address limit on failed authentications. Without a keys file every desk is the open key. The keys are
 * an immutable snapshot swapped whole, so the I/O and conductor threads read them without locks; the failure
 * buckets, touched only on failures, are guarded by this object.
 */
final class DeskAccess
{
    private static final Logger LOG = LoggerFactory.getLogger(DeskAccess.class);

    private final GatewaySettings settings;
    private final DeskKey openKey;
    private final AtomicCounter authFailures;
    private final AtomicCounter reloadErrors;
    private volatile DeskKeys keys;
    private final Map<InetAddress, TokenBucket> failures = new HashMap<>();
    private String lastReloadError;

    DeskAccess(final GatewaySettings settings, final GatewayCounters counters) throws IOException
    {
        this.settings = settings;
        this.openKey = DeskKeys.openKey(settings);
        this.authFailures = counters.authFailures;
        this.reloadErrors = counters.keysReloadErrors;
        if (settings.keysFile.isEmpty())
        {
            LOG.warn("gateway OPEN: no keys file (gateway.keysFile), so anyone who reaches {}:{} may subscribe to " +
                "everything and place, amend and cancel every setup", settings.host, settings.port);
        }
        else
        {
            keys = DeskKeys.load(Path.of(settings.keysFile), settings.requestsPerSecond);
            LOG.info("gateway keys: {} from {}", keys.size(), settings.keysFile);
        }
    }

    boolean open()
    {
        return keys == null;
    }

    /** The open key on an open gateway; else the key whose secret this is, or null. */
    DeskKey authenticate(final String secret)
    {
        final DeskKeys current = keys;
        return current == null ? openKey : current.find(secret);
    }

    /** The secret a request carries: {@code ?key=} or {@code Authorization: Bearer}; null when none. */
    static String secret(final HttpRequest request)
    {
        final List<String> query = new QueryStringDecoder(request.uri()).parameters().get("key");
        if (query != null && !query.isEmpty())
        {
            return query.get(0);
        }
        final String header = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
    }

    /**
     * A browser's request names its page's origin: allowed when listed in {@code gateway.allowedOrigins} or when
     * the page came from this gateway (the origin's host is the request's Host). No Origin: not a browser.
     */
    boolean originAllowed(final HttpRequest request)
    {
        final String origin = request.headers().get(HttpHeaderNames.ORIGIN);
        if (origin == null)
        {
            return true;
        }
        final String host = request.headers().get(HttpHeaderNames.HOST);
        return settings.allowedOrigins.contains(origin) ||
            host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
    }

    /** May this address try to authenticate now? False once it failed too often. */
    synchronized boolean mayTry(final InetAddress address, final long nowNanos)
    {
        final TokenBucket bucket = failures.get(address);
        return bucket == null || bucket.available(nowNanos);
    }

    /** A failed authentication from this address: counted, and charged to its bucket. */
    synchronized void failed(final InetAddress address, final long nowNanos)
    {
        authFailures.increment();
        if (failures.size() > 10_000)
        {
            failures.clear(); // bounded: a flood of addresses costs their buckets, not memory
        }
        failures.computeIfAbsent(address, (a) -> TokenBucket.perMinute(settings.authFailuresPerMinute, nowNanos))
            .tryTake(nowNanos);
    }

    /** Reloads the keys if their file changed; a file that does not load keeps the old keys, said once. */
    void reloadIfChanged()
    {
        final DeskKeys current = keys;
        if (current == null)
        {
            return;
        }
        try
        {
            final DeskKeys next = current.reloadIfChanged(settings.requestsPerSecond);
            if (next != current)
            {
                keys = next;
                lastReloadError = null;
                LOG.info("gateway keys reloaded: {} from {}", next.size(), settings.keysFile);
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            reloadErrors.increment();
            if (!String.valueOf(ex.getMessage()).equals(lastReloadError))
            {
                lastReloadError = String.valueOf(ex.getMessage());
                LOG.error("gateway keys file {} not reloaded, the previous keys stay: {}", settings.keysFile,
                    lastReloadError);
            }
        }
    }

    /** The reason the keys file last failed to reload, or null. */
    String reloadProblem()
    {
        return lastReloadError;
    }
}

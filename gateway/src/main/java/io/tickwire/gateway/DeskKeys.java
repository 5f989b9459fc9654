package io.tickwire.gateway;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The gateway's API keys (docs/operations.md, "Keys"): a properties file of tiers and keys, each key stored as
 * the SHA-256 of its secret, never the secret. Reloaded when the file changes; a file that does not parse
 * keeps the keys already loaded and says why. Without a file the gateway is open: every desk is the
 * {@link #OPEN} key. Immutable; the gateway swaps whole instances.
 */
final class DeskKeys
{
    /** The identity of every desk on an open gateway: everything allowed, owner 0. */
    static DeskKey openKey(final GatewaySettings settings)
    {
        return new DeskKey(0, "open", new DeskTier("open", List.of("*"), List.of("*"), 0, Integer.MAX_VALUE,
            Integer.MAX_VALUE, settings.requestsPerSecond), true, true);
    }

    private final Map<String, DeskKey> bySha256;
    final Path file;
    final FileTime loadedVersion;

    private DeskKeys(final Map<String, DeskKey> bySha256, final Path file, final FileTime loadedVersion)
    {
        this.bySha256 = bySha256;
        this.file = file;
        this.loadedVersion = loadedVersion;
    }

    /** @return the key whose secret this is, or null */
    DeskKey find(final String secret)
    {
        return secret == null || secret.isEmpty() ? null : bySha256.get(sha256(secret));
    }

    int size()
    {
        return bySha256.size();
    }

    /** The file's keys, or an exception naming the line at fault. */
    static DeskKeys load(final Path file, final int defaultRequestsPerSecond) throws IOException
    {
        final FileTime version = Files.getLastModifiedTime(file);
        final Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            p.load(in);
        }
        final Map<String, DeskTier> tiers = new HashMap<>();
        final TreeSet<String> tierNames = new TreeSet<>();
        final TreeSet<Long> keyIds = new TreeSet<>();
        for (final String name : p.stringPropertyNames())
        {
            final String[] parts = name.split("\\.");
            if (parts.length != 3 || !parts[0].equals("tier") && !parts[0].equals("key"))
            {
                throw new IOException("'" + name + "': entries are tier.NAME.FIELD or key.ID.FIELD");
            }
            if (parts[0].equals("tier"))
            {
                tierNames.add(parts[1]);
            }
            else
            {
                keyIds.add(number(name, parts[1], 1, Long.MAX_VALUE));
            }
        }
        for (final String tier : tierNames)
        {
            final String at = "tier." + tier + ".";
            tiers.put(tier, new DeskTier(tier, list(p.getProperty(at + "channels", "*")),
                list(p.getProperty(at + "symbols", "*")),
                (int)number(at + "delayMinutes", p.getProperty(at + "delayMinutes", "0"), 0, 24 * 60),
                (int)number(at + "maxConnections", p.getProperty(at + "maxConnections", "16"), 1, 1_000_000),
                (int)number(at + "maxSubscriptions", p.getProperty(at + "maxSubscriptions", "10000"), 1, 10_000_000),
                (int)number(at + "requestsPerSecond",
                    p.getProperty(at + "requestsPerSecond", String.valueOf(defaultRequestsPerSecond)), 1, 1_000_000)));
        }
        final Map<String, DeskKey> keys = new HashMap<>();
        for (final long id : keyIds)
        {
            final String at = "key." + id + ".";
            final String sha = required(p, at + "sha256").toLowerCase();
            if (sha.length() != 64 || !sha.chars().allMatch((c) -> Character.digit(c, 16) >= 0))
            {
                throw new IOException(at + "sha256: 64 hex digits (tickwire new-key prints them)");
            }
            final DeskTier tier = tiers.get(required(p, at + "tier"));
            if (tier == null)
            {
                throw new IOException(at + "tier: no tier '" + p.getProperty(at + "tier") + "'; tiers are " + tierNames);
            }
            final List<String> rights = list(p.getProperty(at + "rights", ""));
            for (final String right : rights)
            {
                if (!right.equals("setups") && !right.equals("admin"))
                {
                    throw new IOException(at + "rights: '" + right + "' is not a right; rights are setups, admin");
                }
            }
            if (keys.put(sha, new DeskKey(id, required(p, at + "name"), tier, rights.contains("setups") ||
                rights.contains("admin"), rights.contains("admin"))) != null)
            {
                throw new IOException(at + "sha256: the same secret as another key");
            }
        }
        return new DeskKeys(keys, file, version);
    }

    /** The file again if it changed since this was loaded; this otherwise. */
    DeskKeys reloadIfChanged(final int defaultRequestsPerSecond) throws IOException
    {
        return Files.getLastModifiedTime(file).equals(loadedVersion) ? this : load(file, defaultRequestsPerSecond);
    }

    static String sha256(final String secret)
    {
        try
        {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(secret.getBytes(StandardCharsets.UTF_8)));
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("every JVM has SHA-256", ex);
        }
    }

    private static String required(final Properties p, final String name) throws IOException
    {
        final String value = p.getProperty(name);
        if (value == null || value.isBlank())
        {
            throw new IOException(name + " is missing");
        }
        return value.trim();
    }

    private static long number(final String name, final String text, final long min, final long max)
        throws IOException
    {
        try
        {
            final long value = Long.parseLong(text.trim());
            if (value >= min && value <= max)
            {
                return value;
            }
        }
        catch (final NumberFormatException ex)
        {
            // said below
        }
        throw new IOException(name + ": '" + text + "' is not a whole number from " + min + " to " + max);
    }

    private static List<String> list(final String text)
    {
        final List<String> values = new ArrayList<>();
        Arrays.stream(text.split(",")).map(String::trim).filter((v) -> !v.isEmpty()).forEach(values::add);
        return values;
    }
}

package io.tickwire.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The validated configuration. Built in layers — shipped defaults, then an optional file, then command-line
 * overrides — and checked as a whole at load: an unknown key or a value of the wrong shape fails at once
 * with a {@link ConfigException} that names where the value came from.
 */
public final class TickwireConfig
{
    static final String DEFAULTS_RESOURCE = "tickwire.properties";
    static final String COMMAND_LINE = "command line";

    private final Map<String, String> text;
    private final Map<String, String> origin;
    private final Map<String, Object> values;
    private final Map<String, String> env;

    private TickwireConfig(final Map<String, String> text, final Map<String, String> origin, final Map<String, Object> values,
        final Map<String, String> env)
    {
        this.text = text;
        this.origin = origin;
        this.values = values;
        this.env = env;
    }

    /** The shipped defaults only. */
    public static TickwireConfig defaults()
    {
        return load(null, Map.of(), System.getenv());
    }

    /**
     * @param file      a user file, or null for none.
     * @param overrides key=value pairs from the command line, applied last.
     * @param env       the process environment (the API key is read from it).
     */
    public static TickwireConfig load(final Path file, final Map<String, String> overrides, final Map<String, String> env)
    {
        final Map<String, String> text = new TreeMap<>();
        final Map<String, String> origin = new HashMap<>();
        merge(text, origin, readDefaults(), "defaults (" + DEFAULTS_RESOURCE + ")");
        if (file != null)
        {
            merge(text, origin, readFile(file), file.toString());
        }
        merge(text, origin, overrides, COMMAND_LINE);

        final Map<String, Key<?>> known = new HashMap<>();
        for (final Key<?> key : Keys.ALL)
        {
            known.put(key.name(), key);
        }
        for (final String name : text.keySet())
        {
            if (!known.containsKey(name))
            {
                throw new ConfigException(origin.get(name), name, "a known key" + suggestion(name, known), "an unknown key");
            }
        }
        final Map<String, Object> values = new HashMap<>();
        for (final Key<?> key : Keys.ALL)
        {
            final String raw = text.get(key.name());
            if (raw == null)
            {
                throw new ConfigException(DEFAULTS_RESOURCE, key.name(), key.expected(), "no value");
            }
            final Object value = key.parse(raw);
            if (value == null)
            {
                throw new ConfigException(origin.get(key.name()), key.name(), key.expected(), "'" + raw + "'");
            }
            values.put(key.name(), value);
        }
        final TickwireConfig config = new TickwireConfig(Map.copyOf(text), Map.copyOf(origin), values, Map.copyOf(env));
        CrossKeyRules.check(config);
        return config;
    }

    @SuppressWarnings("unchecked")
    public <T> T get(final Key<T> key)
    {
        return (T)values.get(key.name());
    }

    /** A key's value as written. */
    public String text(final Key<?> key)
    {
        return text.get(key.name());
    }

    /** Where a key's value came from: the defaults, a file, or the command line (for error messages). */
    public String sourceOf(final Key<?> key)
    {
        return origin.get(key.name());
    }

    /** A copy with some keys replaced, validated like a command-line override. */
    public TickwireConfig with(final Map<String, String> overrides)
    {
        final Map<String, String> merged = new TreeMap<>(text);
        merged.putAll(overrides);
        return load(null, merged, env);
    }

    /** The API key from the environment variable named by feed.apiKeyEnv, or null. Never log it. */
    public String apiKey()
    {
        final String value = env.get(get(Keys.FEED_API_KEY_ENV));
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static void merge(
        final Map<String, String> text, final Map<String, String> origin, final Map<String, String> layer, final String from)
    {
        for (final Map.Entry<String, String> e : layer.entrySet())
        {
            text.put(e.getKey().trim(), e.getValue());
            origin.put(e.getKey().trim(), from);
        }
    }

    private static Map<String, String> readDefaults()
    {
        try (InputStream in = TickwireConfig.class.getResourceAsStream(DEFAULTS_RESOURCE))
        {
            if (in == null)
            {
                throw new IllegalStateException("missing resource " + DEFAULTS_RESOURCE);
            }
            final Properties props = new Properties();
            props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return toMap(props);
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("cannot read " + DEFAULTS_RESOURCE, ex);
        }
    }

    private static Map<String, String> readFile(final Path file)
    {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            final Properties props = new Properties();
            props.load(reader);
            return toMap(props);
        }
        catch (final NoSuchFileException ex)
        {
            throw new ConfigException(file.toString(), "(file)", "a readable configuration file", "no such file");
        }
        catch (final IOException | IllegalArgumentException ex)
        {
            throw new ConfigException(file.toString(), "(file)", "a properties file", ex.getMessage());
        }
    }

    private static Map<String, String> toMap(final Properties props)
    {
        final Map<String, String> map = new TreeMap<>();
        for (final String name : props.stringPropertyNames())
        {
            map.put(name, props.getProperty(name));
        }
        return map;
    }

    private static String suggestion(final String name, final Map<String, Key<?>> known)
    {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (final String candidate : known.keySet())
        {
            final int d = distance(name, candidate);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = candidate;
            }
        }
        return best != null && bestDistance <= 3 ? " (did you mean '" + best + "'?)" : "";
    }

    private static int distance(final String a, final String b)
    {
        final int[] prev = new int[b.length() + 1];
        final int[] curr = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++)
        {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++)
        {
            curr[0] = i;
            for (int j = 1; j <= b.length(); j++)
            {
                final int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                curr[j] = Math.min(Math.min(curr[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            System.arraycopy(curr, 0, prev, 0, curr.length);
        }
        return prev[b.length()];
    }
}

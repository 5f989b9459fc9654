package io.tickwire.config;

/**
 * A configuration that cannot be used. The message always names the file (or "command line"), the key,
 * what was expected and what was found, so an operator can fix it without reading code.
 */
public final class ConfigException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String key;

    public ConfigException(final String source, final String key, final String expected, final String found)
    {
        super(source + ": key '" + key + "': expected " + expected + ", found " + found);
        this.source = source;
        this.key = key;
    }

    public String source()
    {
        return source;
    }

    public String key()
    {
        return key;
    }
}

package io.tickwire.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One configuration key: its name, what it expects in words, and how a text value becomes a typed one.
 * A parser returns null when the text does not fit; {@link TickwireConfig} turns that into a
 * {@link ConfigException} naming file and key.
 */
public final class Key<T>
{
    private final String name;
    private final String expected;
    private final Function<String, T> parser;

    private Key(final String name, final String expected, final Function<String, T> parser)
    {
        this.name = name;
        this.expected = expected;
        this.parser = parser;
    }

    public String name()
    {
        return name;
    }

    public String expected()
    {
        return expected;
    }

    T parse(final String text)
    {
        try
        {
            return parser.apply(text.trim());
        }
        catch (final RuntimeException ex)
        {
            return null;
        }
    }

    static Key<String> text(final String name, final boolean mayBeEmpty)
    {
        return new Key<>(name, mayBeEmpty ? "text" : "non-empty text", (s) -> mayBeEmpty || !s.isEmpty() ? s : null);
    }

    static Key<Integer> integer(final String name, final int min, final int max)
    {
        return new Key<>(name, "an integer from " + min + " to " + max,
            (s) ->
            {
                final int v = Integer.parseInt(s);
                return v >= min && v <= max ? v : null;
            });
    }

    static Key<Integer> powerOfTwo(final String name, final int min, final int max)
    {
        return new Key<>(name, "a power of two from " + min + " to " + max,
            (s) ->
            {
                final int v = Integer.parseInt(s);
                return v >= min && v <= max && Integer.bitCount(v) == 1 ? v : null;
            });
    }

    static Key<Boolean> bool(final String name)
    {
        return new Key<>(name, "true or false",
            (s) -> s.equalsIgnoreCase("true") ? Boolean.TRUE : s.equalsIgnoreCase("false") ? Boolean.FALSE : null);
    }

    static Key<Double> decimal(final String name, final double min, final double max)
    {
        return new Key<>(name, "a number from " + min + " to " + max,
            (s) ->
            {
                final double v = Double.parseDouble(s);
                return v >= min && v <= max ? v : null;
            });
    }

    static Key<Long> seed(final String name)
    {
        return new Key<>(name, "a 64-bit integer", Long::parseLong);
    }

    static <E extends Enum<E>> Key<E> oneOf(final String name, final Class<E> type)
    {
        final StringBuilder words = new StringBuilder("one of");
        for (final E e : type.getEnumConstants())
        {
            words.append(' ').append(e.name().toLowerCase(Locale.ROOT));
        }
        return new Key<>(name, words.toString(), (s) -> Enum.valueOf(type, s.toUpperCase(Locale.ROOT)));
    }

    static Key<List<String>> list(final String name, final boolean mayBeEmpty)
    {
        return new Key<>(name, mayBeEmpty ? "a comma-separated list" : "a non-empty comma-separated list",
            (s) ->
            {
                final List<String> items = new ArrayList<>();
                for (final String item : s.split(","))
                {
                    if (!item.isBlank())
                    {
                        items.add(item.trim());
                    }
                }
                return mayBeEmpty || !items.isEmpty() ? List.copyOf(items) : null;
            });
    }

    static <T> Key<T> custom(final String name, final String expected, final Function<String, T> parser)
    {
        return new Key<>(name, expected, parser);
    }
}

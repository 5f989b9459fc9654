package io.tickwire.simulator;

import java.util.List;
import java.util.Map;

/** Reading a decoded query string. */
final class QueryParams
{
    private QueryParams()
    {
    }

    static String first(final Map<String, List<String>> params, final String name, final String fallback)
    {
        final List<String> values = params.get(name);
        return values == null || values.isEmpty() ? fallback : values.get(0);
    }
}

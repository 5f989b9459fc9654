package io.tickwire.replay;

/** A top-level field of a JSON line as written by the journal tools: its value's text (strings keep quotes). */
public final class JsonField
{
    private JsonField()
    {
    }

    public static String of(final String json, final String name)
    {
        final int at = json.indexOf("\"" + name + "\":") + name.length() + 3;
        int end = at;
        while (end < json.length() && json.charAt(end) != ',' && json.charAt(end) != '}')
        {
            end++;
        }
        return json.substring(at, end);
    }
}

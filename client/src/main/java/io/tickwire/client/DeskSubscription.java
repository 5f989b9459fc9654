package io.tickwire.client;

import java.util.List;

/**
 * One subscription the desk asked for, and where it stands on the current connection: waiting its turn,
 * being replayed (the gateway's replay of it is in flight), or live. Its resume point is where a new
 * connection picks it up. Owned by the client's receive thread.
 */
final class DeskSubscription
{
    enum State
    {
        WAITING, REPLAYING, LIVE
    }

    final List<String> channels;
    final List<String> symbols;
    final int requestId;
    State state = State.WAITING;
    /** The journal position to resume from; -1: never subscribed yet (a plain subscribe, with its snapshot). */
    long resumeFrom = -1;
    /** The last position its replay delivered on this connection; -1 if none yet. */
    long lastReplayed = -1;

    DeskSubscription(final List<String> channels, final List<String> symbols, final int requestId)
    {
        this.channels = List.copyOf(channels);
        this.symbols = List.copyOf(symbols);
        this.requestId = requestId;
    }

    /** The connection dropped: freeze where this subscription picks up on the next one. */
    void freeze(final long lastLive)
    {
        if (state == State.LIVE)
        {
            resumeFrom = lastLive + 1;
        }
        else if (state == State.REPLAYING && lastReplayed >= 0)
        {
            resumeFrom = lastReplayed + 1;
        }
        state = State.WAITING;
        lastReplayed = -1;
    }

    String request()
    {
        final StringBuilder json = new StringBuilder("{\"op\":\"subscribe\",\"id\":").append(requestId)
            .append(",\"channels\":[");
        strings(json, channels);
        json.append("],\"symbols\":[");
        strings(json, symbols);
        json.append(']');
        if (resumeFrom >= 0)
        {
            json.append(",\"from\":").append(resumeFrom);
        }
        return json.append('}').toString();
    }

    private static void strings(final StringBuilder json, final List<String> values)
    {
        for (int i = 0; i < values.size(); i++)
        {
            json.append(i == 0 ? "\"" : ",\"");
            for (final char c : values.get(i).toCharArray())
            {
                if (c == '"' || c == '\\')
                {
                    json.append('\\');
                }
                json.append(c);
            }
            json.append('"');
        }
    }
}

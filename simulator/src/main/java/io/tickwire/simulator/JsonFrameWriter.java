package io.tickwire.simulator;

import org.agrona.ExpandableArrayBuffer;

/**
 * Writes Massive JSON frames (arrays of event objects) as ASCII bytes into a reused buffer. Trades
 * alternate between two field orders, because Massive does not fix the order and a decoder must not care.
 */
final class JsonFrameWriter
{
    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(1 << 16);
    private int position;
    private int events;
    private boolean flip;

    void begin()
    {
        position = 0;
        events = 0;
        put('[');
    }

    int events()
    {
        return events;
    }

    /** Closes the array; the frame is {@link #bytes()}[0, {@link #length()}). */
    void end()
    {
        put(']');
    }

    byte[] bytes()
    {
        return buffer.byteArray();
    }

    int length()
    {
        return position;
    }

    void event(final SimEvent e)
    {
        if (events++ > 0)
        {
            put(',');
        }
        switch (e.type)
        {
            case TRADE:
                trade(e);
                break;
            case QUOTE:
                quote(e);
                break;
            case INDEX_VALUE:
                ascii("{\"ev\":\"V\",\"val\":");
                fixed(e.price);
                ascii(",\"T\":\"");
                ascii(e.instrument.ticker);
                ascii("\",\"t\":");
                number(e.timeMillis);
                put('}');
                break;
            case LIMIT_BANDS: // as Massive sends it: the ticker in T, t in nanoseconds
                ascii("{\"ev\":\"LULD\",\"T\":\"");
                ascii(e.instrument.ticker);
                ascii("\",\"h\":");
                fixed(e.high);
                ascii(",\"l\":");
                fixed(e.low);
                ascii(",\"z\":3,\"t\":");
                number(e.timeMillis * 1_000_000L);
                ascii(",\"q\":");
                number(e.sequence);
                put('}');
                break;
            case IMBALANCE: // the ticker in T, t in nanoseconds, the auction type a letter
                ascii("{\"ev\":\"NOI\",\"T\":\"");
                ascii(e.instrument.ticker);
                ascii("\",\"t\":");
                number(e.timeMillis * 1_000_000L);
                ascii(",\"at\":");
                number(e.auctionTime);
                ascii(",\"a\":\"");
                put(e.auctionType);
                ascii("\",\"x\":");
                number(e.exchange);
                ascii(",\"o\":");
                fixed(e.size);
                ascii(",\"p\":");
                fixed(e.volume);
                ascii(",\"b\":");
                fixed(e.price);
                ascii(",\"i\":");
                number(e.sequence);
                put('}');
                break;
            case FAIR_VALUE:
                ascii("{\"ev\":\"FMV\",\"sym\":\"");
                ascii(e.instrument.ticker);
                ascii("\",\"fmv\":");
                fixed(e.price);
                ascii(",\"t\":");
                number(e.timeMillis * 1_000_000L);
                put('}');
                break;
            default:
                aggregate(e);
        }
    }

    /** Appends a raw, already-serialized event object (fault injection and status messages). */
    void raw(final String json)
    {
        if (events++ > 0)
        {
            put(',');
        }
        ascii(json);
    }

    private void trade(final SimEvent e)
    {
        flip = !flip;
        if (flip)
        {
            ascii("{\"ev\":\"T\",\"sym\":\"");
            ascii(e.instrument.ticker);
            put('"');
        }
        else
        {
            put('{');
            ascii("\"t\":");
            number(e.timeMillis);
            put(',');
        }
        if (e.instrument.kind != Instrument.Kind.OPTION)
        {
            ascii(",\"i\":\"".substring(flip ? 0 : 1));
            ascii(e.tradeId);
            ascii("\",\"x\":");
        }
        else
        {
            ascii(flip ? ",\"x\":" : "\"x\":");
        }
        number(e.exchange);
        if (e.trfId != 0)
        {
            ascii(",\"trfi\":");
            number(e.trfId);
            ascii(",\"trft\":");
            number(e.timeMillis);
        }
        ascii(",\"p\":");
        fixed(e.price);
        ascii(",\"s\":");
        number(e.fractional ? 0 : e.size / SimulatedMarket.SCALE);
        if (e.fractional)
        {
            ascii(",\"ds\":\"");
            fixed(e.size);
            put('"');
        }
        if (e.conditionCount > 0)
        {
            ascii(",\"c\":[");
            for (int i = 0; i < e.conditionCount; i++)
            {
                if (i > 0)
                {
                    put(',');
                }
                number(e.conditions[i]);
            }
            put(']');
        }
        if (e.instrument.kind != Instrument.Kind.OPTION)
        {
            ascii(",\"z\":");
            number(e.instrument.tape);
            ascii(",\"pt\":");
            number(e.timeMillis);
        }
        ascii(",\"q\":");
        number(e.sequence);
        if (flip)
        {
            ascii(",\"t\":");
            number(e.timeMillis);
            put('}');
        }
        else
        {
            ascii(",\"sym\":\"");
            ascii(e.instrument.ticker);
            ascii("\",\"ev\":\"T\"}");
        }
    }

    private void quote(final SimEvent e)
    {
        ascii("{\"ev\":\"Q\",\"sym\":\"");
        ascii(e.instrument.ticker);
        ascii("\",\"bx\":");
        number(e.bidExchange);
        ascii(",\"bp\":");
        fixed(e.bidPrice);
        ascii(",\"bs\":");
        number(e.bidSize / SimulatedMarket.SCALE);
        ascii(",\"ax\":");
        number(e.askExchange);
        ascii(",\"ap\":");
        fixed(e.askPrice);
        ascii(",\"as\":");
        number(e.askSize / SimulatedMarket.SCALE);
        if (e.instrument.kind != Instrument.Kind.OPTION)
        {
            ascii(",\"z\":");
            number(e.instrument.tape);
        }
        if (e.quoteCondition != 0) // omitted when none, as Massive does
        {
            ascii(",\"c\":");
            number(e.quoteCondition);
        }
        if (e.indicator != 0)
        {
            ascii(",\"i\":[");
            number(e.indicator);
            put(']');
        }
        ascii(",\"t\":");
        number(e.timeMillis);
        ascii(",\"q\":");
        number(e.sequence);
        put('}');
    }

    private void aggregate(final SimEvent e)
    {
        ascii(e.type == SimEvent.Type.SECOND_AGG ? "{\"ev\":\"A\",\"sym\":\"" : "{\"ev\":\"AM\",\"sym\":\"");
        ascii(e.instrument.ticker);
        ascii("\",\"o\":");
        fixed(e.open);
        ascii(",\"h\":");
        fixed(e.high);
        ascii(",\"l\":");
        fixed(e.low);
        ascii(",\"c\":");
        fixed(e.price);
        if (e.instrument.kind != Instrument.Kind.INDEX)
        {
            ascii(",\"v\":");
            number(e.volume / SimulatedMarket.SCALE);
            if (e.volume % SimulatedMarket.SCALE != 0)
            {
                ascii(",\"dv\":\""); // fractional shares since 2026-02-23: v is whole shares, dv is exact
                fixed(e.volume);
                put('"');
            }
            ascii(",\"vw\":");
            fixed(e.vwap);
            ascii(",\"av\":");
            number(e.accumulatedVolume / SimulatedMarket.SCALE);
            ascii(",\"op\":");
            fixed(e.dayOpen);
            ascii(",\"a\":");
            fixed(e.dayVwap);
            ascii(",\"z\":");
            number(e.averageSize / SimulatedMarket.SCALE);
        }
        ascii(",\"s\":");
        number(e.startMillis);
        ascii(",\"e\":");
        number(e.endMillis);
        put('}');
    }

    private void fixed(final long value)
    {
        long v = value;
        if (v < 0)
        {
            put('-');
            v = -v;
        }
        number(v / SimulatedMarket.SCALE);
        long frac = v % SimulatedMarket.SCALE;
        if (frac != 0)
        {
            put('.');
            long div = SimulatedMarket.SCALE / 10;
            while (frac != 0)
            {
                put((char)('0' + frac / div));
                frac %= div;
                div /= 10;
            }
        }
    }

    private void number(final long value)
    {
        position += buffer.putLongAscii(position, value);
    }

    private void ascii(final String s)
    {
        position += buffer.putStringWithoutLengthAscii(position, s);
    }

    private void put(final char c)
    {
        buffer.putByte(position++, (byte)c);
    }
}

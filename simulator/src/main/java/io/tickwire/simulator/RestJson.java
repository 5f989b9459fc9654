package io.tickwire.simulator;

import java.util.List;

/** Massive's REST records as JSON: trades and quotes as its v3 endpoints write them, and exact decimals. */
final class RestJson
{
    static final long MS = 1_000_000L; // ns per ms: REST times are ns

    private RestJson()
    {
    }

    static void trade(final StringBuilder sb, final GroundTruth.Trade t, final int tape)
    {
        sb.append("{\"exchange\":").append(t.exchange());
        if (t.tradeId() != null)
        {
            sb.append(",\"id\":").append(quoted(t.tradeId()));
        }
        sb.append(",\"participant_timestamp\":").append(t.timeMillis() * MS)
            .append(",\"price\":").append(decimal(t.price()))
            .append(",\"sequence_number\":").append(t.sequence())
            .append(",\"sip_timestamp\":").append(t.timeMillis() * MS)
            .append(",\"size\":").append(decimal(t.size()));
        if (t.trfId() != 0)
        {
            sb.append(",\"trf_id\":").append(t.trfId()).append(",\"trf_timestamp\":").append(t.timeMillis() * MS);
        }
        conditions(sb, "conditions", t.conditions());
        if (tape != 0)
        {
            sb.append(",\"tape\":").append(tape);
        }
        sb.append('}');
    }

    static void quote(final StringBuilder sb, final GroundTruth.Quote q, final int tape)
    {
        sb.append("{\"ask_exchange\":").append(q.askExchange())
            .append(",\"ask_price\":").append(decimal(q.askPrice()))
            .append(",\"ask_size\":").append(decimal(q.askSize()))
            .append(",\"bid_exchange\":").append(q.bidExchange())
            .append(",\"bid_price\":").append(decimal(q.bidPrice()))
            .append(",\"bid_size\":").append(decimal(q.bidSize()))
            .append(",\"participant_timestamp\":").append(q.timeMillis() * MS)
            .append(",\"sequence_number\":").append(q.sequence())
            .append(",\"sip_timestamp\":").append(q.timeMillis() * MS);
        if (tape != 0)
        {
            sb.append(",\"tape\":").append(tape);
        }
        sb.append('}');
    }

    static void conditions(final StringBuilder sb, final String field, final List<Integer> conditions)
    {
        if (!conditions.isEmpty())
        {
            sb.append(",\"").append(field).append("\":").append(conditions.toString().replace(" ", ""));
        }
    }

    static String decimal(final long fixed)
    {
        final StringBuilder sb = new StringBuilder();
        long v = fixed;
        if (v < 0)
        {
            sb.append('-');
            v = -v;
        }
        sb.append(v / SimulatedMarket.SCALE);
        long frac = v % SimulatedMarket.SCALE;
        if (frac != 0)
        {
            String f = String.valueOf(frac + SimulatedMarket.SCALE).substring(1);
            while (f.endsWith("0"))
            {
                f = f.substring(0, f.length() - 1);
            }
            sb.append('.').append(f);
        }
        return sb.toString();
    }

    static String quoted(final String s)
    {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}

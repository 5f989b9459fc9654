package io.tickwire.gateway;

import io.tickwire.codecs.sbe.BarKind;
import io.tickwire.codecs.sbe.BarMetricsDecoder;
import io.tickwire.codecs.sbe.MarketRegimeDecoder;
import io.tickwire.codecs.sbe.PairMetricsDecoder;
import io.tickwire.codecs.sbe.SetupTransitionDecoder;
import io.tickwire.codecs.sbe.TacticalAlertDecoder;
import io.tickwire.codecs.sbe.FeedStatusDecoder;
import io.tickwire.codecs.sbe.IndexValueDecoder;
import io.tickwire.codecs.sbe.MessageHeaderDecoder;
import io.tickwire.codecs.sbe.SetupState;
import io.tickwire.codecs.sbe.MicrobarDecoder;
import io.tickwire.codecs.sbe.QuoteDecoder;
import io.tickwire.codecs.sbe.TradeDecoder;
import org.agrona.DirectBuffer;

import java.util.Locale;

/**
 * Output-journal records to the gateway's JSON messages (docs/protocol.md). Renders the body — everything
 * after {"seq":N, — once per record; each session prefixes its own sequence number.
 */
final class JsonRenderer
{
    private static final String[] SOURCES = {"tick", "poll", "backfill", "recovered"};
    private static final String[] FLAG_NAMES = {"late", "duplicate_sequence", "backward_sequence", "fractional_size"};

    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final TradeDecoder trade = new TradeDecoder();
    private final QuoteDecoder quote = new QuoteDecoder();
    private final IndexValueDecoder index = new IndexValueDecoder();
    private final MicrobarDecoder bar = new MicrobarDecoder();
    private final FeedStatusDecoder status = new FeedStatusDecoder();
    private final BarMetricsDecoder metrics = new BarMetricsDecoder();
    private final PairMetricsDecoder pair = new PairMetricsDecoder();
    private final MarketRegimeDecoder regime = new MarketRegimeDecoder();
    private final SetupTransitionDecoder transition = new SetupTransitionDecoder();
    private final TacticalAlertDecoder alert = new TacticalAlertDecoder();
    private final byte[] text = new byte[1024];
    private final SymbolStateRenderer states = new SymbolStateRenderer(this);
    private final SymbolNames symbols;
    /** When the gateway rendered the live message being rendered (ns since the epoch). */
    private long gatewayTime;
    /** Rendering a replay: history marked {@code "replay":true} where a snapshot says {@code "snapshot":true}. */
    private boolean replay;

    JsonRenderer(final SymbolNames symbols)
    {
        this.symbols = symbols;
    }

    SymbolNames names()
    {
        return symbols;
    }

    void trade(final DirectBuffer b, final int offset, final boolean snapshot, final JsonOut out)
    {
        header.wrap(b, offset);
        trade.wrap(b, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        out.raw("\"type\":\"trade\",\"sym\":");
        symbol(out, trade.symbolId());
        out.raw(",\"t\":").number(trade.eventTime())
            .raw(",\"rt\":").number(trade.receiveTime())
            .raw(",\"price\":").fixed(trade.price())
            .raw(",\"size\":").fixed(trade.size())
            .raw(",\"x\":").number(trade.exchange());
        if (trade.trfId() != 0)
        {
            out.raw(",\"trfi\":").number(trade.trfId());
        }
        out.raw(",\"q\":").number(trade.sequence());
        final int conditions = trade.conditionCount();
        if (conditions > 0)
        {
            out.raw(",\"c\":[");
            for (int i = 0; i < conditions; i++)
            {
                if (i > 0)
                {
                    out.ch(',');
                }
                out.number(trade.conditions(i));
            }
            out.ch(']');
        }
        final int flags = b.getByte(offset + MessageHeaderDecoder.ENCODED_LENGTH + TradeDecoder.flagsEncodingOffset()) & 0xFF;
        if (flags != 0)
        {
            out.raw(",\"flags\":[");
            boolean first = true;
            for (int bit = 0; bit < FLAG_NAMES.length; bit++)
            {
                if ((flags & (1 << bit)) != 0)
                {
                    if (!first)
                    {
                        out.ch(',');
                    }
                    out.ch('"').raw(FLAG_NAMES[bit]).ch('"');
                    first = false;
                }
            }
            out.ch(']');
        }
        source(out, trade.sourceRaw());
        final int idLength = trade.getTradeId(text, 0, text.length);
        if (idLength > 0)
        {
            out.raw(",\"id\":").string(text, 0, idLength);
        }
        end(out, snapshot);
    }

    void quote(final DirectBuffer b, final int offset, final boolean snapshot, final JsonOut out)
    {
        header.wrap(b, offset);
        quote.wrap(b, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        out.raw("\"type\":\"quote\",\"sym\":");
        symbol(out, quote.symbolId());
        out.raw(",\"t\":").number(quote.eventTime())
            .raw(",\"rt\":").number(quote.receiveTime())
            .raw(",\"bid\":").fixed(quote.bidPrice())
            .raw(",\"bidSize\":").fixed(quote.bidSize())
            .raw(",\"ask\":").fixed(quote.askPrice())
            .raw(",\"askSize\":").fixed(quote.askSize())
            .raw(",\"bx\":").number(quote.bidExchange())
            .raw(",\"ax\":").number(quote.askExchange());
        source(out, quote.sourceRaw());
        end(out, snapshot);
    }

    /** A price from a trade record or an index value record. */
    void price(final DirectBuffer b, final int offset, final boolean snapshot, final JsonOut out)
    {
        header.wrap(b, offset);
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        out.raw("\"type\":\"price\",\"sym\":");
        if (header.templateId() == TradeDecoder.TEMPLATE_ID)
        {
            trade.wrap(b, body, header.blockLength(), header.version());
            symbol(out, trade.symbolId());
            out.raw(",\"t\":").number(trade.eventTime()).raw(",\"rt\":").number(trade.receiveTime())
                .raw(",\"price\":").fixed(trade.price());
            source(out, trade.sourceRaw());
        }
        else
        {
            index.wrap(b, body, header.blockLength(), header.version());
            symbol(out, index.symbolId());
            out.raw(",\"t\":").number(index.eventTime()).raw(",\"rt\":").number(index.receiveTime())
                .raw(",\"price\":").fixed(index.value());
            source(out, index.sourceRaw());
        }
        end(out, snapshot);
    }

    /** Limit bands, an imbalance or a fair value: {@link SymbolStateRenderer}. */
    void symbolState(final DirectBuffer b, final int offset, final boolean snapshot, final JsonOut out)
    {
        states.render(b, offset, snapshot, out);
    }

    void bar(final DirectBuffer b, final int offset, final boolean snapshot, final JsonOut out)
    {
        header.wrap(b, offset);
        bar.wrap(b, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        out.raw("\"type\":\"bar\",\"sym\":");
        symbol(out, bar.symbolId());
        out.raw(",\"tf\":\"").raw(GatewayChannels.label(bar.timeframeMillis()))
            .raw("\",\"kind\":\"").raw(kind(bar.kind()))
            .raw("\",\"rev\":").number(bar.revision())
            .raw(",\"start\":").number(bar.startTime())
            .raw(",\"end\":").number(bar.endTime())
            .raw(",\"o\":").fixed(bar.open())
            .raw(",\"h\":").fixed(bar.high())
            .raw(",\"l\":").fixed(bar.low())
            .raw(",\"c\":").fixed(bar.close())
            .raw(",\"v\":").fixed(bar.volume())
            .raw(",\"vwap\":").fixed(bar.vwap())
            .raw(",\"n\":").number(bar.tradeCount());
        if (bar.actingVersion() >= 2)
        {
            out.raw(",\"session\":\"").raw(bar.session().name().toLowerCase(Locale.ROOT))
                .raw("\",\"day\":").number(bar.tradingDay())
                .raw(",\"quotes\":").number(bar.quoteCount())
                .raw(",\"spread\":").fixed(bar.spreadMean())
                .raw(",\"buyVolume\":").fixed(bar.buyVolume())
                .raw(",\"sellVolume\":").fixed(bar.sellVolume());
        }
        end(out, snapshot);
    }

    void metrics(final DirectBuffer b, final int offset, final boolean snapshot, final JsonOut out)
    {
        header.wrap(b, offset);
        metrics.wrap(b, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        out.raw("\"type\":\"metrics\",\"sym\":");
        symbol(out, metrics.symbolId());
        out.raw(",\"tf\":\"").raw(GatewayChannels.label(metrics.timeframeMillis()))
            .raw("\",\"start\":").number(metrics.startTime())
            .raw(",\"end\":").number(metrics.endTime())
            .raw(",\"thrust\":").decimal(metrics.thrust())
            .raw(",\"atr\":").decimal(metrics.atr())
            .raw(",\"efficiency\":").decimal(metrics.pathEfficiency())
            .raw(",\"realizedVol\":").decimal(metrics.realizedVolatility())
            .raw(",\"spread\":").decimal(metrics.spread())
            .raw(",\"spreadBps\":").decimal(metrics.spreadBps())
            .raw(",\"quoteRate\":").decimal(metrics.quoteRate())
            .raw(",\"ofi\":").decimal(metrics.orderFlowImbalance())
            .raw(",\"vpin\":").decimal(metrics.vpin())
            .raw(",\"pctl\":{\"spreadBps\":").decimal(metrics.spreadBpsPctl())
            .raw(",\"quoteRate\":").decimal(metrics.quoteRatePctl())
            .raw(",\"thrust\":").decimal(metrics.thrustPctl())
            .raw(",\"realizedVol\":").decimal(metrics.realizedVolatilityPctl()).raw("}");
        end(out, snapshot);
    }

    void pair(final DirectBuffer b, final int offset, final boolean snapshot, final JsonOut out)
    {
        header.wrap(b, offset);
        pair.wrap(b, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        out.raw("\"type\":\"pair\",\"etf\":");
        symbol(out, pair.etfSymbolId());
        out.raw(",\"index\":");
        symbol(out, pair.indexSymbolId());
        out.raw(",\"tf\":\"").raw(GatewayChannels.label(pair.timeframeMillis()))
            .raw("\",\"start\":").number(pair.startTime())
            .raw(",\"end\":").number(pair.endTime())
            .raw(",\"etfReturn\":").decimal(pair.etfReturn())
            .raw(",\"indexReturn\":").decimal(pair.indexReturn())
            .raw(",\"divergence\":").decimal(pair.divergence())
            .raw(",\"correlation\":").decimal(pair.correlation())
            .raw(",\"beta\":").decimal(pair.beta())
            .raw(",\"pctl\":{\"divergence\":").decimal(pair.divergencePctl()).raw("}");
        end(out, snapshot);
    }

    void regime(final DirectBuffer b, final int offset, final boolean snapshot, final JsonOut out)
    {
        header.wrap(b, offset);
        regime.wrap(b, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        out.raw("\"type\":\"regime\",\"tf\":\"").raw(GatewayChannels.label(regime.timeframeMillis()))
            .raw("\",\"start\":").number(regime.startTime())
            .raw(",\"end\":").number(regime.endTime())
            .raw(",\"trend\":\"").raw(regime.trend().name().toLowerCase(Locale.ROOT))
            .raw("\",\"riskScore\":").decimal(regime.riskScore())
            .raw(",\"basketReturn\":").decimal(regime.basketReturn())
            .raw(",\"basketSize\":").number(regime.basketSize());
        end(out, snapshot);
    }

    /** @param latencyNanos receive-to-publish time, or a negative number to leave it out (snapshots). */
    void setup(final DirectBuffer b, final int offset, final long latencyNanos, final JsonOut out)
    {
        header.wrap(b, offset);
        transition.wrap(b, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        out.raw("\"type\":\"setup\",\"id\":").number(transition.setupId()).raw(",\"sym\":");
        symbol(out, transition.symbolId());
        out.raw(",\"from\":\"").raw(transition.fromState().name().toLowerCase(Locale.ROOT))
            .raw("\",\"to\":\"").raw(transition.toState().name().toLowerCase(Locale.ROOT))
            .raw("\",\"price\":").fixed(transition.price())
            .raw(",\"entry\":").fixed(transition.entryPrice())
            .raw(",\"stop\":").fixed(transition.stop())
            .raw(",\"t1\":").fixed(transition.target1())
            .raw(",\"t2\":").fixed(transition.target2());
        if (transition.entryLow() != SetupTransitionDecoder.entryLowNullValue()) // journaled before schema 7: none
        {
            out.raw(",\"zone\":[").fixed(transition.entryLow()).ch(',').fixed(transition.entryHigh()).ch(']');
        }
        out
            .raw(",\"t\":").number(transition.eventTime())
            .raw(",\"rt\":").number(transition.receiveTime())
            .raw(",\"cause\":").number(transition.causeIndex());
        if (transition.toState() == SetupState.REJECTED)
        {
            out.raw(",\"reason\":\"").raw(transition.rejection().name().toLowerCase(Locale.ROOT)).ch('"');
        }
        latency(out, latencyNanos);
    }

    void alert(final DirectBuffer b, final int offset, final long latencyNanos, final JsonOut out)
    {
        header.wrap(b, offset);
        alert.wrap(b, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        out.raw("\"type\":\"alert\",\"id\":").number(alert.setupId()).raw(",\"sym\":");
        symbol(out, alert.symbolId());
        out.raw(",\"alert\":\"").raw(alert.alertType().name().toLowerCase(Locale.ROOT))
            .raw("\",\"price\":").fixed(alert.price())
            .raw(",\"value\":").decimal(alert.value())
            .raw(",\"coalesced\":").number(alert.coalesced())
            .raw(",\"t\":").number(alert.eventTime())
            .raw(",\"rt\":").number(alert.receiveTime())
            .raw(",\"cause\":").number(alert.causeIndex());
        latency(out, latencyNanos);
    }

    void replay(final boolean value)
    {
        replay = value;
    }

    long receiveTimeOf(final DirectBuffer b, final int offset)
    {
        // every record's second field is receiveTime (schema rule), right after eventTime
        return b.getLong(offset + MessageHeaderDecoder.ENCODED_LENGTH + 8, java.nio.ByteOrder.LITTLE_ENDIAN);
    }

    private void latency(final JsonOut out, final long latencyNanos)
    {
        if (latencyNanos >= 0)
        {
            out.raw(",\"latencyNs\":").number(latencyNanos).ch('}');
        }
        else
        {
            out.raw(replay ? ",\"replay\":true}" : ",\"snapshot\":true}");
        }
    }

    void status(final DirectBuffer b, final int offset, final boolean snapshot, final JsonOut out)
    {
        header.wrap(b, offset);
        status.wrap(b, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        out.raw("\"type\":\"status\",\"cluster\":\"").raw(status.cluster().name().toLowerCase(Locale.ROOT))
            .raw("\",\"state\":\"").raw(status.state().name().toLowerCase(Locale.ROOT))
            .raw("\",\"code\":\"").raw(status.statusCode().name().toLowerCase(Locale.ROOT))
            .raw("\",\"t\":").number(status.eventTime());
        if (status.gapStart() != 0)
        {
            out.raw(",\"gapStart\":").number(status.gapStart());
            if (status.gapEnd() != Long.MAX_VALUE)
            {
                out.raw(",\"gapEnd\":").number(status.gapEnd());
            }
        }
        final int length = status.getMessage(text, 0, text.length);
        out.raw(",\"message\":").string(text, 0, length);
        end(out, snapshot);
    }

    void symbol(final JsonOut out, final int symbolId)
    {
        final String ticker = symbols.ticker(symbolId);
        out.ch('"').raw(ticker == null ? "?" : ticker).ch('"');
    }

    static void source(final JsonOut out, final short source)
    {
        out.raw(",\"src\":\"").raw(source >= 0 && source < SOURCES.length ? SOURCES[source] : "unknown").ch('"');
    }

    /** Stamped on the next live messages as "gt": the moment the gateway rendered them for the desks. */
    void gatewayTime(final long epochNanos)
    {
        gatewayTime = epochNanos;
    }

    void end(final JsonOut out, final boolean snapshot)
    {
        if (snapshot)
        {
            out.raw(replay ? ",\"replay\":true" : ",\"snapshot\":true");
        }
        else if (gatewayTime != 0)
        {
            out.raw(",\"gt\":").number(gatewayTime);
        }
        out.ch('}');
    }

    private static String kind(final BarKind kind)
    {
        switch (kind)
        {
            case QUIET:
                return "quiet";
            case GAP:
                return "gap";
            case PARTIAL:
                return "partial";
            default:
                return "normal";
        }
    }
}

package io.tickwire.gateway;

import io.tickwire.codecs.sbe.FairMarketValueDecoder;
import io.tickwire.codecs.sbe.ImbalanceDecoder;
import io.tickwire.codecs.sbe.LimitBandsDecoder;
import io.tickwire.codecs.sbe.MessageHeaderDecoder;
import org.agrona.DirectBuffer;

/**
 * The JSON of the {@link SymbolStates} (docs/protocol.md): {@code luld}, {@code imbalance}, {@code fmv} messages,
 * with the common parts (ticker, source, the snapshot flag or gateway time) from {@link JsonRenderer}.
 */
final class SymbolStateRenderer
{
    private final JsonRenderer json;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final LimitBandsDecoder bands = new LimitBandsDecoder();
    private final ImbalanceDecoder imbalance = new ImbalanceDecoder();
    private final FairMarketValueDecoder fairValue = new FairMarketValueDecoder();

    SymbolStateRenderer(final JsonRenderer json)
    {
        this.json = json;
    }

    void render(final DirectBuffer b, final int offset, final boolean snapshot, final JsonOut out)
    {
        header.wrap(b, offset);
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        switch (SymbolStates.of(header.templateId()))
        {
            case SymbolStates.LIMIT_BANDS -> {
                bands.wrap(b, body, header.blockLength(), header.version());
                out.raw("\"type\":\"luld\",\"sym\":");
                json.symbol(out, bands.symbolId());
                out.raw(",\"t\":").number(bands.eventTime()).raw(",\"rt\":").number(bands.receiveTime())
                    .raw(",\"up\":").fixed(bands.upperLimit()).raw(",\"down\":").fixed(bands.lowerLimit())
                    .raw(",\"z\":").number(bands.tape()).raw(",\"q\":").number(bands.sequence());
                if (bands.indicatorCount() > 0)
                {
                    out.raw(",\"i\":[");
                    for (int i = 0; i < bands.indicatorCount(); i++)
                    {
                        (i == 0 ? out : out.ch(',')).number(bands.indicators(i));
                    }
                    out.ch(']');
                }
                JsonRenderer.source(out, bands.sourceRaw());
            }
            case SymbolStates.IMBALANCE -> {
                imbalance.wrap(b, body, header.blockLength(), header.version());
                out.raw("\"type\":\"imbalance\",\"sym\":");
                json.symbol(out, imbalance.symbolId());
                out.raw(",\"t\":").number(imbalance.eventTime()).raw(",\"rt\":").number(imbalance.receiveTime())
                    .raw(",\"x\":").number(imbalance.exchange()).raw(",\"auctionTime\":").number(imbalance.auctionTime());
                if (imbalance.auctionType() > 0)
                {
                    out.raw(",\"auctionType\":\"").ch((char)imbalance.auctionType()).ch('"');
                }
                out.raw(",\"imbalance\":").fixed(imbalance.imbalance()).raw(",\"paired\":")
                    .fixed(imbalance.pairedQuantity()).raw(",\"clearingPrice\":").fixed(imbalance.clearingPrice());
                JsonRenderer.source(out, imbalance.sourceRaw());
            }
            default -> {
                fairValue.wrap(b, body, header.blockLength(), header.version());
                out.raw("\"type\":\"fmv\",\"sym\":");
                json.symbol(out, fairValue.symbolId());
                out.raw(",\"t\":").number(fairValue.eventTime()).raw(",\"rt\":").number(fairValue.receiveTime())
                    .raw(",\"fmv\":").fixed(fairValue.value());
                JsonRenderer.source(out, fairValue.sourceRaw());
            }
        }
        json.end(out, snapshot);
    }
}

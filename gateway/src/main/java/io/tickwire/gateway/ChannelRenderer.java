package io.tickwire.gateway;

import io.tickwire.codecs.sbe.MarketRegimeDecoder;
import io.tickwire.codecs.sbe.MessageHeaderDecoder;
import io.tickwire.codecs.sbe.PairMetricsDecoder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochNanoClock;

/** Picks the JSON rendering of a record by the channel it goes out on; conductor thread only. */
final class ChannelRenderer
{
    private final GatewayChannels channels;
    private final JsonRenderer renderer;
    private final EpochNanoClock epochClock;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();

    ChannelRenderer(final GatewayChannels channels, final JsonRenderer renderer, final EpochNanoClock epochClock)
    {
        this.channels = channels;
        this.renderer = renderer;
        this.epochClock = epochClock;
    }

    GatewayChannels channels()
    {
        return channels;
    }

    SymbolNames names()
    {
        return renderer.names();
    }

    /** A record served from the journal to one desk: history, marked {@code "replay":true}, no latency. */
    void renderReplay(final int channel, final DirectBuffer buffer, final JsonOut out)
    {
        renderer.replay(true);
        try
        {
            render(channel, buffer, true, out);
        }
        finally
        {
            renderer.replay(false);
        }
    }

    void render(final int channel, final DirectBuffer buffer, final boolean snapshot, final JsonOut out)
    {
        if (channel == channels.setups() || channel == channels.alerts())
        {
            // the time from the cause's receipt to now, when it goes out to the desks
            final long latency = snapshot ? -1 : Math.max(0, epochClock.nanoTime() - renderer.receiveTimeOf(buffer, 0));
            if (channel == channels.setups())
            {
                renderer.setup(buffer, 0, latency, out);
            }
            else
            {
                renderer.alert(buffer, 0, latency, out);
            }
            return;
        }
        if (channels.stateOf(channel) >= 0)
        {
            renderer.symbolState(buffer, 0, snapshot, out);
            return;
        }
        if (channels.isMetrics(channel) || channel == channels.regime())
        {
            header.wrap(buffer, 0);
            switch (header.templateId())
            {
                case PairMetricsDecoder.TEMPLATE_ID:
                    renderer.pair(buffer, 0, snapshot, out);
                    return;
                case MarketRegimeDecoder.TEMPLATE_ID:
                    renderer.regime(buffer, 0, snapshot, out);
                    return;
                default:
                    renderer.metrics(buffer, 0, snapshot, out);
                    return;
            }
        }
        switch (channel)
        {
            case GatewayChannels.TRADES:
                renderer.trade(buffer, 0, snapshot, out);
                break;
            case GatewayChannels.QUOTES:
                renderer.quote(buffer, 0, snapshot, out);
                break;
            case GatewayChannels.PRICES:
                renderer.price(buffer, 0, snapshot, out);
                break;
            case GatewayChannels.STATUS:
                renderer.status(buffer, 0, snapshot, out);
                break;
            default:
                renderer.bar(buffer, 0, snapshot, out);
        }
    }
}

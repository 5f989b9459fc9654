package io.tickwire.gateway;

import io.tickwire.codecs.sbe.BarMetricsDecoder;
import io.tickwire.codecs.sbe.FeedStatusDecoder;
import io.tickwire.codecs.sbe.IndexValueDecoder;
import io.tickwire.codecs.sbe.MarketRegimeDecoder;
import io.tickwire.codecs.sbe.MessageHeaderDecoder;
import io.tickwire.codecs.sbe.MicrobarDecoder;
import io.tickwire.codecs.sbe.PairMetricsDecoder;
import io.tickwire.codecs.sbe.QuoteDecoder;
import io.tickwire.codecs.sbe.SetupState;
import io.tickwire.codecs.sbe.SetupTransitionDecoder;
import io.tickwire.codecs.sbe.SymbolDefinitionDecoder;
import io.tickwire.codecs.sbe.TacticalAlertDecoder;
import io.tickwire.codecs.sbe.TradeDecoder;
import io.tickwire.model.journal.JournalReader;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;

/**
 * Reads each output journal record once: wraps the flyweight of its type, takes the keys the gateway routes
 * by (symbol, timeframe, setup, cluster) and calls the listener's method for that type — the shape of
 * Aeron's {@code ClientCommandAdapter.onMessage}. Upstream aggregates have no gateway channel yet and are
 * passed over.
 */
final class OutputJournalAdapter implements JournalReader.RecordHandler
{
    private static final int BODY = MessageHeaderDecoder.ENCODED_LENGTH;

    private final OutputJournalListener listener;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final SymbolDefinitionDecoder symbol = new SymbolDefinitionDecoder();
    private final TradeDecoder trade = new TradeDecoder();
    private final QuoteDecoder quote = new QuoteDecoder();
    private final IndexValueDecoder index = new IndexValueDecoder();
    private final MicrobarDecoder bar = new MicrobarDecoder();
    private final BarMetricsDecoder metrics = new BarMetricsDecoder();
    private final PairMetricsDecoder pair = new PairMetricsDecoder();
    private final SetupTransitionDecoder transition = new SetupTransitionDecoder();
    private final TacticalAlertDecoder alert = new TacticalAlertDecoder();
    private final FeedStatusDecoder status = new FeedStatusDecoder();

    OutputJournalAdapter(final OutputJournalListener listener)
    {
        this.listener = listener;
    }

    @Override
    public void onRecord(final UnsafeBuffer buffer, final int length, final long journalIndex)
    {
        header.wrap(buffer, 0);
        final int blockLength = header.blockLength();
        final int version = header.version();
        switch (header.templateId())
        {
            case SymbolDefinitionDecoder.TEMPLATE_ID -> {
                symbol.wrap(buffer, BODY, blockLength, version);
                final int symbolId = symbol.symbolId();
                listener.onSymbolDefined(symbolId, symbol.ticker(), buffer, length);
            }
            case TradeDecoder.TEMPLATE_ID -> listener.onTrade(
                trade.wrap(buffer, BODY, blockLength, version).symbolId(), buffer, length);
            case QuoteDecoder.TEMPLATE_ID -> listener.onQuote(
                quote.wrap(buffer, BODY, blockLength, version).symbolId(), buffer, length);
            case IndexValueDecoder.TEMPLATE_ID -> listener.onIndexValue(
                index.wrap(buffer, BODY, blockLength, version).symbolId(), buffer, length);
            case MicrobarDecoder.TEMPLATE_ID -> {
                bar.wrap(buffer, BODY, blockLength, version);
                listener.onBar(bar.timeframeMillis(), bar.symbolId(), buffer, length);
            }
            case BarMetricsDecoder.TEMPLATE_ID -> {
                metrics.wrap(buffer, BODY, blockLength, version);
                listener.onBarMetrics(metrics.timeframeMillis(), metrics.symbolId(), buffer, length);
            }
            case PairMetricsDecoder.TEMPLATE_ID -> {
                pair.wrap(buffer, BODY, blockLength, version);
                listener.onPairMetrics(pair.timeframeMillis(), pair.etfSymbolId(), pair.indexSymbolId(), buffer, length);
            }
            case MarketRegimeDecoder.TEMPLATE_ID -> listener.onRegime(buffer, length);
            case SetupTransitionDecoder.TEMPLATE_ID -> {
                transition.wrap(buffer, BODY, blockLength, version);
                listener.onSetupTransition(transition.setupId(), transition.symbolId(), transition.owner(),
                    transition.toState() == SetupState.REJECTED, buffer, length);
            }
            case TacticalAlertDecoder.TEMPLATE_ID -> {
                alert.wrap(buffer, BODY, blockLength, version);
                listener.onAlert(alert.setupId(), alert.symbolId(), buffer, length);
            }
            case FeedStatusDecoder.TEMPLATE_ID -> listener.onFeedStatus(
                status.wrap(buffer, BODY, blockLength, version).clusterRaw(), buffer, length);
            default -> {
                final int state = SymbolStates.of(header.templateId());
                if (state >= 0) // every symbol state starts eventTime, receiveTime, symbolId
                {
                    listener.onSymbolState(state, buffer.getInt(BODY + 16, ByteOrder.LITTLE_ENDIAN), buffer, length);
                }
            }
        }
    }
}

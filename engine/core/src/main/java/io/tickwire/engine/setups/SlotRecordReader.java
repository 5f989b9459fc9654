package io.tickwire.engine.setups;

import io.tickwire.codecs.sbe.BarMetricsDecoder;
import io.tickwire.codecs.sbe.MessageHeaderDecoder;
import io.tickwire.codecs.sbe.MicrobarDecoder;
import io.tickwire.codecs.sbe.PairMetricsDecoder;
import io.tickwire.engine.bars.BarRecords;
import io.tickwire.model.event.MarketEvent;

/**
 * Reads what the bar and metrics stages left in a ring slot ({@code [int32 length][SBE message]...}) and hands
 * the evaluator the parts it uses as typed calls: first bar closes, per-timeframe ATRs, pair divergences.
 */
final class SlotRecordReader
{
    interface Listener
    {
        void onBarClose(int symbolId, int timeframeMillis, long close);

        void onAtr(int symbolId, int timeframeMillis, double atr);

        void onPairDivergence(int etfSymbolId, int indexSymbolId, double divergence);
    }

    private final Listener listener;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final BarRecords bars = new BarRecords();
    private final BarMetricsDecoder metrics = new BarMetricsDecoder();
    private final PairMetricsDecoder pair = new PairMetricsDecoder();

    SlotRecordReader(final Listener listener)
    {
        this.listener = listener;
    }

    void read(final MarketEvent e)
    {
        readBars(e);
        readMetrics(e);
    }

    /** First closes only: a revision re-states a closed bar and must not confirm or trail twice. */
    private void readBars(final MarketEvent e)
    {
        for (bars.of(e); bars.next(); )
        {
            final MicrobarDecoder bar = bars.bar();
            if (bar.revision() == 0 && bar.close() > 0)
            {
                listener.onBarClose(bar.symbolId(), bar.timeframeMillis(), bar.close());
            }
        }
    }

    private void readMetrics(final MarketEvent e)
    {
        int offset = 0;
        while (offset < e.metricsOutputLength)
        {
            final int length = e.metricsOutput.getInt(offset);
            header.wrap(e.metricsOutput, offset + 4);
            final int body = offset + 4 + MessageHeaderDecoder.ENCODED_LENGTH;
            if (header.templateId() == BarMetricsDecoder.TEMPLATE_ID)
            {
                metrics.wrap(e.metricsOutput, body, header.blockLength(), header.version());
                listener.onAtr(metrics.symbolId(), metrics.timeframeMillis(), metrics.atr());
            }
            else if (header.templateId() == PairMetricsDecoder.TEMPLATE_ID)
            {
                pair.wrap(e.metricsOutput, body, header.blockLength(), header.version());
                listener.onPairDivergence(pair.etfSymbolId(), pair.indexSymbolId(), pair.divergence());
            }
            offset += 4 + length;
        }
    }
}

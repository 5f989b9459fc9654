package io.tickwire.gateway;

import org.agrona.DirectBuffer;

/**
 * What the output journal holds, one typed call per record kind, each with the whole record (SBE header
 * included) for the last-value cache and the renderer. Called by {@link OutputJournalAdapter}.
 */
interface OutputJournalListener
{
    void onSymbolDefined(int symbolId, String ticker, DirectBuffer record, int length);

    void onTrade(int symbolId, DirectBuffer record, int length);

    void onQuote(int symbolId, DirectBuffer record, int length);

    void onIndexValue(int symbolId, DirectBuffer record, int length);

    void onBar(int timeframeMillis, int symbolId, DirectBuffer record, int length);

    void onBarMetrics(int timeframeMillis, int symbolId, DirectBuffer record, int length);

    void onPairMetrics(int timeframeMillis, int etfSymbolId, int indexSymbolId, DirectBuffer record, int length);

    void onRegime(DirectBuffer record, int length);

    /**
     * @param owner the key the setup belongs to (0: an open gateway's)
     * @param rejected a refused command: the setup's state is unchanged, so it is not its latest state
     */
    void onSetupTransition(long setupId, int symbolId, long owner, boolean rejected, DirectBuffer buffer, int length);

    void onAlert(long setupId, int symbolId, DirectBuffer record, int length);

    void onFeedStatus(short cluster, DirectBuffer record, int length);

    /** @param state a {@link SymbolStates} state: limit bands, an imbalance, a fair value */
    void onSymbolState(int state, int symbolId, DirectBuffer record, int length);
}

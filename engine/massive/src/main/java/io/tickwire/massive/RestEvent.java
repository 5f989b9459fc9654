package io.tickwire.massive;

import java.util.List;

/**
 * A trade, quote or index value read from Massive's REST API, before it becomes a ring event on the ingest
 * thread (which owns the symbol table). Prices and sizes fixed point (10^6), times ns.
 */
record RestEvent(int type, String ticker, long eventTime, long participantTime, long trfTime, long price, long size,
    int exchange, int trfId, int tape, String tradeId, long sequence, List<Integer> conditions, long bidPrice,
    long bidSize, int bidExchange, long askPrice, long askSize, int askExchange)
{
}

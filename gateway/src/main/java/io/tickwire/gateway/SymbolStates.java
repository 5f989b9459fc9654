package io.tickwire.gateway;

import io.tickwire.codecs.sbe.FairMarketValueDecoder;
import io.tickwire.codecs.sbe.ImbalanceDecoder;
import io.tickwire.codecs.sbe.LimitBandsDecoder;

/**
 * The per-symbol states Massive publishes besides prices — limit-up/limit-down bands (LULD), auction imbalances
 * (NOI), fair market values (FMV): each on a channel of its own, the newest per symbol kept for snapshots.
 */
final class SymbolStates
{
    static final int LIMIT_BANDS = 0;
    static final int IMBALANCE = 1;
    static final int FAIR_VALUE = 2;
    static final int COUNT = 3;
    /** Channel names, by state. */
    static final String[] CHANNELS = {"luld", "imbalances", "fmv"};

    private SymbolStates()
    {
    }

    /** @return the state a record template carries, or -1 */
    static int of(final int templateId)
    {
        return switch (templateId)
        {
            case LimitBandsDecoder.TEMPLATE_ID -> LIMIT_BANDS;
            case ImbalanceDecoder.TEMPLATE_ID -> IMBALANCE;
            case FairMarketValueDecoder.TEMPLATE_ID -> FAIR_VALUE;
            default -> -1;
        };
    }
}

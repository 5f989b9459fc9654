package io.tickwire.engine.setups;

import io.tickwire.engine.bars.TradeConditionRules;

import io.tickwire.config.Keys;
import io.tickwire.config.TickwireConfig;

import java.util.List;

/** The setup evaluator's parameters (docs/setups.md). */
public final class SetupSettings
{
    int atrTimeframeMillis;
    double snapAtr;
    double stopThreatAtr;
    long alertCooldownNanos;
    double divergenceThreshold;
    int maxPerSymbol;
    int maxLive;
    /** Which trades set a price for setups and key levels: the bars' rules (bars.*ExcludedConditions). */
    TradeConditionRules tradeRules = new TradeConditionRules(List.of(), List.of());

    private SetupSettings()
    {
    }

    /** The shipped defaults (config/tickwire.properties): the one source of every default. */
    public static SetupSettings defaults()
    {
        return from(TickwireConfig.defaults());
    }

    public static SetupSettings from(final TickwireConfig config)
    {
        return new SetupSettings()
            .atrTimeframeMillis(config.get(Keys.SETUPS_ATR_TIMEFRAME).get(0))
            .snapAtr(config.get(Keys.SETUPS_SNAP_ATR))
            .stopThreatAtr(config.get(Keys.SETUPS_STOP_THREAT_ATR))
            .alertCooldownMillis(config.get(Keys.SETUPS_ALERT_COOLDOWN_MS))
            .divergenceThreshold(config.get(Keys.SETUPS_DIVERGENCE_THRESHOLD))
            .caps(config.get(Keys.SETUPS_MAX_PER_SYMBOL), config.get(Keys.SETUPS_MAX_LIVE))
            .tradeRules(new TradeConditionRules(config.get(Keys.BARS_PRICE_EXCLUDED_CONDITIONS),
                config.get(Keys.BARS_VOLUME_EXCLUDED_CONDITIONS)));
    }

    public SetupSettings tradeRules(final TradeConditionRules value)
    {
        tradeRules = value;
        return this;
    }

    public SetupSettings atrTimeframeMillis(final int value)
    {
        atrTimeframeMillis = value;
        return this;
    }

    public SetupSettings snapAtr(final double value)
    {
        snapAtr = value;
        return this;
    }

    public SetupSettings stopThreatAtr(final double value)
    {
        stopThreatAtr = value;
        return this;
    }

    public SetupSettings alertCooldownMillis(final long value)
    {
        alertCooldownNanos = value * 1_000_000L;
        return this;
    }

    /** Live setups at most per symbol and in all; adds beyond either are refused with the reason. */
    public SetupSettings caps(final int perSymbol, final int live)
    {
        maxPerSymbol = perSymbol;
        maxLive = live;
        return this;
    }

    public SetupSettings divergenceThreshold(final double value)
    {
        divergenceThreshold = value;
        return this;
    }
}

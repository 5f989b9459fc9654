package io.tickwire.engine.setups;

import io.tickwire.codecs.sbe.ConfirmRule;
import io.tickwire.codecs.sbe.SetupState;
import io.tickwire.codecs.sbe.Trail;

/**
 * What the bar and metrics stages' records mean for setups, read from each ring slot ({@link SlotRecordReader}):
 * a 1 s or 5 s bar closing in the zone confirms a READY setup with that rule, a 1 s close moves an EMA trail
 * after target 1, the ATR of the configured timeframe feeds targets, trails and stop-threat bands, and the
 * divergence of a setup's ETF/index pair raises the flow-divergence alert (hysteresis: re-armed below half).
 * Evaluator thread only.
 */
final class SetupSignals implements SlotRecordReader.Listener
{
    /** The evaluator's trigger: entry confirmed at a price. */
    interface Trigger
    {
        void trigger(Setup s, long price);
    }

    /** The evaluator's flow-divergence alert, through its cool-down. */
    interface DivergenceAlert
    {
        void alert(Setup s, double divergence);
    }

    private final SetupSettings settings;
    private final SetupBook book;
    private final Trigger trigger;
    private final DivergenceAlert divergenceAlert;

    SetupSignals(final SetupSettings settings, final SetupBook book, final Trigger trigger,
        final DivergenceAlert divergenceAlert)
    {
        this.settings = settings;
        this.book = book;
        this.trigger = trigger;
        this.divergenceAlert = divergenceAlert;
    }

    @Override
    public void onBarClose(final int symbolId, final int timeframeMillis, final long close)
    {
        if (!book.covers(symbolId))
        {
            return;
        }
        final Setup[] setups = book.setups(symbolId);
        for (int i = book.count(symbolId) - 1; i >= 0; i--)
        {
            final Setup s = setups[i];
            if (s.state == SetupState.READY.value() && s.inZone(close) &&
                (s.confirmRule == ConfirmRule.BAR_1S.value() && timeframeMillis == 1000 ||
                s.confirmRule == ConfirmRule.BAR_5S.value() && timeframeMillis == 5000))
            {
                trigger.trigger(s, close);
            }
            else if (s.state == SetupState.TARGET1.value() && s.trail == Trail.EMA.value() && timeframeMillis == 1000)
            {
                final long before = s.stop;
                s.trailByEma(close);
                s.unsaved |= s.stop != before;
                book.touched(symbolId);
            }
        }
    }

    @Override
    public void onAtr(final int symbolId, final int timeframeMillis, final double atr)
    {
        if (timeframeMillis == settings.atrTimeframeMillis && atr > 0)
        {
            book.atr(symbolId, atr);
            book.touched(symbolId); // trails and stop-threat bands move with the ATR
        }
    }

    @Override
    public void onPairDivergence(final int etfSymbolId, final int indexSymbolId, final double divergence)
    {
        onDivergence(etfSymbolId, divergence);
        onDivergence(indexSymbolId, divergence);
    }

    /** An active setup whose symbol's ETF/index pair diverges beyond the threshold; re-armed below half of it. */
    private void onDivergence(final int symbolId, final double divergence)
    {
        if (!book.covers(symbolId) || Double.isNaN(divergence))
        {
            return;
        }
        final Setup[] setups = book.setups(symbolId);
        for (int i = book.count(symbolId) - 1; i >= 0; i--)
        {
            final Setup s = setups[i];
            if (s.state == SetupState.ARMED.value())
            {
                continue;
            }
            if (s.divergenceArmed && Math.abs(divergence) > settings.divergenceThreshold)
            {
                s.divergenceArmed = false;
                divergenceAlert.alert(s, divergence);
            }
            else if (Math.abs(divergence) < settings.divergenceThreshold / 2)
            {
                s.divergenceArmed = true;
            }
        }
    }
}

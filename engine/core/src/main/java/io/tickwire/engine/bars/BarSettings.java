package io.tickwire.engine.bars;

import io.tickwire.config.Keys;
import io.tickwire.config.TickwireConfig;

import java.util.List;

/**
 * What the bar stage is built from (docs/operations.md, keys {@code bars.*}).
 *
 * @param timeframesMillis         the bars' timeframes, ascending
 * @param closeDelayMillis         how far a feed's clock passes a bar's end before it closes
 * @param latenessMillis           how long after its end a closed bar still takes a late trade (a revision)
 * @param revisionIntervalMillis   at most one re-emission of a bar per this much of its feed's clock (0: each)
 * @param dormantAfterMillis       a symbol without a trade or quote for this long gets no quiet bars (0: always)
 * @param priceExcludedConditions  trade conditions that do not set the price
 * @param volumeExcludedConditions trade conditions that do not count in volume
 */
public record BarSettings(List<Integer> timeframesMillis, int closeDelayMillis, long latenessMillis,
    long revisionIntervalMillis, long dormantAfterMillis, List<Integer> priceExcludedConditions, List<Integer> volumeExcludedConditions)
{
    public BarSettings
    {
        for (final int tf : timeframesMillis)
        {
            if (closeDelayMillis >= tf)
            {
                throw new IllegalArgumentException("bars.closeDelayMs (" + closeDelayMillis +
                    ") must be shorter than the smallest timeframe (" + tf + " ms)");
            }
        }
        if (revisionIntervalMillis >= latenessMillis && latenessMillis > 0)
        {
            throw new IllegalArgumentException("bars.revisionIntervalMs (" + revisionIntervalMillis +
                ") must be shorter than bars.latenessMs (" + latenessMillis + "): a revision waiting to be sent " +
                "must not outlive the bar it revises");
        }
    }

    public static BarSettings from(final TickwireConfig config)
    {
        return new BarSettings(config.get(Keys.BARS_TIMEFRAMES), config.get(Keys.BARS_CLOSE_DELAY_MS),
            config.get(Keys.BARS_LATENESS_MS), config.get(Keys.BARS_REVISION_INTERVAL_MS),
            config.get(Keys.BARS_DORMANT_AFTER_MS),
            config.get(Keys.BARS_PRICE_EXCLUDED_CONDITIONS), config.get(Keys.BARS_VOLUME_EXCLUDED_CONDITIONS));
    }
}

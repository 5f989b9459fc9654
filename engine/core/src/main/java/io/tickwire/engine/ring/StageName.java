package io.tickwire.engine.ring;

/** The ring's stages, in chain order; the ordinal is a stage's slot in {@code MarketEvent.stageFailures}. */
enum StageName
{
    SEQUENCER("sequencer"),
    INPUT_JOURNAL("input journal"),
    MICROBARS("microbars"),
    METRICS("metrics"),
    SETUPS("setups"),
    OUTPUT_JOURNAL("output journal");

    private static final StageName[] VALUES = values();
    private final String text;

    StageName(final String text)
    {
        this.text = text;
    }

    static StageName of(final int ordinal)
    {
        return VALUES[ordinal];
    }

    @Override
    public String toString()
    {
        return text;
    }
}

package org.freshears.chain;

/** A fixed gain on every channel. Gain(0) is exactly neutral (the processor does nothing). */
public record Gain(double gainDb) implements Step {
    /** A utility gain may trim a hot mix or lift a quiet one further than an EQ band would. */
    public static final double MAX_GAIN_DB = 60;

    public Gain {
        StepArguments.gainDb("gainDb", gainDb, MAX_GAIN_DB);
    }

    public double linearGain() {
        return StrictMath.pow(10, gainDb / 20);
    }

    @Override
    public Processor newProcessor() {
        return new GainProcessor(gainDb == 0 ? 1 : linearGain());
    }
}

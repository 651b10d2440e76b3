package org.freshears.chain;

/**
 * Settings that are surely a unit mistake, refused with both readings so the fix is one edit away:
 * {@code stereoWidth(1.1)} meant 110 %, not 1.1 % (nearly mono); {@code bell(7, -4)} meant 7 kHz, not
 * 7 Hz; {@code releaseMs(0.2)} meant 0.2 s. Only values no mastering engineer would set in the stated
 * unit are refused: a width of 1 % is mono in all but name, an EQ below 20 Hz is below hearing (the
 * high-pass and the low shelf, which live there, are not checked), a release under 1 ms distorts every
 * bass note. Each rule lives here once; the step records call it from their constructors.
 */
final class UnitMistakes {
    /** The lower edge of hearing: a bell, notch, band-pass, high shelf or low-pass below it is a kHz typo. */
    static final double LOWEST_AUDIBLE_HZ = 20;
    /** Below this a release is shorter than one cycle of any bass note: a seconds typo. */
    static final double SHORTEST_RELEASE_MS = 1;

    private UnitMistakes() {
    }

    /**
     * A percentage written as a ratio: {@code 0 < value <= ratioUpTo} (1.1 for 110 %, 0.5 for 50 %).
     * 0 stays allowed: it is a real setting (mono, fully dry).
     */
    static void percentNotRatio(String name, double percent, double ratioUpTo) {
        if (percent > 0 && percent <= ratioUpTo) {
            throw new IllegalArgumentException(name + " is in percent: " + StepArguments.format(percent)
                    + " means " + StepArguments.format(percent) + " %, which no one sets; if you meant a ratio of "
                    + StepArguments.format(percent) + ", that is " + scaled(percent, 2) + " %: write "
                    + scaled(percent, 2));
        }
    }

    /** A frequency in kHz written where Hz are expected: {@code 0 < value < 20}. */
    static void hzNotKhz(String name, double hz) {
        if (hz > 0 && hz < LOWEST_AUDIBLE_HZ) {
            throw new IllegalArgumentException(name + " is in Hz: " + StepArguments.format(hz) + " Hz is below hearing"
                    + " (20 Hz); if you meant " + StepArguments.format(hz) + " kHz, write "
                    + scaled(hz, 3));
        }
    }

    /** A release in seconds written where milliseconds are expected: {@code 0 < value < 1}. */
    static void msNotSeconds(String name, double ms) {
        if (ms > 0 && ms < SHORTEST_RELEASE_MS) {
            throw new IllegalArgumentException(name + " is in milliseconds: " + StepArguments.format(ms) + " ms is"
                    + " shorter than one cycle of any bass note; if you meant " + StepArguments.format(ms)
                    + " s, write " + scaled(ms, 3));
        }
    }

    /** The value times 10^powerOfTen as the user would type it: 1.1 -> 110, not 110.00000000000001. */
    static String scaled(double value, int powerOfTen) {
        return new java.math.BigDecimal(Double.toString(value)).scaleByPowerOfTen(powerOfTen).stripTrailingZeros()
                .toPlainString();
    }
}

package org.freshears.chain;

/**
 * Stereo width by mid/side: {@code S' = S * widthPercent / 100} (100 = unchanged, 0 = mono, up to 200 =
 * twice the side), and, when monoBassBelowHz > 0, the side is high-passed there by a 4th-order
 * Linkwitz-Riley (two cascaded 2nd-order Butterworth sections, -6 dB at the frequency, 24 dB/oct), so the
 * bass below it becomes mono. monoBassBelowHz = 0 disables it. Needs a stereo signal.
 * StereoWidth(100, 0) is exactly neutral.
 */
public record StereoWidth(double widthPercent, double monoBassBelowHz) implements Step {
    public static final double MAX_WIDTH_PERCENT = 200;

    public StereoWidth {
        UnitMistakes.percentNotRatio("widthPercent", widthPercent, MAX_WIDTH_PERCENT / 100);
        UnitMistakes.hzNotKhz("monoBassBelowHz", monoBassBelowHz);
        if (!(widthPercent >= 0 && widthPercent <= MAX_WIDTH_PERCENT)) {
            throw new IllegalArgumentException(
                    "widthPercent must be within 0..200, got " + StepArguments.format(widthPercent));
        }
        StepArguments.nonNegative("monoBassBelowHz", monoBassBelowHz);
    }

    public StereoWidth(double widthPercent) {
        this(widthPercent, 0);
    }

    public StereoWidth widthPercent(double value) {
        return new StereoWidth(value, monoBassBelowHz);
    }

    public StereoWidth monoBassBelowHz(double value) {
        return new StereoWidth(widthPercent, value);
    }

    @Override
    public Processor newProcessor() {
        return new StereoWidthProcessor(this);
    }
}

package org.freshears.translation;

/**
 * One streaming platform's loudness normalization in one playback mode, as {@code platforms.tsv} gives it.
 *
 * @param platform        lower-case name: {@code spotify}, {@code apple}, ...
 * @param mode            lower-case mode: {@code normal}, {@code loud}, {@code soundcheck}, ...
 * @param referenceLufs   the integrated loudness (BS.1770) tracks are brought to, LUFS
 * @param positiveGain    what happens to a track quieter than the reference
 * @param peakCeilingDbtp the true-peak ceiling that bounds positive gain ({@code PEAK}) or where the limiter
 *                        sits ({@code LIMITER}), dBTP; NaN for {@code NONE}
 * @param checked         the date the figures were checked against the source, ISO 8601
 * @param verification    {@code verified} (the platform's own page), {@code reported} (a named third party),
 *                        or {@code assumed}
 * @param source          the public page the figures come from
 * @param notes           what the source says, and what is assumed
 */
public record PlatformRule(String platform, String mode, double referenceLufs, PositiveGain positiveGain,
        double peakCeilingDbtp, String checked, String verification, String source, String notes) {

    public PlatformRule {
        if (!Double.isFinite(referenceLufs) || referenceLufs > 0 || referenceLufs < -70) {
            throw new IllegalArgumentException(platform + " " + mode + ": referenceLufs must be in [-70, 0], got "
                    + referenceLufs);
        }
        if (positiveGain != PositiveGain.NONE && !(peakCeilingDbtp <= 0)) {
            throw new IllegalArgumentException(platform + " " + mode + ": positive gain '" + positiveGain.key()
                    + "' needs a peakCeilingDbtp at or under 0, got " + peakCeilingDbtp);
        }
    }

    /** How the CLI and the DSL name it: the platform for its first (default) mode, else platform:mode. */
    public String name(boolean defaultMode) {
        return defaultMode ? platform : platform + ":" + mode;
    }
}

package org.freshears.chain;

import org.freshears.audio.AudioBuffer;
import org.freshears.measure.SpectrumAnalyzer;

/**
 * A match EQ: moves the tonal balance of its input toward a reference's,
 * {@code matchEq(ref).amount(0.5).smoothingOctaves(1/3.0).maxBoostDb(3).maxCutDb(6).rangeHz(30, 16000)}.
 * It depends on its input, so it is resolved against the audio it receives (as a loudness target is) into
 * a {@link MatchEqCurve}, the designed curve, which is what a session saves and a replay renders: no
 * reference file is needed again.
 *
 * <p><b>The design.</b> Both long-term spectra are read into 1/24-octave bands ({@link MatchTarget}), each
 * smoothed by a power mean over the bands within ±{@code smoothingOctaves}/2 octave (1/3 octave by default,
 * about a critical band: wide enough not to chase single notes, narrow enough to follow a voicing), and
 * their difference taken in dB (reference minus input). That difference is made level-independent by
 * subtracting its mean over the range (each 1/24 octave weighing the same): two songs at different
 * loudness, or a reference measured at another FFT size, give the same curve, and the curve neither lifts
 * nor lowers the whole song on average, leaving loudness to the loudness step after it. Normalising by
 * loudness instead would let the reference's low end, which K-weighting discounts, set the offset, so a
 * bass-heavy reference would read as a broadband gain. Then the curve is scaled by {@code amount}, clamped
 * to {@code +maxBoostDb} / {@code −maxCutDb}, and outside {@code rangeHz} the measured difference is not
 * used: the curve holds the value at the range's edge and fades it to 0 dB over {@value #FADE_OCTAVES}
 * octave by a raised cosine (a lossy reference's 16 kHz cliff or the sub-bass rumble of either song is not
 * "tone" to copy).
 *
 * <p><b>Defaults</b>, as a mastering engineer would start: amount 0.5 (full strength copies the
 * reference's arrangement as well as its balance; a match EQ is a direction, not a destination), 1/3-octave
 * smoothing, at most +3 dB of boost and 6 dB of cut (boosts cost headroom and are heard sooner than cuts),
 * 30 Hz to 16 kHz (below, the songs' bass notes differ rather than their balance; above, MP3 and AAC
 * references are often low-passed).
 *
 * @param target           the reference's spectrum, as measured
 * @param amount           0 (nothing) to 1 (the full difference)
 * @param smoothingOctaves width of the smoothing, octaves, &gt; 0
 * @param maxBoostDb       largest boost, dB, &gt;= 0
 * @param maxCutDb         largest cut, dB, &gt;= 0 (a cut of 6 dB is 6)
 * @param lowHz            bottom of the range corrected, Hz, &gt;= 20
 * @param highHz           top of the range corrected, Hz, above lowHz and at most the Nyquist frequency
 */
public record MatchEq(MatchTarget target, double amount, double smoothingOctaves, double maxBoostDb,
        double maxCutDb, double lowHz, double highHz) implements AdaptiveStep {
    public static final double DEFAULT_AMOUNT = 0.5;
    public static final double DEFAULT_SMOOTHING_OCTAVES = 1 / 3.0;
    public static final double DEFAULT_MAX_BOOST_DB = 3;
    public static final double DEFAULT_MAX_CUT_DB = 6;
    public static final double DEFAULT_LOW_HZ = 30;
    public static final double DEFAULT_HIGH_HZ = 16_000;
    /** How far outside the range the curve takes to fade to 0 dB. */
    public static final double FADE_OCTAVES = 0.5;
    /** Smoothing wider than 4 octaves is a tilt, which a shelf does better. */
    static final double MAX_SMOOTHING_OCTAVES = 4;

    public MatchEq {
        StepArguments.notNull("target", target);
        check(amount, smoothingOctaves, maxBoostDb, maxCutDb, lowHz, highHz);
    }

    /** The defaults above. */
    public static MatchEq to(MatchTarget target) {
        return new MatchEq(target, DEFAULT_AMOUNT, DEFAULT_SMOOTHING_OCTAVES, DEFAULT_MAX_BOOST_DB, DEFAULT_MAX_CUT_DB,
                DEFAULT_LOW_HZ, DEFAULT_HIGH_HZ);
    }

    /** The validation a match EQ and its designed curve share: one line naming the setting. */
    static void check(double amount, double smoothingOctaves, double maxBoostDb, double maxCutDb, double lowHz,
            double highHz) {
        if (amount > 1 && amount <= 100) {
            throw new IllegalArgumentException("amount must be in [0, 1], got " + StepArguments.format(amount)
                    + "; if you meant " + StepArguments.format(amount) + " %, write " + UnitMistakes.scaled(amount, -2));
        }
        StepArguments.inRange("amount", amount, 0, 1);
        StepArguments.positive("smoothingOctaves", smoothingOctaves);
        StepArguments.atMost("smoothingOctaves", smoothingOctaves, MAX_SMOOTHING_OCTAVES);
        StepArguments.nonNegative("maxBoostDb", maxBoostDb);
        StepArguments.gainDb("maxBoostDb", maxBoostDb);
        StepArguments.nonNegative("maxCutDb", maxCutDb);
        StepArguments.gainDb("maxCutDb", maxCutDb);
        UnitMistakes.hzNotKhz("rangeHz low", lowHz);
        StepArguments.atLeast("rangeHz low", lowHz, UnitMistakes.LOWEST_AUDIBLE_HZ);
        StepArguments.finite("rangeHz high", highHz);
        if (!(highHz > lowHz)) {
            throw new IllegalArgumentException("rangeHz high must be above its low " + StepArguments.format(lowHz)
                    + " Hz, got " + StepArguments.format(highHz) + (highHz > 0 && highHz < 100 && highHz * 1000 > lowHz
                    ? "; if you meant " + StepArguments.format(highHz) + " kHz, write " + StepArguments.format(
                    highHz * 1000) : ""));
        }
    }

    public MatchEq amount(double value) {
        return new MatchEq(target, value, smoothingOctaves, maxBoostDb, maxCutDb, lowHz, highHz);
    }

    public MatchEq smoothingOctaves(double octaves) {
        return new MatchEq(target, amount, octaves, maxBoostDb, maxCutDb, lowHz, highHz);
    }

    public MatchEq maxBoostDb(double db) {
        return new MatchEq(target, amount, smoothingOctaves, db, maxCutDb, lowHz, highHz);
    }

    public MatchEq maxCutDb(double db) {
        return new MatchEq(target, amount, smoothingOctaves, maxBoostDb, db, lowHz, highHz);
    }

    public MatchEq rangeHz(double low, double high) {
        return new MatchEq(target, amount, smoothingOctaves, maxBoostDb, maxCutDb, low, high);
    }

    /** Measures the input's long-term spectrum and designs the curve that moves it toward the target. */
    @Override
    public MatchEqCurve resolve(AudioBuffer input) {
        return design(MatchTarget.of("input", new SpectrumAnalyzer().analyze(input)));
    }

    /** The curve that moves a signal with this spectrum toward the target (the steps in the class comment). */
    public MatchEqCurve design(MatchTarget input) {
        int points = Math.min(target.points(), input.points());
        double top = target.frequencyHz(points - 1);
        if (highHz > top * StrictMath.pow(2, 1.0 / (2 * MatchTarget.POINTS_PER_OCTAVE))) {
            throw new IllegalArgumentException("rangeHz high " + StepArguments.format(highHz) + " Hz is above what "
                    + (target.points() <= input.points() ? "the reference '" + target.name() + "'" : "the input")
                    + " holds (its spectrum ends at " + Math.round(top) + " Hz); lower it");
        }
        double[] difference = new double[points];
        double[] reference = smoothed(target, points);
        double[] measured = smoothed(input, points);
        double sum = 0;
        int inside = 0;
        int firstInside = -1;
        int lastInside = -1;
        for (int i = 0; i < points; i++) {
            difference[i] = reference[i] - measured[i];
            double f = target.frequencyHz(i);
            if (f >= lowHz && f <= highHz) {
                sum += difference[i];
                inside++;
                firstInside = firstInside < 0 ? i : firstInside;
                lastInside = i;
            }
        }
        if (inside == 0) {
            throw new IllegalArgumentException("rangeHz " + StepArguments.format(lowHz) + " to "
                    + StepArguments.format(highHz) + " Hz is narrower than one 1/24-octave band; widen it");
        }
        double mean = sum / inside;
        double[] gains = new double[points];
        for (int i = 0; i < points; i++) {
            int from = Math.max(firstInside, Math.min(lastInside, i));
            double gain = clamp(amount * (difference[from] - mean));
            double f = target.frequencyHz(i);
            double outsideOctaves = f < lowHz ? log2(lowHz / f) : f > highHz ? log2(f / highHz) : 0;
            gains[i] = round(gain * fade(outsideOctaves));
        }
        return new MatchEqCurve(target.name(), amount, smoothingOctaves, maxBoostDb, maxCutDb, lowHz, highHz,
                java.util.Arrays.copyOf(target.frequenciesHz(), points), gains);
    }

    /** Power mean over the bands within ±smoothingOctaves/2 of each band (fewer at the grid's ends). */
    private double[] smoothed(MatchTarget spectrum, int points) {
        int half = (int) Math.floor(smoothingOctaves * MatchTarget.POINTS_PER_OCTAVE / 2 + 1e-9);
        double[] power = new double[points];
        for (int i = 0; i < points; i++) {
            power[i] = StrictMath.pow(10, spectrum.levelDb(i) / 10);
        }
        double[] db = new double[points];
        for (int i = 0; i < points; i++) {
            double sum = 0;
            int from = Math.max(0, i - half);
            int to = Math.min(points - 1, i + half);
            for (int j = from; j <= to; j++) {
                sum += power[j];
            }
            db[i] = 10 * StrictMath.log10(sum / (to - from + 1));
        }
        return db;
    }

    private double clamp(double gainDb) {
        return Math.max(-maxCutDb, Math.min(maxBoostDb, gainDb));
    }

    /** 1 inside the range, falling by a raised cosine to 0 at {@value #FADE_OCTAVES} octave outside it. */
    static double fade(double outsideOctaves) {
        if (outsideOctaves <= 0) {
            return 1;
        }
        if (outsideOctaves >= FADE_OCTAVES) {
            return 0;
        }
        return 0.5 * (1 + StrictMath.cos(StrictMath.PI * outsideOctaves / FADE_OCTAVES));
    }

    /** A thousandth of a dB: below anything audible, and the session file stays readable. */
    private static double round(double db) {
        double r = Math.rint(db * 1000) / 1000;
        return r == 0 ? 0 : r; // no -0.0 in the file
    }

    static double log2(double x) {
        return StrictMath.log(x) / StrictMath.log(2);
    }

    @Override
    public String toString() {
        return "MatchEq[target=" + target + ", amount=" + amount + ", smoothingOctaves=" + smoothingOctaves
                + ", maxBoostDb=" + maxBoostDb + ", maxCutDb=" + maxCutDb + ", lowHz=" + lowHz + ", highHz=" + highHz
                + "]";
    }
}

package org.freshears.chain;

import java.util.Arrays;
import java.util.Locale;

/**
 * A match EQ as designed ({@link MatchEq#resolve}): the correction curve, gains in dB at frequency points,
 * with the settings it was designed with. It renders from the curve alone, so a session file that holds it
 * replays without the reference.
 *
 * <p><b>Linear phase.</b> The curve is realised as a symmetric FIR ({@link org.freshears.dsp.LinearPhaseDesign}:
 * the gain, interpolated linearly in dB over log-frequency between points and held beyond the first and
 * last, is sampled at 8 (D + 1) frequencies, inverse-transformed with zero phase, windowed to 2D + 1 taps
 * and delayed by D = 2^k − 1 ≥ a third of a second of the sample rate, at most
 * {@value org.freshears.dsp.LinearPhaseDesign#MAX_HALF_TAPS}). Why linear rather than minimum phase: the
 * curve comes from two long-term magnitude spectra, which say nothing about phase; a linear-phase filter
 * changes only the magnitude, so the correction adds no phase shift between bands that neither song had
 * (a minimum-phase filter would turn each bump of the curve into phase rotation around it, smearing the
 * low end where the curve moves most). The cost is latency, which the renderer compensates (the output is
 * aligned with the input to the frame), and pre-ringing: energy before a transient, the longer the
 * sharper the curve's features. The 1/3-octave smoothing and the few dB the curve is clamped to keep it
 * small, but a narrow smoothing (1/12 octave and below) at low frequencies can smear a kick's attack;
 * widen the smoothing when it does.
 *
 * @param reference        the name of what was matched (informative)
 * @param amount           as designed, see {@link MatchEq}
 * @param smoothingOctaves as designed
 * @param maxBoostDb       as designed; every gain is at most this
 * @param maxCutDb         as designed; every gain is at least minus this
 * @param lowHz            the range corrected, as designed
 * @param highHz           the range corrected, as designed
 * @param frequenciesHz    the curve's points, ascending, Hz
 * @param gainsDb          the gain at each point, dB
 */
public record MatchEqCurve(String reference, double amount, double smoothingOctaves, double maxBoostDb,
        double maxCutDb, double lowHz, double highHz, double[] frequenciesHz, double[] gainsDb) implements Step {
    /** The FIR's half length is at least this much of a second (sharper curves at low frequencies need more). */
    static final double MIN_HALF_SECONDS = 1 / 3.0;

    public MatchEqCurve {
        StepArguments.notNull("reference", reference);
        MatchEq.check(amount, smoothingOctaves, maxBoostDb, maxCutDb, lowHz, highHz);
        frequenciesHz = StepArguments.notNull("frequenciesHz", frequenciesHz).clone();
        gainsDb = StepArguments.notNull("gainsDb", gainsDb).clone();
        if (frequenciesHz.length != gainsDb.length) {
            throw new IllegalArgumentException(frequenciesHz.length + " frequencies for " + gainsDb.length + " gains");
        }
        if (frequenciesHz.length < 2) {
            throw new IllegalArgumentException("a match EQ curve needs at least 2 points, got " + frequenciesHz.length);
        }
        for (int i = 0; i < frequenciesHz.length; i++) {
            StepArguments.positive("frequenciesHz[" + i + "]", frequenciesHz[i]);
            if (i > 0 && !(frequenciesHz[i] > frequenciesHz[i - 1])) {
                throw new IllegalArgumentException("frequenciesHz must rise, but point " + (i + 1) + " ("
                        + StepArguments.format(frequenciesHz[i]) + " Hz) is not above the one before");
            }
            StepArguments.inRange("gainsDb[" + i + "]", gainsDb[i], -maxCutDb, maxBoostDb);
        }
    }

    @Override
    public double[] frequenciesHz() {
        return frequenciesHz.clone();
    }

    @Override
    public double[] gainsDb() {
        return gainsDb.clone();
    }

    public int points() {
        return frequenciesHz.length;
    }

    /** The curve's gain at a frequency: linear in dB over log-frequency between points, held beyond the ends. */
    public double gainDbAt(double freqHz) {
        int n = frequenciesHz.length;
        if (!(freqHz > frequenciesHz[0])) {
            return gainsDb[0];
        }
        if (freqHz >= frequenciesHz[n - 1]) {
            return gainsDb[n - 1];
        }
        int i = Arrays.binarySearch(frequenciesHz, freqHz);
        if (i >= 0) {
            return gainsDb[i];
        }
        int hi = -i - 1;
        return between(hi - 1, freqHz);
    }

    private double between(int lo, double freqHz) {
        double t = StrictMath.log(freqHz / frequenciesHz[lo]) / StrictMath.log(frequenciesHz[lo + 1] / frequenciesHz[lo]);
        return gainsDb[lo] + t * (gainsDb[lo + 1] - gainsDb[lo]);
    }

    /** True when every gain is 0 dB: the step passes the audio through. */
    public boolean flat() {
        for (double g : gainsDb) {
            if (g != 0) {
                return false;
            }
        }
        return true;
    }

    /** The point of the largest boost (its index), or -1 when nothing is boosted. */
    public int largestBoost() {
        int best = -1;
        for (int i = 0; i < gainsDb.length; i++) {
            if (gainsDb[i] > 0 && (best < 0 || gainsDb[i] > gainsDb[best])) {
                best = i;
            }
        }
        return best;
    }

    /** The point of the largest cut (its index), or -1 when nothing is cut. */
    public int largestCut() {
        int best = -1;
        for (int i = 0; i < gainsDb.length; i++) {
            if (gainsDb[i] < 0 && (best < 0 || gainsDb[i] < gainsDb[best])) {
                best = i;
            }
        }
        return best;
    }

    /** Half the FIR's length at a sample rate: 2^k − 1 frames, at least a third of a second. */
    public static int halfTaps(int sampleRate) {
        int half = org.freshears.dsp.LinearPhaseDesign.MIN_HALF_TAPS;
        while (half < sampleRate * MIN_HALF_SECONDS && half < org.freshears.dsp.LinearPhaseDesign.MAX_HALF_TAPS) {
            half = 2 * half + 1;
        }
        return half;
    }

    /**
     * The symmetric FIR realising the curve at a sample rate (2D + 1 taps, delay D), or null for a flat
     * curve. Plain IEEE arithmetic and StrictMath only: the same taps on every JVM.
     */
    public double[] taps(int sampleRate) {
        double nyquist = sampleRate / 2.0;
        if (highHz > nyquist) {
            throw new IllegalArgumentException("rangeHz high " + StepArguments.format(highHz)
                    + " Hz must be at most the Nyquist frequency (" + StepArguments.format(nyquist) + " Hz)");
        }
        if (flat()) {
            return null;
        }
        int half = halfTaps(sampleRate);
        int grid = org.freshears.dsp.LinearPhaseDesign.gridPoints(half);
        double[] magnitude = new double[grid / 2 + 1];
        int n = frequenciesHz.length;
        int lo = 0; // the points rise with k: walk them once
        for (int k = 0; k < magnitude.length; k++) {
            double f = k * (double) sampleRate / grid;
            double db;
            if (!(f > frequenciesHz[0])) {
                db = gainsDb[0];
            } else if (f >= frequenciesHz[n - 1]) {
                db = gainsDb[n - 1];
            } else {
                while (frequenciesHz[lo + 1] <= f) {
                    lo++;
                }
                db = f == frequenciesHz[lo] ? gainsDb[lo] : between(lo, f);
            }
            magnitude[k] = StrictMath.pow(10, db / 20);
        }
        return org.freshears.dsp.LinearPhaseDesign.fromMagnitude(magnitude, half);
    }

    @Override
    public Processor newProcessor() {
        return new LinearPhaseProcessor(this, this::taps);
    }

    /** The largest boost and cut and where, in words: "largest boost +2.1 dB at 63 Hz, largest cut -3.4 dB at 4 kHz". */
    public String extremes() {
        int boost = largestBoost();
        int cut = largestCut();
        return (boost < 0 ? "no boost" : String.format(Locale.ROOT, "largest boost %+.1f dB at %s", gainsDb[boost],
                hz(frequenciesHz[boost]))) + ", " + (cut < 0 ? "no cut" : String.format(Locale.ROOT,
                "largest cut %.1f dB at %s", gainsDb[cut], hz(frequenciesHz[cut])));
    }

    static String hz(double hz) {
        return hz >= 1000 ? String.format(Locale.ROOT, "%.1f kHz", hz / 1000) : Math.round(hz) + " Hz";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MatchEqCurve c && reference.equals(c.reference) && Double.compare(amount, c.amount) == 0
                && Double.compare(smoothingOctaves, c.smoothingOctaves) == 0
                && Double.compare(maxBoostDb, c.maxBoostDb) == 0 && Double.compare(maxCutDb, c.maxCutDb) == 0
                && Double.compare(lowHz, c.lowHz) == 0 && Double.compare(highHz, c.highHz) == 0
                && Arrays.equals(frequenciesHz, c.frequenciesHz) && Arrays.equals(gainsDb, c.gainsDb);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(reference, amount, smoothingOctaves, maxBoostDb, maxCutDb, lowHz, highHz,
                Arrays.hashCode(frequenciesHz), Arrays.hashCode(gainsDb));
    }

    @Override
    public String toString() {
        return "MatchEqCurve[reference='" + reference + "', amount=" + amount + ", smoothingOctaves=" + smoothingOctaves
                + ", maxBoostDb=" + maxBoostDb + ", maxCutDb=" + maxCutDb + ", lowHz=" + lowHz + ", highHz=" + highHz
                + ", " + points() + " points from " + hz(frequenciesHz[0]) + " to " + hz(frequenciesHz[points() - 1])
                + "; " + extremes() + "]";
    }
}

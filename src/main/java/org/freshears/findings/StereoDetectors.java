package org.freshears.findings;

import static org.freshears.findings.Phrases.f;
import static org.freshears.findings.Phrases.hz;
import static org.freshears.findings.Phrases.number;

import java.util.ArrayList;
import java.util.List;
import org.freshears.checklist.Band;
import org.freshears.measure.Analysis;
import org.freshears.measure.Spectrum;

/**
 * Stereo and mono, from the long-term spectrum's left, right, mid (L+R)/2 and side (L−R)/2 series and the
 * L/R correlation: bass that is not mono, loss when folded to mono per octave, a leaning image, a mix that
 * is nearly mono, an inverted channel. Two-channel mixes only.
 */
final class StereoDetectors {
    /** Phase cancellation is judged per octave band, from 63 Hz to 8 kHz (centres). */
    static final double PHASE_LOWEST_CENTRE_HZ = 63;
    static final double PHASE_HIGHEST_CENTRE_HZ = 8000;
    /** The mono-bass suggestion's corner: a little below the detector's limit, as mastering M/S tools set it. */
    static final double MONO_BASS_SUGGESTED_HZ = 120;

    private StereoDetectors() {
    }

    static List<Finding> detect(Analysis a, Spectrum s, FindingThresholds t) {
        List<Finding> found = new ArrayList<>();
        int left = s.seriesNames().indexOf("FRONT_LEFT");
        int right = s.seriesNames().indexOf("FRONT_RIGHT");
        int mid = s.seriesNames().indexOf(Spectrum.MID);
        int side = s.seriesNames().indexOf(Spectrum.SIDE);
        if (a.channels() != 2 || mid < 0 || side < 0) {
            return found;
        }
        left = left < 0 ? 0 : left;
        right = right < 0 ? 1 : right;
        polarity(a, t, found);
        monoBass(s, mid, side, t, found);
        phase(s, left, right, mid, t, found);
        balance(a, t, found);
        width(s, mid, side, t, found);
        return found;
    }

    /** Sum of bin powers of a series over [lowHz, highHz). */
    static double power(Spectrum s, int series, double lowHz, double highHz) {
        double sum = 0;
        for (int k = 0; k < s.bins(); k++) {
            double hz = s.frequencyHz(k);
            double db = s.levelDb(series, k);
            if (hz >= lowHz && hz < highHz && Double.isFinite(db)) {
                sum += Math.pow(10, db / 10);
            }
        }
        return sum;
    }

    private static double ratioDb(double a, double b) {
        return a > 0 && b > 0 ? 10 * Math.log10(a / b) : a > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    private static void polarity(Analysis a, FindingThresholds t, List<Finding> found) {
        double r = a.levels().correlation();
        if (r <= t.polarityCorrelation()) {
            found.add(new Finding(FindingKind.POLARITY, Severity.PROBLEM, "one channel's polarity inverted", null,
                    null, r, t.polarityCorrelation(), "",
                    f("Left and right correlate at %.2f over the whole song: they mostly move in opposite "
                            + "directions, so the mix vanishes in mono.", r),
                    "Check the polarity of the mix bus or of a channel in the mix (a flipped cable or plug-in).",
                    ""));
        }
    }

    private static void monoBass(Spectrum s, int mid, int side, FindingThresholds t, List<Finding> found) {
        double ratio = ratioDb(power(s, side, Spectrum.GRID_LOW_HZ, t.monoBassBelowHz()),
                power(s, mid, Spectrum.GRID_LOW_HZ, t.monoBassBelowHz()));
        if (!(ratio >= t.monoBassSideDb()) || Double.isInfinite(ratio) && ratio < 0) {
            return;
        }
        double shown = Math.min(ratio, 99);
        Severity severity = shown - t.monoBassSideDb() >= t.stereoProblemMarginDb() ? Severity.PROBLEM : Severity.WARNING;
        found.add(new Finding(FindingKind.MONO_BASS, severity, "low end not mono", null,
                new Band(Spectrum.GRID_LOW_HZ, t.monoBassBelowHz()), shown, t.monoBassSideDb(), "dB",
                f("Below %s the side is only %.1f dB under the mid (threshold %.0f dB): the bass differs between the "
                        + "speakers, so it wanders and partly cancels in mono.", hz(t.monoBassBelowHz()), -shown,
                        -t.monoBassSideDb()),
                "Make the low end mono: narrow it below about 120 Hz.",
                f("stereoWidth(100).monoBassBelowHz(%s)", number(MONO_BASS_SUGGESTED_HZ))));
    }

    /**
     * Folded to mono, an octave band keeps 10·log10(P_mid / mean(P_L, P_R)) of its power: 0 dB when both
     * channels are the same, −3 dB when unrelated, less when they oppose.
     */
    private static void phase(Spectrum s, int left, int right, int mid, FindingThresholds t, List<Finding> found) {
        double worstLoss = 0;
        double worstCentre = 0;
        for (double centre = PHASE_LOWEST_CENTRE_HZ; centre <= PHASE_HIGHEST_CENTRE_HZ * 1.01; centre *= 2) {
            double lo = centre / Math.sqrt(2);
            double hi = centre * Math.sqrt(2);
            double channels = (power(s, left, lo, hi) + power(s, right, lo, hi)) / 2;
            double loss = ratioDb(power(s, mid, lo, hi), channels);
            if (channels > 0 && loss < worstLoss) {
                worstLoss = loss;
                worstCentre = centre;
            }
        }
        if (!(worstLoss <= t.phaseLossDb())) {
            return;
        }
        double shown = Math.max(worstLoss, -99);
        Severity severity = t.phaseLossDb() - shown >= t.stereoProblemMarginDb() ? Severity.PROBLEM : Severity.WARNING;
        Band band = new Band(worstCentre / Math.sqrt(2), worstCentre * Math.sqrt(2));
        found.add(new Finding(FindingKind.PHASE_CANCELLATION, severity, "cancels in mono around " + hz(worstCentre),
                null, band, shown, t.phaseLossDb(), "dB",
                f("Folded to mono, the %s octave loses %.1f dB (unrelated channels lose 3 dB): left and right "
                        + "partly oppose there.", band, -shown),
                "Check that octave's stereo sources for phase (a widener, a doubled part, a mis-aligned mic pair).",
                ""));
    }

    private static void balance(Analysis a, FindingThresholds t, List<Finding> found) {
        List<Double> rms = a.levels().channelRmsDbfs();
        double diff = rms.get(0) - rms.get(1);
        if (!(Math.abs(diff) >= t.channelImbalanceDb())) {
            return;
        }
        Severity severity = Math.abs(diff) - t.channelImbalanceDb() >= t.stereoProblemMarginDb() ? Severity.PROBLEM
                : Severity.WARNING;
        String louder = diff > 0 ? "left" : "right";
        found.add(new Finding(FindingKind.CHANNEL_IMBALANCE, severity, "image leans " + louder, null, null,
                Math.abs(diff), t.channelImbalanceDb(), "dB",
                f("The %s channel is %.1f dB louder in RMS over the whole song (threshold %.1f dB).", louder,
                        Math.abs(diff), t.channelImbalanceDb()),
                "Check the mix's pan and balance; if it is intended, leave it.", ""));
    }

    private static void width(Spectrum s, int mid, int side, FindingThresholds t, List<Finding> found) {
        double top = Math.min(Spectrum.GRID_HIGH_HZ, s.sampleRate() / 2.0);
        double ratio = ratioDb(power(s, side, Spectrum.GRID_LOW_HZ, top), power(s, mid, Spectrum.GRID_LOW_HZ, top));
        if (!(ratio <= t.narrowStereoSideDb())) {
            return;
        }
        double shown = Math.max(ratio, -99);
        found.add(new Finding(FindingKind.NARROW_STEREO, Severity.INFO,
                Double.isInfinite(ratio) ? "mono" : "nearly mono", null, null, shown, t.narrowStereoSideDb(), "dB",
                Double.isInfinite(ratio) ? "Left and right are identical: the mix is mono."
                        : f("The side is %.1f dB under the mid over the whole song: the stereo image is narrow.", -shown),
                "If a wider image is wanted, widen it in the mix; a mastering widener works only on what is there.",
                ""));
    }
}

package org.freshears.session;

import java.util.Locale;
import org.freshears.measure.SpectrumCurve;

/**
 * Two versions side by side, the way mastering engineers listen back: with {@link #levelMatched()}, B's
 * level is moved by {@code gainDb} so both have the same integrated loudness, and the spectral
 * difference shows what changed besides loudness.
 *
 * @param nameA the reference (usually "mix")
 * @param nameB the version compared with it
 * @param gainDb the gain applied to B (0 unless level matched)
 * @param matched whether B was moved to A's loudness (a match can need no gain at all)
 */
public record Comparison(String nameA, Snapshot a, String nameB, Snapshot b, double gainDb, boolean matched) {
    /** The smoothing of the comparison chart (1/6 octave), so the figures and the chart agree. */
    static final int CHART_SMOOTHING = 6;

    /** The two side by side as they are, B not moved. */
    public static Comparison asIs(String nameA, Snapshot a, String nameB, Snapshot b) {
        return new Comparison(nameA, a, nameB, b, 0, false);
    }

    /** B moved to A's integrated loudness (the same whether or not it was matched before). */
    public Comparison levelMatched() {
        double ia = a.analysis().integratedLufs();
        double ib = b.analysis().integratedLufs();
        if (!canLevelMatch()) {
            throw new IllegalArgumentException("cannot level-match '" + nameA + "' and '" + nameB
                    + "': one of them has no integrated loudness (silence)");
        }
        return new Comparison(nameA, a, nameB, b, ia - ib, true);
    }

    /** Whether both have an integrated loudness to match (neither is silence). */
    public boolean canLevelMatch() {
        return !Double.isNaN(a.analysis().integratedLufs()) && !Double.isNaN(b.analysis().integratedLufs());
    }

    public boolean isLevelMatched() {
        return matched;
    }

    /**
     * B minus A in a band, after B's gain: the mean over the band of the difference curve the comparison
     * chart draws (1/6-octave smoothed, power mean of the channels), in dB. NaN if the band holds no
     * point where both have sound.
     */
    public double differenceDb(double lowHz, double highHz) {
        SpectrumCurve curveA = a.analysis().spectrum().smoothed(CHART_SMOOTHING);
        double[] levelsA = curveA.channelMeanDb();
        double[] levelsB = b.analysis().spectrum().smoothed(CHART_SMOOTHING).channelMeanDb();
        double sum = 0;
        int n = 0;
        for (int i = 0; i < levelsA.length; i++) {
            double f = curveA.frequencyHz(i);
            double d = levelsB[i] + gainDb - levelsA[i];
            if (f >= lowHz && f < highHz && Double.isFinite(d)) {
                sum += d;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("'").append(nameB).append("' against '").append(nameA).append("'");
        if (isLevelMatched()) {
            sb.append(String.format(Locale.ROOT, ", level-matched (%s moved %+.1f dB)", nameB, gainDb));
        }
        sb.append(String.format(Locale.ROOT, ":%n  lows 20-250 Hz %+.1f dB, low mids 250-2k %+.1f dB, "
                + "presence 2k-6k %+.1f dB, air 6k-20k %+.1f dB", differenceDb(20, 250), differenceDb(250, 2_000),
                differenceDb(2_000, 6_000), differenceDb(6_000, 20_000)));
        return sb.toString();
    }
}

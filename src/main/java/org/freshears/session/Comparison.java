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
 * @param reference the reference track B is ({@code s.compare("mix", ref)}; B's name is its key,
 *     "reference:NAME"), or null when B is a version of the session
 */
public record Comparison(String nameA, Snapshot a, String nameB, Snapshot b, double gainDb, boolean matched,
        Reference reference) {
    /** The smoothing of the comparison chart (1/6 octave), so the figures and the chart agree. */
    static final int CHART_SMOOTHING = 6;

    /** The two side by side as they are, B not moved. */
    public static Comparison asIs(String nameA, Snapshot a, String nameB, Snapshot b) {
        return new Comparison(nameA, a, nameB, b, 0, false, null);
    }

    /** A version against a reference track, the reference not moved yet. */
    public static Comparison againstReference(String nameA, Snapshot a, Reference reference) {
        return new Comparison(nameA, a, reference.key(), reference.snapshot(), 0, false, reference);
    }

    /** B moved to A's integrated loudness (the same whether or not it was matched before). */
    public Comparison levelMatched() {
        double ia = a.analysis().integratedLufs();
        double ib = b.analysis().integratedLufs();
        if (!canLevelMatch()) {
            throw new IllegalArgumentException("cannot level-match '" + nameA + "' and '" + nameB
                    + "': one of them has no integrated loudness (silence)");
        }
        return new Comparison(nameA, a, nameB, b, ia - ib, true, reference);
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

    /** Whether B is a reference track. */
    public boolean hasReference() {
        return reference != null;
    }

    /** A's and B's figures side by side (loudness, LRA, PLR, PSR, true peak, width, balance): level does not move them. */
    public SideBySide sideBySide() {
        return SideBySide.of(nameA, a.analysis(), nameB, b.analysis());
    }

    /**
     * A minus B per third octave, level-matched (B moved to A's loudness) whether or not this comparison was:
     * tone, not level. As they are when either is silence.
     */
    public BandDifferences thirdOctaves() {
        return BandDifferences.of(a.analysis(), b.analysis(), canLevelMatch() ? levelMatched().gainDb() : 0);
    }

    /**
     * What stands out between A and B in words, B as "the reference" ({@link ReferenceFindings}):
     * "2.1 dB less at 56–112 Hz than the reference".
     */
    public java.util.List<String> findings() {
        return ReferenceFindings.of(sideBySide(), thirdOctaves());
    }

    @Override
    public String toString() {
        if (reference != null) {
            return againstReferenceText();
        }
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

    /** The table and the findings, in whole lines under the shell's limit ({@link Session#PRINTED_CHARS}). */
    private String againstReferenceText() {
        StringBuilder sb = new StringBuilder();
        sb.append("'").append(nameA).append("' against reference '").append(reference.name()).append("' (")
                .append(reference.path()).append(reference.span().map(s -> " " + s).orElse("")).append(")");
        if (isLevelMatched()) {
            sb.append(String.format(Locale.ROOT, ", level-matched (the reference moved %+.1f dB)", gainDb));
        }
        sb.append(":\n");
        SideBySide t = sideBySide();
        sb.append(String.format(Locale.ROOT, "  %s / reference: I %s / %s LUFS, LRA %s / %s LU, PLR %s / %s dB, PSR %s / %s dB%n",
                nameA, f(t, SideBySide.LOUDNESS, true), f(t, SideBySide.LOUDNESS, false), f(t, SideBySide.LRA, true),
                f(t, SideBySide.LRA, false), f(t, SideBySide.PLR, true), f(t, SideBySide.PLR, false),
                f(t, SideBySide.PSR, true), f(t, SideBySide.PSR, false)));
        sb.append(String.format(Locale.ROOT, "  width (side/mid) %s / %s dB; balance low/mid/high %s/%s/%s against %s/%s/%s dB%n",
                f(t, SideBySide.WIDTH, true), f(t, SideBySide.WIDTH, false), f(t, SideBySide.LOW, true),
                f(t, SideBySide.MID, true), f(t, SideBySide.HIGH, true), f(t, SideBySide.LOW, false),
                f(t, SideBySide.MID, false), f(t, SideBySide.HIGH, false)));
        java.util.List<String> found = findings();
        if (found.isEmpty()) {
            sb.append("  nothing stands out against the reference (level-matched)");
            return sb.toString();
        }
        String more = "  ... and more: c.findings() lists every one";
        for (int i = 0; i < found.size(); i++) {
            String line = "  " + found.get(i) + "\n";
            if (sb.length() + line.length() + (i < found.size() - 1 ? more.length() : 0) > Session.PRINTED_CHARS) {
                sb.append(more);
                return sb.toString();
            }
            sb.append(line);
        }
        return sb.toString().stripTrailing();
    }

    private static String f(SideBySide t, String label, boolean a) {
        double v = a ? t.row(label).a() : t.row(label).b();
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f", v) : "-";
    }
}

package org.freshears.session;

import java.util.List;
import org.freshears.measure.Analysis;
import org.freshears.measure.SpectrumBands;

/**
 * The figures of two versions side by side (a mix or master and a reference): loudness (BS.1770-4), loudness
 * range (EBU Tech 3342), PLR and PSR, true peak, stereo width and the low / mid / high balance. None of them
 * depends on the level: comparing them needs no level matching.
 *
 * <p>Stereo width is the side signal's energy against the mid's over 20 Hz to 20 kHz, in dB, from the
 * long-term mid and side spectra: −∞ for mono, about −10 dB for a typical pop mix's moderate spread, 0 dB
 * where side is as strong as mid (two unrelated channels); a width step of 150 % raises it by 3.5 dB. The
 * L/R correlation (as {@code analyze} reads it) is shown beside it.
 *
 * <p>Balance: each region's share of the power of 20 Hz to 20 kHz (both channels), in dB: low 20–250 Hz,
 * mid 250 Hz–4 kHz, high 4–20 kHz, the regions the playback-system readings use.
 *
 * @param nameA the first version's name ("mix", a step's)
 * @param nameB the second's ("reference:song")
 * @param rows  the figures, in order
 */
public record SideBySide(String nameA, String nameB, List<Row> rows) {
    public static final double LOW_MID_EDGE_HZ = 250;
    public static final double MID_HIGH_EDGE_HZ = 4_000;
    public static final double BOTTOM_HZ = 20;
    public static final double TOP_HZ = 20_000;

    public static final String LOUDNESS = "Integrated loudness";
    public static final String LRA = "Loudness range (LRA)";
    public static final String PLR = "Peak to loudness (PLR)";
    public static final String PSR = "Peak to short-term loudness (PSR)";
    public static final String TRUE_PEAK = "True peak";
    public static final String WIDTH = "Stereo width: side against mid";
    public static final String CORRELATION = "L/R correlation";
    public static final String LOW = "Low 20\u2013250 Hz, share";
    public static final String MID = "Mid 250 Hz\u20134 kHz, share";
    public static final String HIGH = "High 4\u201320 kHz, share";

    public SideBySide {
        rows = List.copyOf(rows);
    }

    /**
     * One figure of both.
     *
     * @param label    what it is ({@link #LRA}...)
     * @param unit     "LUFS", "LU", "dB", "dBTP" or "" (a ratio)
     * @param a        the first version's value (NaN: does not exist, as the loudness of silence)
     * @param b        the second's
     * @param decimals shown
     */
    public record Row(String label, String unit, double a, double b, int decimals) {
        /** a − b (NaN when either is missing). */
        public double difference() {
            return a - b;
        }
    }

    /** Both analyses' figures (each needs its long-term spectrum). */
    public static SideBySide of(String nameA, Analysis a, String nameB, Analysis b) {
        double[] balanceA = balanceDb(a);
        double[] balanceB = balanceDb(b);
        return new SideBySide(nameA, nameB, List.of(
                new Row(LOUDNESS, "LUFS", a.integratedLufs(), b.integratedLufs(), 1),
                new Row(LRA, "LU", a.loudnessRangeLu(), b.loudnessRangeLu(), 1),
                new Row(PLR, "dB", a.plrDb(), b.plrDb(), 1),
                new Row(PSR, "dB", a.psrDb(), b.psrDb(), 1),
                new Row(TRUE_PEAK, "dBTP", a.truePeakDbtp(), b.truePeakDbtp(), 1),
                new Row(WIDTH, "dB", widthDb(a), widthDb(b), 1),
                new Row(CORRELATION, "", a.levels().correlation(), b.levels().correlation(), 2),
                new Row(LOW, "dB", balanceA[0], balanceB[0], 1),
                new Row(MID, "dB", balanceA[1], balanceB[1], 1),
                new Row(HIGH, "dB", balanceA[2], balanceB[2], 1)));
    }

    /** The row of that label. */
    public Row row(String label) {
        return rows.stream().filter(r -> r.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no row '" + label + "'"));
    }

    /** Side against mid energy, 20 Hz to 20 kHz (or Nyquist), dB; NaN when not stereo. */
    public static double widthDb(Analysis analysis) {
        return SpectrumBands.sideToMidDb(analysis.spectrum(), BOTTOM_HZ, top(analysis));
    }

    /** Low, mid and high's shares of the power of 20 Hz to 20 kHz, dB (NaN for silence). */
    public static double[] balanceDb(Analysis analysis) {
        double top = top(analysis);
        double low = SpectrumBands.channelPower(analysis.spectrum(), BOTTOM_HZ, LOW_MID_EDGE_HZ);
        double mid = SpectrumBands.channelPower(analysis.spectrum(), LOW_MID_EDGE_HZ, MID_HIGH_EDGE_HZ);
        double high = SpectrumBands.channelPower(analysis.spectrum(), MID_HIGH_EDGE_HZ, top);
        double all = low + mid + high;
        return new double[] {share(low, all), share(mid, all), share(high, all)};
    }

    private static double share(double part, double all) {
        return part > 0 && all > 0 ? 10 * Math.log10(part / all) : Double.NaN;
    }

    private static double top(Analysis analysis) {
        return Math.min(TOP_HZ, analysis.sampleRate() / 2.0 + 1e-9);
    }
}

package org.freshears.session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What stands out between a version and a reference, in words ("2.1 dB less at 56–112 Hz than the
 * reference", "3.0 LU less loudness range than the reference"): the level-matched third-octave differences
 * grouped into runs, and the figures of the side-by-side table, each against a threshold. Explains; only the
 * notebook's own steps change the audio.
 */
public final class ReferenceFindings {
    /**
     * A run of third octaves at least this far from the reference, level-matched, all the same way: about
     * twice the 1 dB just-noticeable change of a broad band's level, so what is named is heard at once;
     * judgement.
     */
    public static final double BAND_DB = 2.0;
    /**
     * At least two adjacent third octaves (2/3 octave): one band alone differs between any two songs by
     * their arrangement (a bass note, a vocal's formant); a mastering EQ move is broader. Judgement.
     */
    public static final int MIN_BANDS = 2;
    /** The strongest band runs named (by how far times how wide); the chart shows every band. */
    public static final int MAX_BAND_FINDINGS = 3;
    /** Integrated loudness (BS.1770-4) 1 LU apart: the smallest step loudness normalization is argued in. */
    public static final double LOUDNESS_LU = 1.0;
    /**
     * Loudness range (EBU Tech 3342) 1 LU apart: Tech 3342 reads LRA to 0.1 LU, but its value moves by
     * tenths with edits; a whole LU is a different shape of song. Judgement.
     */
    public static final double LRA_LU = 1.0;
    /** PSR 2 dB apart: one step of limiting's audible squash at the loudest moment; judgement. */
    public static final double PSR_DB = 2.0;
    /** Side against mid 2 dB apart: a width step of 125 % moves it 1.9 dB, clearly heard on headphones; judgement. */
    public static final double WIDTH_DB = 2.0;

    private ReferenceFindings() {
    }

    /**
     * The findings, the table's first (loudness, range, PSR, width), then the band runs, strongest first.
     *
     * @param figures     the version (a) and the reference (b) side by side
     * @param differences a minus b per third octave, level-matched
     */
    public static List<String> of(SideBySide figures, BandDifferences differences) {
        List<String> found = new ArrayList<>();
        figure(found, figures.row(SideBySide.LOUDNESS), LOUDNESS_LU, "LU quieter", "LU louder", "", "LUFS");
        figure(found, figures.row(SideBySide.LRA), LRA_LU, "LU less loudness range", "LU more loudness range", "", "LU");
        figure(found, figures.row(SideBySide.PSR), PSR_DB, "dB less PSR", "dB more PSR",
                "; its loudest moments are more squashed", "dB");
        SideBySide.Row width = figures.row(SideBySide.WIDTH);
        if (Math.abs(width.difference()) >= WIDTH_DB) {
            found.add(String.format(Locale.ROOT, "%s: %.1f dB %s side against mid than the reference (%.1f against %.1f dB)",
                    width.difference() < 0 ? "narrower" : "wider", Math.abs(width.difference()),
                    width.difference() < 0 ? "less" : "more", width.a(), width.b()));
        }
        for (Run run : bandRuns(differences)) {
            found.add(String.format(Locale.ROOT, "%.1f dB %s at %s than the reference", Math.abs(run.meanDb),
                    run.meanDb < 0 ? "less" : "more", hzRange(run.lowHz, run.highHz)));
        }
        return found;
    }

    /** A run of adjacent third octaves all at least {@link #BAND_DB} from the reference the same way. */
    record Run(double lowHz, double highHz, int bands, double meanDb) {
        double weight() {
            return Math.abs(meanDb) * bands;
        }
    }

    /** The strongest runs of at least {@link #MIN_BANDS} bands, strongest first, at most {@link #MAX_BAND_FINDINGS}. */
    static List<Run> bandRuns(BandDifferences differences) {
        List<Run> runs = new ArrayList<>();
        double[] d = differences.differencesDb();
        int i = 0;
        while (i < d.length) {
            if (!(Math.abs(d[i]) >= BAND_DB)) {
                i++;
                continue;
            }
            int from = i;
            double sum = 0;
            while (i < d.length && Math.abs(d[i]) >= BAND_DB && Math.signum(d[i]) == Math.signum(d[from])) {
                sum += d[i];
                i++;
            }
            int n = i - from;
            if (n >= MIN_BANDS) {
                runs.add(new Run(differences.bands().lowHz(from), differences.bands().highHz(i - 1), n, sum / n));
            }
        }
        runs.sort(Comparator.comparingDouble(Run::weight).reversed());
        return runs.subList(0, Math.min(MAX_BAND_FINDINGS, runs.size()));
    }

    private static void figure(List<String> found, SideBySide.Row row, double threshold, String less, String more,
            String lessMeaning, String unit) {
        double d = row.difference();
        if (Math.abs(d) >= threshold) {
            found.add(String.format(Locale.ROOT, "%.1f %s than the reference (%.1f against %.1f %s)%s", Math.abs(d),
                    d < 0 ? less : more, row.a(), row.b(), unit, d < 0 ? lessMeaning : ""));
        }
    }

    /** "56–112 Hz", "1.4–2.8 kHz", "707 Hz–1.4 kHz". */
    static String hzRange(double lowHz, double highHz) {
        if (highHz < 1_000) {
            return hz(lowHz) + "\u2013" + hz(highHz) + " Hz";
        }
        if (lowHz >= 1_000) {
            return khz(lowHz) + "\u2013" + khz(highHz) + " kHz";
        }
        return hz(lowHz) + " Hz\u2013" + khz(highHz) + " kHz";
    }

    private static String hz(double hz) {
        return String.format(Locale.ROOT, "%.0f", hz);
    }

    private static String khz(double hz) {
        double k = hz / 1_000;
        return k >= 10 ? String.format(Locale.ROOT, "%.0f", k) : String.format(Locale.ROOT, "%.1f", k);
    }
}

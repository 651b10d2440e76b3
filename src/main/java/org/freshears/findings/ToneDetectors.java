package org.freshears.findings;

import static org.freshears.findings.Phrases.f;
import static org.freshears.findings.Phrases.hz;
import static org.freshears.findings.Phrases.number;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.freshears.checklist.Band;
import org.freshears.checklist.TimeSpan;
import org.freshears.measure.Analysis;
import org.freshears.measure.FractionalOctaveBands;
import org.freshears.measure.LoudnessMeter;
import org.freshears.measure.Spectrum;
import org.freshears.measure.SpectrumCurve;
import org.freshears.measure.SpectrumTrack;

/**
 * Tone, located in time, on the level-matched scale problem areas are judged on ({@link
 * org.freshears.measure.MatchedBandLevel}: a band's level in dBFS minus the song's integrated loudness in
 * LUFS), so a finding turned into a problem area reads, in the mix, the value the finding reported.
 *
 * <p>Each window of the {@link SpectrumTrack} is judged by its bands against its own loudness (a loud chorus
 * neither fakes nor hides anything: a plain gain moves band and loudness alike), which is the matched level
 * minus how much louder than the song the window is. So the reported threshold is the target on the matched
 * scale plus that passage's loudness against the song: where a balanced release would put the band, were
 * it this loud. In a region (say the low mids), each octave-wide group of bands is compared with the tonal
 * target and with the song's own median; a window is flagged when some group is further off than its
 * threshold. Neighbouring flagged windows merge into spans; the worst span is reported with its worst octave,
 * or the whole song when the spans cover most of the music.
 */
final class ToneDetectors {
    /** A first EQ move takes back half of what was measured: the rest is for the ear to judge. */
    static final double SUGGESTED_SHARE_OF_EXCESS = 0.5;
    /** No first move larger than this: a bigger one means the mix needs fixing, not the master. */
    static final double MAX_SUGGESTED_GAIN_DB = 6;
    /** A suggested broad bell spans about an octave between its half-gain points. */
    static final double OCTAVE_Q = 1.4;
    /** A suggested cut on a resonance is narrow. */
    static final double NARROW_Q = 6;
    /** Resonances are read on the 1/12-octave smoothed spectrum: narrower than a note's band, wider than a bin. */
    static final int RESONANCE_FINE_FRACTION = 12;
    /** The unit of a tonal finding's value and threshold: dB on the scale of {@link org.freshears.measure.MatchedBandLevel}. */
    static final String MATCHED_UNIT = "dB re LUFS";
    /** Flagged windows separated by one unflagged window still make one span. */
    static final int GAP_WINDOWS = 1;

    private ToneDetectors() {
    }

    /** A tonal region and how to talk about it. */
    /**
     * A tonal region and how to talk about it. A bump (mud, harshness) is judged against the target tilted to
     * the song's own overall slope, so a darker or brighter mix does not read as a bump; the ends (low end,
     * air) are judged against the target itself, since too much or too little there is the slope.
     */
    private record Region(FindingKind kind, double lowHz, double highHz, boolean excess, boolean bump,
            String title, String cause) {
    }

    static List<Finding> detect(Analysis a, SpectrumTrack track, FindingThresholds t) {
        double nyquist = track.spectrum().sampleRate() / 2.0;
        List<Region> regions = List.of(
                new Region(FindingKind.LOW_END_EXCESS, Spectrum.GRID_LOW_HZ, t.lowEndHighHz(), true, false,
                        "too much low end", "kick and bass"),
                new Region(FindingKind.THIN_LOW_END, Spectrum.GRID_LOW_HZ, t.lowEndHighHz(), false, false,
                        "thin low end", "kick and bass"),
                new Region(FindingKind.LOW_MID_BUILDUP, t.lowMidLowHz(), t.lowMidHighHz(), true, true,
                        "low-mid build-up (mud)", "the body of bass, guitars, keys and pads"),
                new Region(FindingKind.HARSHNESS, t.harshLowHz(), Math.min(t.harshHighHz(), nyquist), true, true,
                        "harsh upper mids", "cymbals, distorted guitars, bright synths or vocals"),
                new Region(FindingKind.DULL_TOP, t.airLowHz(), Math.min(Spectrum.GRID_HIGH_HZ, nyquist), false, false,
                        "dull top end", "cymbals' and vocals' air"));
        Windows w = Windows.of(track, t);
        List<Finding> found = new ArrayList<>();
        if (w.music.length == 0) {
            return found;
        }
        double[] weight = track.bandLoudnessWeight();
        double[] share = t.tonalTarget().bandVsLoudnessDb(track.bands(), weight, track.channelWeightSum());
        double[] tilted = tiltedToSong(track, w, share, weight, t);
        for (Region r : regions) {
            if (r.highHz > r.lowHz) {
                region(a, track, w, r.bump ? tilted : share, r, t, found);
            }
        }
        sibilance(a, track, w, t, found);
        resonance(track.spectrum(), t, found);
        return found;
    }

    /**
     * The windows tonal balance is judged on: those within {@code tonalWindowRangeDb} of the song's loud parts
     * (the {@value LoudnessMeter#LRA_HIGH_PERCENTILE}th percentile of window loudness, as the LRA takes its top).
     * A sparse intro or a breakdown has another balance by arrangement, not by mixing.
     */
    private record Windows(int[] music, double seconds) {
        static Windows of(SpectrumTrack track, FindingThresholds t) {
            double[] loudness = track.loudnessPower();
            double[] powers = Arrays.stream(loudness).filter(p -> p > 0).sorted().toArray();
            double gate = powers.length == 0 ? Double.POSITIVE_INFINITY
                    : powers[(int) Math.round((powers.length - 1) * LoudnessMeter.LRA_HIGH_PERCENTILE / 100.0)]
                            * Math.pow(10, -t.tonalWindowRangeDb() / 10);
            return new Windows(java.util.stream.IntStream.range(0, track.windows())
                    .filter(i -> loudness[i] > 0 && loudness[i] >= gate).toArray(),
                    track.windowSeconds());
        }
    }

    /**
     * The target tilted to the song: the slope of the robust line (dB against log-frequency) through the song's median
     * band levels against loudness minus the target's, over the bands between the low-end and air regions, added
     * to the target and shifted so that it has the loudness of the target again.
     */
    static double[] tiltedToSong(SpectrumTrack track, Windows w, double[] share, double[] weight,
            FindingThresholds t) {
        FractionalOctaveBands bands = track.bands();
        List<double[]> points = new ArrayList<>();
        for (int b = 0; b < bands.count(); b++) {
            if (bands.centreHz(b) < t.lowEndHighHz() || bands.centreHz(b) > t.airLowHz()) {
                continue;
            }
            double[] rel = new double[w.music.length];
            for (int i = 0; i < rel.length; i++) {
                rel[i] = track.vsLoudnessDb(w.music[i], w.music[i], b, b);
            }
            double dev = median(rel) - share[b];
            if (Double.isFinite(dev)) {
                points.add(new double[] {Math.log(bands.centreHz(b)) / Math.log(2), dev});
            }
        }
        // Theil-Sen: the median of the pairwise slopes, so a region the mix lacks altogether (no top above
        // 5 kHz) does not tilt the target and make the octave below it read as a bump; up to 29 % of the bands
        // may be that far off.
        List<Double> slopes = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            for (int j = i + 1; j < points.size(); j++) {
                slopes.add((points.get(j)[1] - points.get(i)[1]) / (points.get(j)[0] - points.get(i)[0]));
            }
        }
        double slope = slopes.isEmpty() ? 0 : median(slopes.stream().mapToDouble(Double::doubleValue).toArray());
        double[] tilted = new double[share.length];
        for (int b = 0; b < share.length; b++) {
            tilted[b] = share[b] + slope * Math.log(bands.centreHz(b)) / Math.log(2);
        }
        return TonalTarget.vsOwnLoudness(tilted, weight, track.channelWeightSum());
    }

    /** Octave-wide groups of bands inside a region: {first band, last band}. */
    private static List<int[]> groups(FractionalOctaveBands bands, double lowHz, double highHz) {
        List<int[]> groups = new ArrayList<>();
        int width = bands.bandsPerOctave();
        for (int b = 0; b + width - 1 < bands.count(); b++) {
            if (bands.lowHz(b) >= lowHz * 0.999 && bands.highHz(b + width - 1) <= highHz * 1.001) {
                groups.add(new int[] {b, b + width - 1});
            }
        }
        if (groups.isEmpty()) { // a region narrower than an octave: one group of the bands it holds
            int first = -1;
            int last = -1;
            for (int b = 0; b < bands.count(); b++) {
                if (bands.centreHz(b) >= lowHz && bands.centreHz(b) <= highHz) {
                    first = first < 0 ? b : first;
                    last = b;
                }
            }
            if (first >= 0) {
                groups.add(new int[] {first, last});
            }
        }
        return groups;
    }

    /**
     * A group's target level against the loudness of the rest of the target spectrum, dB. The target is on the
     * scale of its own loudness (0 LUFS), so the rest's loudness is that of its K-weighted power less the group's.
     */
    private static double targetVsRestLoudnessDb(double[] target, double[] weight, double channelWeightSum,
            int[] group) {
        double groupPower = 0;
        double groupLoudnessPower = 0;
        double allLoudnessPower = 0;
        for (int b = 0; b < target.length; b++) {
            double p = Math.pow(10, target[b] / 10);
            allLoudnessPower += p * weight[b];
            if (b >= group[0] && b <= group[1]) {
                groupPower += p;
                groupLoudnessPower += p * weight[b];
            }
        }
        double restLufs = TonalTarget.LOUDNESS_OFFSET_DB
                + 10 * Math.log10(channelWeightSum * (allLoudnessPower - groupLoudnessPower));
        return 10 * Math.log10(groupPower) - restLufs;
    }

    private static double median(double[] values) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (finite.length == 0) {
            return Double.NaN;
        }
        int mid = finite.length / 2;
        return finite.length % 2 == 1 ? finite[mid] : (finite[mid - 1] + finite[mid]) / 2;
    }

    private static void region(Analysis a, SpectrumTrack track, Windows w, double[] share, Region r,
            FindingThresholds t, List<Finding> found) {
        List<int[]> groups = r.excess ? groups(track.bands(), r.lowHz, r.highHz)
                : List.of(wholeRegion(track.bands(), r.lowHz, r.highHz));
        if (groups.isEmpty() || groups.get(0)[0] < 0) {
            return;
        }
        int m = w.music.length;
        int g = groups.size();
        double[][] vsTarget = new double[g][m];
        double[][] vsSong = new double[g][m];
        double[] target = new double[g];
        double[] songMedian = new double[g];
        for (int k = 0; k < g; k++) {
            target[k] = targetVsRestLoudnessDb(share, track.bandLoudnessWeight(), track.channelWeightSum(), groups.get(k));
            double[] rel = new double[m];
            for (int i = 0; i < m; i++) {
                rel[i] = track.vsRestLoudnessDb(w.music[i], w.music[i], groups.get(k)[0], groups.get(k)[1]);
            }
            songMedian[k] = median(rel);
            for (int i = 0; i < m; i++) {
                double sign = r.excess ? 1 : -1;
                vsTarget[k][i] = sign * (rel[i] - target[k]);
                vsSong[k][i] = sign * (rel[i] - songMedian[k]);
            }
        }
        // How far past its threshold each window is (>= 0: flagged), by the worst group.
        double[] margin = new double[m];
        for (int i = 0; i < m; i++) {
            margin[i] = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < g; k++) {
                margin[i] = Math.max(margin[i], finiteOr(vsTarget[k][i] - targetThreshold(r, t)));
                if (r.excess) {
                    margin[i] = Math.max(margin[i], finiteOr(vsSong[k][i] - t.toneVsSongDb()));
                }
            }
        }
        if (!r.excess) { // a deficit is a balance of the whole song: an intro without bass is arrangement
            double[] medianMargin = new double[m];
            double medianTarget = median(vsTarget[0]);
            Arrays.fill(medianMargin, medianTarget - targetThreshold(r, t));
            margin = medianMargin;
        }
        List<int[]> spans = spans(margin, w, t);
        if (spans.isEmpty()) {
            return;
        }
        int flaggedWindows = 0;
        int[] worst = spans.get(0);
        for (int[] s : spans) {
            flaggedWindows += s[1] - s[0] + 1;
            if (totalMargin(margin, s) > totalMargin(margin, worst)) {
                worst = s;
            }
        }
        boolean wholeSong = flaggedWindows >= t.wholeSongShare() * m;
        // The windows the finding reports on, as the problem area it turns into will read them: every window of
        // its span (or of the song), quiet ones between flagged ones included.
        int fromWindow = wholeSong ? 0 : w.music[worst[0]];
        int toWindow = wholeSong ? track.windows() - 1 : w.music[worst[1]];
        double sign = r.excess ? 1 : -1;
        // The worst group and criterion over those windows, judged against their loudness.
        int bestGroup = 0;
        boolean bySong = false;
        double bestMargin = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < g; k++) {
            double level = track.vsRestLoudnessDb(fromWindow, toWindow, groups.get(k)[0], groups.get(k)[1]);
            double vsTargetDb = sign * (level - target[k]);
            if (vsTargetDb - targetThreshold(r, t) > bestMargin) {
                bestMargin = vsTargetDb - targetThreshold(r, t);
                bestGroup = k;
                bySong = false;
            }
            double vsSongDb = level - songMedian[k];
            if (r.excess && !wholeSong && vsSongDb - t.toneVsSongDb() > bestMargin) {
                bestMargin = vsSongDb - t.toneVsSongDb();
                bestGroup = k;
                bySong = true;
            }
        }
        if (!(bestMargin >= 0)) {
            return; // the windows' worst groups differ and no one group is past its threshold on average
        }
        int[] group = groups.get(bestGroup);
        FractionalOctaveBands bands = track.bands();
        Band band = new Band(bands.lowHz(group[0]), bands.highHz(group[1]));
        TimeSpan span = wholeSong ? null : new TimeSpan(fromWindow * w.seconds,
                Math.min(a.durationSeconds(), (toWindow + 1) * w.seconds));
        // On the matched scale: the band's level minus the song's integrated loudness is what the problem area
        // reads. The threshold on that scale is where the reading lands when the band alone moves back to the
        // judged threshold: by the margin, less what that move takes from (or adds to) the song's loudness.
        double value = track.bandDb(fromWindow, toWindow, group[0], group[1]) - a.integratedLufs();
        double moveDb = -sign * bestMargin;
        double songShare = track.loudnessShare(fromWindow, toWindow, group[0], group[1])
                * track.loudnessShareOfSong(fromWindow, toWindow);
        double threshold = value + moveDb - 10 * Math.log10(1 + songShare * (Math.pow(10, moveDb / 10) - 1));
        double judged = bySong ? t.toneVsSongDb() : targetThreshold(r, t);
        double excess = bestMargin + judged;
        // Standing out of the song alone may be arrangement (a pad-only intro): a warning. A problem is off the
        // target of released music by the problem margin as well.
        Severity severity = !bySong && bestMargin >= t.toneProblemMarginDb() ? Severity.PROBLEM : Severity.WARNING;
        String where = wholeSong ? "over the whole song" : "in " + span;
        String against = bySong ? "than the song itself usually has that octave"
                : "than the target spectrum of released music";
        String evidence = f("%s %s is at %.1f dB against the song's loudness (band dBFS minus integrated LUFS, as a "
                + "problem area reads it); against the loudness of the rest of the spectrum it is %.1f dB %s %s "
                + "(threshold %s dB), so it is within that threshold at about %.1f dB%s.",
                cap(band.toString()), where, value, excess, r.excess ? "higher" : "lower", against, number(judged), threshold,
                wholeSong ? "" : f("; flagged in %d of %d music windows of %.0f s", flaggedWindows, m, w.seconds));
        double gainDb = Math.min(MAX_SUGGESTED_GAIN_DB, SUGGESTED_SHARE_OF_EXCESS * excess);
        found.add(new Finding(r.kind, severity, r.title, span, band, value, threshold, MATCHED_UNIT, evidence,
                suggestion(r, band, wholeSong), step(r, band, gainDb, t)));
    }

    /** The ends of the spectrum vary most between genres and eras: they get their own, wider threshold. */
    private static double targetThreshold(Region r, FindingThresholds t) {
        return r.bump ? t.toneVsTargetDb() : t.endsVsTargetDb();
    }

    private static int[] wholeRegion(FractionalOctaveBands bands, double lowHz, double highHz) {
        int first = -1;
        int last = -1;
        for (int b = 0; b < bands.count(); b++) {
            if (bands.centreHz(b) >= lowHz && bands.centreHz(b) <= highHz) {
                first = first < 0 ? b : first;
                last = b;
            }
        }
        return new int[] {first, last};
    }

    private static String suggestion(Region r, Band band, boolean wholeSong) {
        String what = r.excess ? "Cut" : "Lift";
        String fix = wholeSong ? what + " it broadly" : what + " it where it happens (a dynamic EQ, or automation in the mix)";
        return f("%s around %s, then listen at matched loudness; if it is one instrument (%s), fix it in the mix.",
                fix, hz(band.centreHz()), r.cause);
    }

    private static String step(Region r, Band band, double gainDb, FindingThresholds t) {
        double centre = Phrases.dialHz(band.centreHz());
        return switch (r.kind) {
            case LOW_END_EXCESS -> f("lowShelf(%s, %s)", number(t.lowEndHighHz()), number(-gainDb));
            case THIN_LOW_END -> f("lowShelf(%s, %s)", number(t.lowEndHighHz()), number(gainDb));
            case DULL_TOP -> f("highShelf(%s, %s)", number(t.airLowHz()), number(gainDb));
            default -> f("bell(%s, %s).q(%s)", number(centre), number(-gainDb), OCTAVE_Q);
        };
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static double finiteOr(double v) {
        return Double.isFinite(v) ? v : Double.NEGATIVE_INFINITY;
    }

    /** How far and how long a span is past its threshold: the worst span is the one with the most of both. */
    private static double totalMargin(double[] margin, int[] span) {
        double sum = 0;
        for (int i = span[0]; i <= span[1]; i++) {
            sum += Math.max(0, finiteOr(margin[i]));
        }
        return sum;
    }

    /**
     * Runs of flagged windows (margin >= 0), indices into the music windows, joined across gaps of up to
     * {@link #GAP_WINDOWS} and across windows that are not music (they sit between consecutive indices);
     * only runs of at least minSpanSeconds are kept.
     */
    private static List<int[]> spans(double[] margin, Windows w, FindingThresholds t) {
        List<int[]> spans = new ArrayList<>();
        int i = 0;
        while (i < margin.length) {
            if (!(margin[i] >= 0)) {
                i++;
                continue;
            }
            int end = i;
            int next = i + 1;
            while (next < margin.length && next - end <= GAP_WINDOWS + 1) {
                if (margin[next] >= 0) {
                    end = next;
                }
                next++;
            }
            if ((w.music[end] - w.music[i] + 1) * w.seconds >= t.minSpanSeconds() - 1e-9) {
                spans.add(new int[] {i, end});
            }
            i = end + 1;
        }
        return spans;
    }

    /**
     * Sibilance: short bursts at 5-10 kHz. In each window, how far the band's share in its loudest FFT segment
     * (about 170 ms) jumps above the window's median share; recurring bursts are sibilants, or a splashy hi-hat.
     */
    private static void sibilance(Analysis a, SpectrumTrack track, Windows w, FindingThresholds t,
            List<Finding> found) {
        FractionalOctaveBands bands = track.bands();
        int m = w.music.length;
        double[] burst = new double[m];
        int[] burstBand = new int[m];
        for (int i = 0; i < m; i++) {
            int win = w.music[i];
            burst[i] = Double.NEGATIVE_INFINITY;
            for (int b = 0; b < bands.count(); b++) {
                if (bands.centreHz(b) < t.sibilanceLowHz() || bands.centreHz(b) > t.sibilanceHighHz()) {
                    continue;
                }
                double jump = track.peakRelativeDb(win, b) - track.medianRelativeDb(win, b);
                if (Double.isFinite(jump) && jump > burst[i] && track.peakRelativeDb(win, b) >= t.sibilancePeakShareDb()) {
                    burst[i] = jump;
                    burstBand[i] = b;
                }
            }
        }
        int flagged = 0;
        int worst = -1;
        for (int i = 0; i < m; i++) {
            if (burst[i] >= t.sibilanceBurstDb()) {
                flagged++;
                worst = worst < 0 || burst[i] > burst[worst] ? i : worst;
            }
        }
        if (worst < 0 || flagged < t.sibilanceWindowsShare() * m) {
            return;
        }
        int b = burstBand[worst];
        Band band = new Band(bands.lowHz(b), bands.highHz(b));
        TimeSpan span = new TimeSpan(w.music[worst] * w.seconds,
                Math.min(a.durationSeconds(), (w.music[worst] + 1) * w.seconds));
        double value = burst[worst];
        Severity severity = value - t.sibilanceBurstDb() >= t.toneProblemMarginDb() ? Severity.PROBLEM : Severity.WARNING;
        found.add(new Finding(FindingKind.SIBILANCE, severity, "sibilant bursts", span, band, value,
                t.sibilanceBurstDb(), "dB",
                f("In %d of %d music windows the %s band jumps at least %.0f dB above its usual share for a moment; the "
                        + "sharpest, %.1f dB, in %s.", flagged, m, band, t.sibilanceBurstDb(), value, span),
                "De-ess the vocal in the mix; in the master, a dynamic EQ on that band only catches the bursts.",
                f("dynamicEq(%s, %s)", number(Phrases.dialHz(band.centreHz())),
                        number(-Math.min(MAX_SUGGESTED_GAIN_DB, SUGGESTED_SHARE_OF_EXCESS * value)))));
    }

    /**
     * Resonance: a narrow peak of the long-term spectrum (1/{@value #RESONANCE_FINE_FRACTION}-octave smoothing,
     * channels' power mean) standing out of the median of that curve over the octave around it (a median, so
     * the peak does not raise its own reference).
     */
    private static void resonance(Spectrum spectrum, FindingThresholds t, List<Finding> found) {
        SpectrumCurve fine = spectrum.smoothed(RESONANCE_FINE_FRACTION);
        double[] fineDb = fine.channelMeanDb();
        int half = Spectrum.GRID_POINTS_PER_OCTAVE / 2;
        int worst = -1;
        double worstProminence = Double.NEGATIVE_INFINITY;
        for (int i = half; i + half < fineDb.length; i++) {
            double hz = fine.frequencyHz(i);
            if (hz < t.resonanceLowHz() || hz > t.resonanceHighHz() || !Double.isFinite(fineDb[i])) {
                continue;
            }
            double prominence = fineDb[i] - median(Arrays.copyOfRange(fineDb, i - half, i + half + 1));
            if (prominence > worstProminence) {
                worstProminence = prominence;
                worst = i;
            }
        }
        if (worst < 0 || !(worstProminence >= t.resonanceProminenceDb())) {
            return;
        }
        double prominence = worstProminence;
        double hz = fine.frequencyHz(worst);
        double halfWidth = Math.pow(2, 1 / (2.0 * RESONANCE_FINE_FRACTION));
        Band band = new Band(hz / halfWidth, hz * halfWidth);
        Severity severity = prominence - t.resonanceProminenceDb() >= t.toneProblemMarginDb() ? Severity.PROBLEM
                : Severity.WARNING;
        found.add(new Finding(FindingKind.RESONANCE, severity, "resonance at " + hz(hz), null, band, prominence,
                t.resonanceProminenceDb(), "dB",
                f("Over the whole song, a narrow peak at %s stands %.1f dB above the octave around it (threshold "
                        + "%.0f dB): a ringing drum, a room mode or a boosted note.", hz(hz), prominence,
                        t.resonanceProminenceDb()),
                "Find the instrument that rings; in the master, a narrow cut takes the edge off.",
                f("bell(%s, %s).q(%s)", number(Phrases.dialHz(hz)),
                        number(-Math.min(MAX_SUGGESTED_GAIN_DB, SUGGESTED_SHARE_OF_EXCESS * prominence)), NARROW_Q)));
    }
}

package org.freshears.translation;

import org.freshears.audio.AudioBuffer;
import org.freshears.measure.FractionalOctaveBands;
import org.freshears.measure.LoudnessMeter;
import org.freshears.measure.Spectrum;
import org.freshears.measure.SpectrumAnalyzer;

/**
 * What the master loses in mono. The fold-down is the mid signal (L + R)/2 played on both speakers, the
 * equal-gain downmix that keeps a centred (mono) source at its level: a centred vocal does not move,
 * uncorrelated stereo loses 3 dB, and anti-phase content cancels. Its loudness is measured with the same
 * BS.1770 meter, its band levels from the long-term spectrum's mid series.
 */
public final class MonoFold {
    /** One second: long enough to average a bar's notes, short enough to place a phasey part in the song. */
    public static final double WINDOW_SECONDS = 1.0;
    /** A window whose channels are both below −60 dBFS RMS is silence: no correlation to speak of. */
    static final double SILENT_RMS = 1e-3;

    private MonoFold() {
    }

    /** The fold-down of a stereo master (a mono file reports nothing to lose: NaN and empty arrays). */
    public static MonoReport of(AudioBuffer master, double masterIntegratedLufs, double correlation) {
        if (master.channels() != 2) {
            return new MonoReport(Double.NaN, Double.NaN, new double[0], new double[0], WINDOW_SECONDS, new double[0]);
        }
        float[] left = master.channel(0);
        float[] right = master.channel(1);
        float[] mid = new float[master.frames()];
        for (int n = 0; n < mid.length; n++) {
            mid[n] = (left[n] + right[n]) * 0.5f;
        }
        AudioBuffer folded = new AudioBuffer(new float[][] {mid, mid.clone()}, master.sampleRate(), master.layout());
        double change = LoudnessMeter.integratedLufs(folded) - masterIntegratedLufs;

        Spectrum spectrum = new SpectrumAnalyzer().analyze(master);
        FractionalOctaveBands bands = FractionalOctaveBands.covering(BandPowers.BANDS_PER_OCTAVE, master.sampleRate());
        int midSeries = spectrum.seriesNames().indexOf(Spectrum.MID);
        double[] stereo = BandPowers.of(spectrum, bands, 0, 1);
        double[] mono = BandPowers.of(spectrum, bands, midSeries);
        double[] loss = new double[bands.count()];
        for (int b = 0; b < loss.length; b++) {
            loss[b] = BandPowers.db(mono[b]) - BandPowers.db(stereo[b] / 2);
        }
        return new MonoReport(change, correlation, bands.centresHz(), loss, WINDOW_SECONDS,
                correlationOverTime(left, right, (int) Math.round(WINDOW_SECONDS * master.sampleRate())));
    }

    /** Pearson correlation of consecutive windows (the last one partial, if it is at least half a window). */
    static double[] correlationOverTime(float[] left, float[] right, int window) {
        int count = left.length / window + (left.length % window >= window / 2 ? 1 : 0);
        double[] r = new double[count];
        for (int w = 0; w < count; w++) {
            int from = w * window;
            int to = Math.min(left.length, from + window);
            double sl = 0;
            double sr = 0;
            double sll = 0;
            double srr = 0;
            double slr = 0;
            for (int n = from; n < to; n++) {
                double l = left[n];
                double x = right[n];
                sl += l;
                sr += x;
                sll += l * l;
                srr += x * x;
                slr += l * x;
            }
            int len = to - from;
            double silent = SILENT_RMS * SILENT_RMS * len;
            double varL = sll - sl * sl / len;
            double varR = srr - sr * sr / len;
            r[w] = sll < silent && srr < silent || varL <= 0 || varR <= 0 ? Double.NaN
                    : Math.max(-1, Math.min(1, (slr - sl * sr / len) / Math.sqrt(varL * varR)));
        }
        return r;
    }
}

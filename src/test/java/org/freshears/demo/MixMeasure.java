package org.freshears.demo;

import java.util.ArrayList;
import java.util.List;
import org.freshears.audio.AudioBuffer;
import org.freshears.dsp.Biquad;
import org.freshears.dsp.BiquadCoefficients;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Just enough measurement to check the demo mix's planted problems from the outside: RMS of a span,
 * band energy of a span by averaged FFT power, and a BS.1770 integrated loudness at 48 kHz. (The
 * project's real meters live in measure/, which this branch does not have.)
 */
final class MixMeasure {
    private static final int FFT_SIZE = 8192;

    private MixMeasure() {
    }

    /** RMS of both channels together over [fromSeconds, toSeconds), in dBFS (20 log10 RMS). */
    static double rmsDb(AudioBuffer mix, double fromSeconds, double toSeconds) {
        int from = (int) Math.round(fromSeconds * mix.sampleRate());
        int to = (int) Math.round(toSeconds * mix.sampleRate());
        double sum = 0;
        for (int c = 0; c < mix.channels(); c++) {
            float[] x = mix.channel(c);
            for (int i = from; i < to; i++) {
                sum += (double) x[i] * x[i];
            }
        }
        return 10 * Math.log10(sum / ((double) (to - from) * mix.channels()));
    }

    /** Largest |sample| of the whole mix in dBFS. */
    static double samplePeakDb(AudioBuffer mix) {
        return 20 * Math.log10(maxAbs(mix));
    }

    static double maxAbs(AudioBuffer mix) {
        double peak = 0;
        for (int c = 0; c < mix.channels(); c++) {
            for (float x : mix.channel(c)) {
                peak = Math.max(peak, Math.abs(x));
            }
        }
        return peak;
    }

    /**
     * Mean power in [lowHz, highHz) over [fromSeconds, toSeconds), in dB (relative; only differences
     * mean anything): Hann-windowed 8192-point FFTs with 50 % overlap (Welch's method), power summed
     * over the band's bins and both channels, averaged over frames.
     */
    static double bandDb(AudioBuffer mix, double fromSeconds, double toSeconds, double lowHz, double highHz) {
        int from = (int) Math.round(fromSeconds * mix.sampleRate());
        int to = (int) Math.round(toSeconds * mix.sampleRate());
        double binHz = mix.sampleRate() / (double) FFT_SIZE;
        int lowBin = (int) Math.ceil(lowHz / binHz);
        int highBin = (int) Math.ceil(highHz / binHz);
        double[] window = new double[FFT_SIZE];
        for (int i = 0; i < FFT_SIZE; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / FFT_SIZE);
        }
        DoubleFFT_1D fft = new DoubleFFT_1D(FFT_SIZE);
        double[] frame = new double[FFT_SIZE];
        double total = 0;
        int frames = 0;
        for (int start = from; start + FFT_SIZE <= to; start += FFT_SIZE / 2) {
            for (int c = 0; c < mix.channels(); c++) {
                float[] x = mix.channel(c);
                for (int i = 0; i < FFT_SIZE; i++) {
                    frame[i] = x[start + i] * window[i];
                }
                fft.realForward(frame);
                // Packed layout: a[2k], a[2k+1] = Re, Im of bin k for 0 < k < n/2.
                for (int k = Math.max(1, lowBin); k < highBin && k < FFT_SIZE / 2; k++) {
                    total += frame[2 * k] * frame[2 * k] + frame[2 * k + 1] * frame[2 * k + 1];
                }
            }
            frames++;
        }
        return 10 * Math.log10(total / frames);
    }

    /**
     * Integrated loudness per ITU-R BS.1770-4 for a 48 kHz stereo mix: K-weighting with the printed
     * 48 kHz coefficients (Annex 1, tables 1 and 2), 400 ms blocks every 100 ms, absolute gate
     * -70 LKFS, relative gate -10 LU, L = -0.691 + 10 log10(sum of channel mean squares).
     */
    static double integratedLufs(AudioBuffer mix) {
        if (mix.sampleRate() != 48_000) {
            throw new IllegalArgumentException("the printed K-weighting is for 48 kHz, got " + mix.sampleRate());
        }
        int n = mix.frames();
        double[][] squares = new double[mix.channels()][n];
        for (int c = 0; c < mix.channels(); c++) {
            Biquad shelf = new Biquad(new BiquadCoefficients(1.53512485958697, -2.69169618940638, 1.19839281085285,
                    -1.69065929318241, 0.73248077421585));
            Biquad rlb = new Biquad(new BiquadCoefficients(1, -2, 1, -1.99004745483398, 0.99007225036621));
            float[] x = mix.channel(c);
            for (int i = 0; i < n; i++) {
                double y = rlb.process(shelf.process(x[i]));
                squares[c][i] = y * y;
            }
        }
        int block = 19_200;
        int hop = 4_800;
        List<Double> powers = new ArrayList<>();
        for (int start = 0; start + block <= n; start += hop) {
            double power = 0;
            for (int c = 0; c < mix.channels(); c++) {
                double sum = 0;
                for (int i = start; i < start + block; i++) {
                    sum += squares[c][i];
                }
                power += sum / block;
            }
            powers.add(power);
        }
        double absolute = gatedMean(powers, Math.pow(10, (-70 + 0.691) / 10));
        double relative = absolute * Math.pow(10, -10 / 10.0);
        return -0.691 + 10 * Math.log10(gatedMean(powers, relative));
    }

    private static double gatedMean(List<Double> powers, double gate) {
        double sum = 0;
        int count = 0;
        for (double p : powers) {
            if (p > gate) {
                sum += p;
                count++;
            }
        }
        return sum / count;
    }
}

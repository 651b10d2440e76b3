package org.freshears.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.ChannelLayout;
import org.freshears.testing.Signals;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SpectrumAnalyzerTest {
    private static final SpectrumAnalyzer ANALYZER = new SpectrumAnalyzer();

    /** A frequency exactly on bin k of an n-point FFT at the rate. */
    private static double binCentre(int k, int rate, int n) {
        return k * (double) rate / n;
    }

    @ParameterizedTest
    @CsvSource({"44100, 0", "44100, -20", "48000, 0", "48000, -20"})
    void binCentredSineReadsItsPeakLevel(int rate, double peakDbfs) {
        int n = ANALYZER.fftSizeFor(rate);
        assertEquals(8192, n);
        int k = (int) Math.round(1000.0 * n / rate);
        double freq = binCentre(k, rate, n);
        // 2.3 s: not a whole number of hops, so the tail segment is exercised too.
        Spectrum s = ANALYZER.analyze(Signals.sine(2, rate, 2.3, freq, peakDbfs));
        assertEquals(freq, s.frequencyHz(k), 1e-9);
        double level = s.levelDbAt("FRONT_LEFT", freq);
        System.out.printf("sine %.3f Hz @ %d Hz, %.0f dBFS reads %.5f dBFS%n", freq, rate, peakDbfs, level);
        assertEquals(peakDbfs, level, 0.1);
        assertEquals(peakDbfs, s.levelDb(1, k), 0.1);
        assertEquals(peakDbfs, s.levelDbAt(Spectrum.MID, freq), 0.1);
        // Hann's main lobe: the neighbours read |W(1)/W(0)| = 1/2, i.e. -6.02 dB.
        assertEquals(peakDbfs - 6.0206, s.levelDb(0, k + 1), 0.05);
        // Away from the main lobe the sidelobes of Hann are below -31 dB and fall 18 dB/octave.
        assertTrue(s.levelDb(0, k + 20) < peakDbfs - 60, "leakage 20 bins away: " + s.levelDb(0, k + 20));
    }

    @Test
    void sineHalfwayBetweenBinsShowsTheHannScallopingLoss() {
        int rate = 48000;
        int n = 8192;
        double freq = binCentre(341, rate, n) + rate / (2.0 * n);
        Spectrum s = ANALYZER.analyze(Signals.sine(1, rate, 3, freq, 0));
        // Hann at half a bin: |W(1/2)/W(0)| = (2/π)/(1 − 1/4) = 0.8488 → −1.4236 dB (Harris 1978, table I: 1.42).
        double expected = 20 * Math.log10(2 / Math.PI / 0.75);
        assertEquals(expected, s.levelDb(0, 341), 0.02);
        assertEquals(expected, s.levelDb(0, 342), 0.02);
    }

    @Test
    void dcReadsItsValue() {
        float[] x = new float[20000];
        java.util.Arrays.fill(x, 0.5f);
        Spectrum s = ANALYZER.analyze(new AudioBuffer(new float[][] {x}, 48000, ChannelLayout.standard(1)));
        assertEquals(20 * Math.log10(0.5), s.levelDbAt(0, 0), 1e-9);
    }

    @ParameterizedTest
    @ValueSource(ints = {44100, 48000})
    void whiteNoiseReadsSixSigmaSquaredOverNPerBin(int rate) {
        double amplitude = 0.5;
        Spectrum s = ANALYZER.analyze(Signals.noise(2, rate, 10 * rate, amplitude, 7));
        int n = s.fftSize();
        // Uniform on [−a, a): σ² = a²/3. E|X[k]|² = σ²Σw², scaled by 4/(Σw)², Σw = n/2, Σw² = 3n/8 → 6σ²/n.
        double expected = 10 * Math.log10(6 * (amplitude * amplitude / 3) / n);
        for (int series = 0; series < 2; series++) {
            double sum = 0;
            int count = 0;
            double worst = 0;
            for (int k = 0; k < s.bins(); k++) {
                double f = s.frequencyHz(k);
                if (f >= 100 && f <= 20000) {
                    double db = s.levelDb(series, k);
                    sum += Math.pow(10, db / 10);
                    count++;
                    worst = Math.max(worst, Math.abs(db - expected));
                }
            }
            double mean = 10 * Math.log10(sum / count);
            System.out.printf("white noise @ %d: expected %.3f dB/bin, mean %.3f, worst bin off by %.2f dB%n", rate,
                    expected, mean, worst);
            assertEquals(expected, mean, 0.5);
            assertEquals(expected, mean, 0.05, "tighter: 10 s of noise averages ~230 segments");
        }
    }

    @Test
    void midAndSideOfInPhaseAntiPhaseAndIndependentChannels() {
        int rate = 48000;
        AudioBuffer noise = Signals.noise(2, rate, 5 * rate, 0.5, 99);
        float[] l = noise.channel(0);
        float[] independent = noise.channel(1);
        float[] inverted = new float[l.length];
        for (int i = 0; i < l.length; i++) {
            inverted[i] = -l[i];
        }
        ChannelLayout stereo = ChannelLayout.standard(2);
        Spectrum same = ANALYZER.analyze(new AudioBuffer(new float[][] {l, l.clone()}, rate, stereo));
        Spectrum anti = ANALYZER.analyze(new AudioBuffer(new float[][] {l, inverted}, rate, stereo));
        Spectrum indep = ANALYZER.analyze(new AudioBuffer(new float[][] {l, independent}, rate, stereo));
        assertEquals(List.of("FRONT_LEFT", "FRONT_RIGHT", "MID", "SIDE"), same.seriesNames());
        int mid = same.seriesIndex(Spectrum.MID);
        int side = same.seriesIndex(Spectrum.SIDE);
        double maxIndepOff = 0;
        for (int k = 1; k < same.bins(); k++) {
            // Identical channels: mid = L exactly, side is digital silence (NaN, no dB value).
            assertEquals(same.levelDb(0, k), same.levelDb(mid, k), 1e-9);
            assertTrue(Double.isNaN(same.levelDb(side, k)));
            // Inverted right channel: the roles swap.
            assertEquals(anti.levelDb(0, k), anti.levelDb(side, k), 1e-9);
            assertTrue(Double.isNaN(anti.levelDb(mid, k)));
        }
        // Independent channels of equal power: mid and side each carry half the power of one channel, −3.01 dB.
        double expected = 10 * Math.log10(6 * (0.25 / 3) / 8192 / 2);
        for (int series : new int[] {mid, side}) {
            double sum = 0;
            int count = 0;
            for (int k = 20; k < indep.bins() - 20; k++) {
                sum += Math.pow(10, indep.levelDb(series, k) / 10);
                count++;
            }
            maxIndepOff = Math.max(maxIndepOff, Math.abs(10 * Math.log10(sum / count) - expected));
            assertEquals(expected, 10 * Math.log10(sum / count), 0.1);
        }
        System.out.printf("independent-noise mid/side off expected by at most %.3f dB%n", maxIndepOff);
    }

    @Test
    void thirdOctaveSmoothingOfWhiteNoiseIsFlatAtThePerBinLevel() {
        int rate = 48000;
        double amplitude = 0.5;
        SpectrumCurve curve = ANALYZER.analyze(Signals.noise(1, rate, 20 * rate, amplitude, 3)).smoothed(3);
        double expected = 10 * Math.log10(6 * (amplitude * amplitude / 3) / 8192);
        assertEquals(20, curve.frequencyHz(0), 1e-12);
        assertTrue(curve.frequencyHz(curve.points() - 1) <= 20000);
        assertEquals(20 * Math.pow(2, 1 / 48.0), curve.frequencyHz(1), 1e-9);
        double[] fit = fitDbPerOctave(curve, 100, 20000);
        System.out.printf("white noise 1/3-oct: slope %.4f dB/oct, level at 1 kHz %.3f (expected %.3f), worst %.3f%n",
                fit[0], curve.levelDbAt(0, 1000), expected, fit[1]);
        assertEquals(0, fit[0], 0.05);
        for (int i = 0; i < curve.points(); i++) {
            if (curve.frequencyHz(i) >= 100) {
                assertEquals(expected, curve.levelDb(0, i), 0.5, "at " + curve.frequencyHz(i) + " Hz");
            }
        }
    }

    @Test
    void thirdOctaveSmoothingOfPinkNoiseFallsThreeDbPerOctave() {
        // Kellett's filter is designed for 44.1 kHz; 1/f power → −10·log10(2) = −3.01 dB per octave.
        SpectrumCurve curve = ANALYZER.analyze(Signals.pinkNoise(1, 44100, 20 * 44100, 0.11, 5)).smoothed(3);
        double[] fit = fitDbPerOctave(curve, 50, 10000);
        System.out.printf("pink noise 1/3-oct: slope %.4f dB/oct, worst deviation from the line %.3f dB%n", fit[0],
                fit[1]);
        assertEquals(-10 * Math.log10(2), fit[0], 0.1);
        assertTrue(fit[1] < 0.5, "deviation from a straight line: " + fit[1]);
    }

    @Test
    void smoothedSineIsDilutedByTheBandWidthInBins() {
        int rate = 48000;
        int n = 8192;
        double freq = binCentre(171, rate, n); // 1001.95 Hz
        Spectrum s = ANALYZER.analyze(Signals.sine(1, rate, 3, freq, 0));
        SpectrumCurve curve = s.smoothed(3);
        int nearest = 0;
        for (int i = 0; i < curve.points(); i++) {
            if (Math.abs(curve.frequencyHz(i) - freq) < Math.abs(curve.frequencyHz(nearest) - freq)) {
                nearest = i;
            }
        }
        double f = curve.frequencyHz(nearest);
        // Hann bins of a sine sum to 1 + 2·(1/2)² = 1.5 (its noise bandwidth); the mean over a band of
        // B = f·(2^(1/6) − 2^(−1/6))/Δf bins is therefore 1.5/B.
        double bandBins = f * (Math.pow(2, 1 / 6.0) - Math.pow(2, -1 / 6.0)) / s.binWidthHz();
        double expected = 10 * Math.log10(1.5 / bandBins);
        System.out.printf("1/3-oct smoothed 0 dBFS sine at %.2f Hz reads %.4f dB, expected %.4f%n", f,
                curve.levelDb(0, nearest), expected);
        assertEquals(expected, curve.levelDb(0, nearest), 0.05);
        assertEquals(curve.levelDb(0, nearest), curve.levelDbAt(0, f), 1e-12);
    }

    @Test
    void fftSizeScalesWithRateAndShortBuffersShrinkIt() {
        assertEquals(4096, ANALYZER.fftSizeFor(22050));
        assertEquals(4096, ANALYZER.fftSizeFor(24000));
        assertEquals(8192, ANALYZER.fftSizeFor(32000));
        assertEquals(8192, ANALYZER.fftSizeFor(44100));
        assertEquals(16384, ANALYZER.fftSizeFor(88200));
        assertEquals(16384, ANALYZER.fftSizeFor(96000));
        assertEquals(32768, ANALYZER.fftSizeFor(192000));
        assertEquals(2048, SpectrumAnalyzer.withFftSize(2048).fftSizeFor(96000));
        assertEquals(4096, SpectrumAnalyzer.withFftSizeAt48k(2048).fftSizeFor(96000));
        assertThrows(IllegalArgumentException.class, () -> SpectrumAnalyzer.withFftSize(3000));

        Spectrum shortOne = ANALYZER.analyze(Signals.sine(1, 48000, 1000 / 48000.0, 3000, -6));
        assertEquals(512, shortOne.fftSize());
        assertEquals(3, shortOne.segments()); // starts 0, 256 and the tail segment at 1000 − 512 = 488
        assertEquals(-6, shortOne.levelDbAt(0, 3000), 0.1); // 3000 Hz = bin 32 of 512 at 48 kHz
    }

    @Test
    void welchSegmentsCoverTheWholeBuffer() {
        assertArrayEquals(new int[] {0, 4, 8}, SpectrumAnalyzer.welchStarts(16, 8));
        assertArrayEquals(new int[] {0, 4, 8, 9}, SpectrumAnalyzer.welchStarts(17, 8));
        assertArrayEquals(new int[] {0}, SpectrumAnalyzer.welchStarts(8, 8));
    }

    @Test
    void silenceReadsNaNAndResultsAreDeterministic() {
        Spectrum silent = ANALYZER.analyze(Signals.silence(2, 48000, 1));
        assertTrue(Double.isNaN(silent.levelDbAt(0, 1000)));
        assertTrue(Double.isNaN(silent.smoothed(3).levelDb(0, 100)));
        AudioBuffer noise = Signals.noise(2, 48000, 48000 * 30, 0.3, 11);
        assertEquals(ANALYZER.analyze(noise), ANALYZER.analyze(noise));
    }

    @Test
    void multichannelHasNoMidSideAndMonoHasOneSeries() {
        assertEquals(List.of("FRONT_CENTER"), ANALYZER.analyze(Signals.noise(1, 48000, 9000, 0.1, 1)).seriesNames());
        assertEquals(List.of("FRONT_LEFT", "FRONT_RIGHT", "FRONT_CENTER", "LOW_FREQUENCY", "BACK_LEFT", "BACK_RIGHT"),
                ANALYZER.analyze(Signals.noise(6, 48000, 9000, 0.1, 1)).seriesNames());
    }

    /** Least-squares slope (dB per octave) of the curve between two frequencies, and the worst residual. */
    private static double[] fitDbPerOctave(SpectrumCurve curve, double fromHz, double toHz) {
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int count = 0;
        for (int i = 0; i < curve.points(); i++) {
            double f = curve.frequencyHz(i);
            if (f >= fromHz && f <= toHz) {
                double x = Math.log(f) / Math.log(2);
                double y = curve.levelDb(0, i);
                sx += x;
                sy += y;
                sxx += x * x;
                sxy += x * y;
                count++;
            }
        }
        double slope = (count * sxy - sx * sy) / (count * sxx - sx * sx);
        double intercept = (sy - slope * sx) / count;
        double worst = 0;
        for (int i = 0; i < curve.points(); i++) {
            double f = curve.frequencyHz(i);
            if (f >= fromHz && f <= toHz) {
                worst = Math.max(worst, Math.abs(curve.levelDb(0, i) - (intercept + slope * Math.log(f) / Math.log(2))));
            }
        }
        return new double[] {slope, worst};
    }
}

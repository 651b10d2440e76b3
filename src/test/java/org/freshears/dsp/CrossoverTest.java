package org.freshears.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jtransforms.fft.DoubleFFT_1D;
import org.junit.jupiter.api.Test;

class CrossoverTest {
    private static final int RATE = 48_000;
    private static final int N = 1 << 16;
    /** LR4 at its corner: two Butterworth sections, each 1/sqrt 2, so 20 log10(1/2) = -6.0206 dB. */
    private static final double LR4_AT_CORNER_DB = 20 * Math.log10(0.5);

    /** Impulse responses of every band: [band][frame]. */
    private static double[][] bandImpulseResponses(double... crossoversHz) {
        Crossover x = new Crossover(crossoversHz, RATE);
        float[] impulse = new float[N];
        impulse[0] = 1;
        float[][] bands = new float[x.bands()][N];
        x.split(impulse, 0, bands, 0, N);
        double[][] out = new double[bands.length][N];
        for (int b = 0; b < bands.length; b++) {
            for (int i = 0; i < N; i++) {
                out[b][i] = bands[b][i];
            }
        }
        return out;
    }

    /** |H| in dB per FFT bin 0..N/2-1 (JTransforms realForward packing). */
    private static double[] magnitudeDb(double[] ir) {
        double[] a = ir.clone();
        new DoubleFFT_1D(N).realForward(a);
        double[] db = new double[N / 2];
        db[0] = 20 * Math.log10(Math.abs(a[0]));
        for (int k = 1; k < N / 2; k++) {
            db[k] = 20 * Math.log10(Math.hypot(a[2 * k], a[2 * k + 1]));
        }
        return db;
    }

    /** The largest deviation from 0 dB of the band sum between 20 Hz and 20 kHz. */
    private static double sumDeviationDb(double... crossoversHz) {
        double[][] bands = bandImpulseResponses(crossoversHz);
        double[] sum = new double[N];
        for (double[] band : bands) {
            for (int i = 0; i < N; i++) {
                sum[i] += band[i];
            }
        }
        double[] db = magnitudeDb(sum);
        double worst = 0;
        for (int k = (int) Math.ceil(20.0 * N / RATE); k <= 20_000.0 * N / RATE; k++) {
            worst = Math.max(worst, Math.abs(db[k]));
        }
        return worst;
    }

    private static double dftDb(double[] ir, double freqHz) {
        double re = 0, im = 0;
        for (int i = 0; i < ir.length; i++) {
            double w = 2 * Math.PI * freqHz * i / RATE;
            re += ir[i] * Math.cos(w);
            im -= ir[i] * Math.sin(w);
        }
        return 20 * Math.log10(Math.hypot(re, im));
    }

    @Test
    void twoBandsSumFlat() {
        double dev = sumDeviationDb(1_000);
        System.out.printf("2 bands: max |sum| deviation 20 Hz-20 kHz = %.2e dB%n", dev);
        assertTrue(dev < 0.01, "deviation " + dev);
    }

    @Test
    void threeBandsSumFlat() {
        double dev = sumDeviationDb(200, 2_000);
        System.out.printf("3 bands: max |sum| deviation 20 Hz-20 kHz = %.2e dB%n", dev);
        assertTrue(dev < 0.01, "deviation " + dev);
    }

    @Test
    void fourBandsSumFlat() {
        double dev = sumDeviationDb(120, 1_000, 6_000);
        System.out.printf("4 bands: max |sum| deviation 20 Hz-20 kHz = %.2e dB%n", dev);
        assertTrue(dev < 0.01, "deviation " + dev);
    }

    @Test
    void withoutAllPassCompensationThreeBandsWouldNotSumFlat() {
        // Why band 0 carries AP2: rebuild the sum with an uncompensated low band (LP1 only) and it
        // leaves the 0.01 dB tolerance by far for crossovers an octave apart.
        double[][] bands = bandImpulseResponses(500, 1_000);
        BiquadCoefficients lp = FilterDesign.lowPass(500, FilterDesign.BUTTERWORTH_Q, RATE);
        Biquad lp1 = new Biquad(lp), lp2 = new Biquad(lp);
        double[] sum = new double[N];
        for (int i = 0; i < N; i++) {
            sum[i] = lp2.process(lp1.process(i == 0 ? 1 : 0)) + bands[1][i] + bands[2][i];
        }
        double[] db = magnitudeDb(sum);
        double worst = 0;
        for (int k = 1; k < N / 2; k++) {
            worst = Math.min(worst, db[k]);
        }
        System.out.printf("3 bands without all-pass compensation: worst %.2f dB%n", worst);
        assertTrue(worst < -1, "uncompensated sum should dip, worst " + worst + " dB");
        assertTrue(sumDeviationDb(500, 1_000) < 0.01);
    }

    @Test
    void twoBandsAreLr4WithMinus6dbAtTheCorner() {
        double[][] bands = bandImpulseResponses(1_000);
        double lowDb = dftDb(bands[0], 1_000);
        double highDb = dftDb(bands[1], 1_000);
        System.out.printf("LR4 at 1 kHz corner: low %.4f dB, high %.4f dB%n", lowDb, highDb);
        assertEquals(LR4_AT_CORNER_DB, lowDb, 0.01);
        assertEquals(LR4_AT_CORNER_DB, highDb, 0.01);
        // 4th order: 24 dB/octave asymptotes, i.e. an octave beyond the corner about -24 dB.
        assertEquals(-24.1, dftDb(bands[0], 2_000), 1.0);
        assertEquals(-24.1, dftDb(bands[1], 500), 1.0);
    }

    @Test
    void everyBandOfFourIsTheProductOfItsLr4Sections() {
        double[] f = {120, 1_000, 6_000};
        double[][] bands = bandImpulseResponses(f);
        double worst = 0;
        for (int b = 0; b < 4; b++) {
            double[] db = magnitudeDb(bands[b]);
            for (int k = 28; k <= 20_000.0 * N / RATE; k += 7) {
                double hz = (double) k * RATE / N;
                double expected = 0;
                for (int j = 0; j < b; j++) {
                    expected += 2 * 20 * Math.log10(
                            FilterDesign.highPass(f[j], FilterDesign.BUTTERWORTH_Q, RATE).magnitudeAt(hz, RATE));
                }
                if (b < 3) {
                    expected += 2 * 20 * Math.log10(
                            FilterDesign.lowPass(f[b], FilterDesign.BUTTERWORTH_Q, RATE).magnitudeAt(hz, RATE));
                }
                if (expected > -60) {
                    worst = Math.max(worst, Math.abs(db[k] - expected));
                }
            }
        }
        System.out.printf("4 bands vs analytic LR4 products: worst %.2e dB%n", worst);
        assertTrue(worst < 0.01, "worst " + worst);
        // At each corner the two bands it separates each carry the LR4 -6.02 dB (times the other
        // sections' small gains there), e.g. band 1 and band 2 at 1 kHz:
        double lp = 2 * 20 * Math.log10(FilterDesign.lowPass(6_000, FilterDesign.BUTTERWORTH_Q, RATE)
                .magnitudeAt(1_000, RATE));
        double hp = 2 * 20 * Math.log10(FilterDesign.highPass(120, FilterDesign.BUTTERWORTH_Q, RATE)
                .magnitudeAt(1_000, RATE));
        assertEquals(LR4_AT_CORNER_DB + hp, dftDb(bands[1], 1_000), 0.01);
        assertEquals(LR4_AT_CORNER_DB + hp + lp, dftDb(bands[2], 1_000), 0.01);
    }

    @Test
    void resetRepeats() {
        Crossover x = new Crossover(new double[] {300, 3_000}, RATE);
        float[] in = new float[4_000];
        for (int i = 0; i < in.length; i++) {
            in[i] = (float) Math.sin(i * 0.05) * 0.5f;
        }
        float[][] first = new float[3][in.length];
        float[][] second = new float[3][in.length];
        x.split(in, 0, first, 0, in.length);
        x.reset();
        x.split(in, 0, second, 0, in.length);
        for (int b = 0; b < 3; b++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(first[b], second[b]);
        }
    }

    @Test
    void rejectsBadFrequencies() {
        assertEquals("crossover frequencies must ascend, got [2000.0, 200.0]", assertThrows(
                IllegalArgumentException.class, () -> new Crossover(new double[] {2_000, 200}, RATE)).getMessage());
        assertEquals("a crossover needs 1 to 3 frequencies, got 4", assertThrows(IllegalArgumentException.class,
                () -> new Crossover(new double[] {1, 2, 3, 4}, RATE)).getMessage());
        assertEquals("crossover frequency must be in (0, 24000.0) Hz, got 30000.0", assertThrows(
                IllegalArgumentException.class, () -> new Crossover(new double[] {30_000}, RATE)).getMessage());
    }
}

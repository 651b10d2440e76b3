package org.freshears.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.freshears.audio.AudioBuffer;
import org.freshears.audio.ChannelLayout;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;

/** The spectrogram: a sine lands in its row and its columns, at its level; the grid stays bounded. */
class SpectrogramTest {
    private static final int RATE = 48_000;
    private static final SpectrogramAnalyzer ANALYZER = new SpectrogramAnalyzer();

    @Test
    void rowsAreTwelfthOctavesFrom20HzTo20kHzCentredOn1kHz() {
        Spectrogram s = ANALYZER.analyze(Signals.sine(1, RATE, 1, 1_000, -20));
        // 1 kHz·2^(k/12) for k = -67 (20.9 Hz, the first centre at or above 20 Hz) to 51 (19.0 kHz).
        assertEquals(1_000 * Math.pow(2, -67 / 12.0), s.rowCentreHz(0), 1e-9);
        assertEquals(1_000 * Math.pow(2, 51 / 12.0), s.rowCentreHz(s.rows() - 1), 1e-9);
        assertEquals(119, s.rows());
        int row1k = s.rowOf(1_000);
        assertEquals(1_000, s.rowCentreHz(row1k), 1e-9);
        assertEquals(Math.pow(2, 1 / 12.0), s.rowHighHz(row1k) / s.rowLowHz(row1k), 1e-12);
        assertEquals(s.rowHighHz(row1k), s.rowLowHz(row1k + 1), 1e-9, "rows tile the axis");
    }

    @Test
    void aFullScaleSineReads0DbfsInItsRowAndLittleElsewhere() {
        // Bin-centred (1 kHz is not: 8192-point bins are 5.86 Hz apart) and between bins, as in SpectrumAnalyzer.
        for (double freq : new double[] {1_000, 3_150, 9_999}) {
            Spectrogram s = ANALYZER.analyze(Signals.sine(2, RATE, 4, freq, 0));
            int row = s.rowOf(freq);
            for (int c = 0; c < s.columns(); c++) {
                assertEquals(0, s.levelDb(c, row), 0.05, freq + " Hz, column " + c);
                assertTrue(s.levelDb(c, row - 2) < -60, freq + " Hz two rows below: " + s.levelDb(c, row - 2));
                assertTrue(s.levelDb(c, row + 2) < -60, freq + " Hz two rows above: " + s.levelDb(c, row + 2));
            }
            assertEquals(0, s.maxLevelDb(), 0.05);
        }
        // On the edge between two rows the sine's power splits between them, none lost: about -3 dB in each.
        double edgeHz = 1_000 * Math.pow(2, 1 / 24.0);
        Spectrogram s = ANALYZER.analyze(Signals.sine(1, RATE, 2, edgeHz, 0));
        int column = s.columns() / 2;
        int below = s.rowOf(1_000);
        assertEquals(-3, s.levelDb(column, below), 0.3);
        assertEquals(-3, s.levelDb(column, below + 1), 0.3);
        double sum = Math.pow(10, s.levelDb(column, below) / 10) + Math.pow(10, s.levelDb(column, below + 1) / 10);
        assertEquals(0, 10 * Math.log10(sum), 0.05);
    }

    @Test
    void aQuietSineReadsItsLevelAndTheChannelsArePowerMeaned() {
        // 500 Hz is a row centre (1 kHz·2^(-12/12)): the whole Hann lobe lies in the row.
        Spectrogram both = ANALYZER.analyze(Signals.sine(2, RATE, 2, 500, -30));
        assertEquals(-30, both.levelDb(both.columns() / 2, both.rowOf(500)), 0.05);
        // The sine on one channel of two, silence on the other: half the power, -3 dB.
        AudioBuffer one = Signals.sine(2, RATE, 2, 500, -30);
        java.util.Arrays.fill(one.channel(1), 0f);
        Spectrogram half = ANALYZER.analyze(one);
        assertEquals(-30 - 10 * Math.log10(2), half.levelDb(half.columns() / 2, half.rowOf(500)), 0.05);
    }

    @Test
    void aLowSineReadsItsLevelWhereRowsAreNarrowerThanBins() {
        // At 50 Hz a 1/12-octave row is 2.9 Hz wide, half a 5.86 Hz bin: the row reads the spectrum at its
        // centre, so the sine's own row reads its level less at most the Hann scalloping loss (1.42 dB).
        Spectrogram s = ANALYZER.analyze(Signals.sine(1, RATE, 3, 50, -6));
        float level = s.levelDb(s.columns() / 2, s.rowOf(50));
        assertTrue(level <= -6 + 0.05 && level >= -6 - 1.5, "50 Hz at -6 dBFS reads " + level);
    }

    @Test
    void aToneBurstLandsInItsColumns() {
        AudioBuffer burst = Signals.concat(Signals.silence(1, RATE, 2), Signals.sine(1, RATE, 1, 2_000, -12),
                Signals.silence(1, RATE, 3));
        Spectrogram s = ANALYZER.analyze(burst);
        int row = s.rowOf(2_000);
        assertEquals(-12, s.levelDb(s.columnOf(2.5), row), 0.05);
        assertEquals(Float.NEGATIVE_INFINITY, s.levelDb(s.columnOf(0.5), row), "digital silence");
        assertEquals(Float.NEGATIVE_INFINITY, s.levelDb(s.columnOf(4.5), row));
        // The window is 171 ms: 0.2 s before the burst the column is silent, 0.2 s into it the level is there.
        assertEquals(Float.NEGATIVE_INFINITY, s.levelDb(s.columnOf(1.8), row));
        assertEquals(-12, s.levelDb(s.columnOf(2.2), row), 0.05);
        assertEquals(0.0427, s.hopSeconds(), 1e-4, "a quarter window: short audio gets 75 % overlap");
    }

    @Test
    void aChirpIsFollowedRowByRow() {
        // An exponential sweep 100 Hz -> 10 kHz in 10 s at -6 dBFS: f(t) = 100·100^(t/10).
        int frames = 10 * RATE;
        float[] x = new float[frames];
        double k = Math.log(100) / 10;
        for (int i = 0; i < frames; i++) {
            double t = (double) i / RATE;
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * 100 * (Math.exp(k * t) - 1) / k));
        }
        Spectrogram s = ANALYZER.analyze(new AudioBuffer(new float[][] {x}, RATE, ChannelLayout.standard(1)));
        for (double t = 1; t < 9.5; t += 0.5) {
            int column = s.columnOf(t);
            double middle = (s.columnStartSeconds(column) + s.columnStartSeconds(column + 1)) / 2;
            double expectedHz = 100 * Math.exp(k * middle);
            int loudest = 0;
            for (int r = 1; r < s.rows(); r++) {
                if (s.levelDb(column, r) > s.levelDb(column, loudest)) {
                    loudest = r;
                }
            }
            assertEquals(s.rowOf(expectedHz), loudest, 1, "at " + t + " s the sweep is at " + expectedHz + " Hz");
            // It moves 0.11 octave in a window, so its power spreads over about two rows: within 3.5 dB of -6.
            assertEquals(-6, s.levelDb(column, loudest), 3.5, "level at " + t + " s");
        }
    }

    @Test
    void theColumnCountStaysBoundedForAnyLength() {
        // 20 minutes: 2000 columns of 0.6 s, each the power mean of its 0.6 s (about seven windows).
        AudioBuffer long20 = Signals.sine(1, 8_000, 20 * 60, 1_000, -10);
        Spectrogram s = ANALYZER.analyze(long20);
        assertEquals(2_000, s.columns());
        assertEquals(0.6, s.hopSeconds(), 1e-12);
        assertEquals(-10, s.levelDb(1_999, s.rowOf(1_000)), 0.05);
        for (int frames : new int[] {2, 100, 4_095, 4_096, 48_000, 480_001, 2_000_000}) {
            AudioBuffer audio = Signals.noise(1, RATE, frames, 0.1, frames);
            Spectrogram small = ANALYZER.maxColumns(50).analyze(audio);
            assertTrue(small.columns() <= 50 && small.columns() >= 1, frames + " frames: " + small.columns());
            assertTrue(small.columnStartSeconds(small.columns()) >= small.endSeconds() - 1e-9, "columns cover it all");
        }
    }

    @Test
    void aSpanUsesTheAudioAroundItAndKnowsWhereItStarts() {
        AudioBuffer audio = Signals.sine(2, RATE, 10, 5_000, -3);
        SpectrogramAnalyzer zoom = ANALYZER.band(2_500, 10_000).rowsPerOctave(24);
        Spectrogram span = zoom.analyze(audio, 4 * RATE, (int) (4.5 * RATE));
        assertEquals(4.0, span.startSeconds(), 1e-12);
        assertEquals(4.5, span.endSeconds(), 1e-12);
        assertEquals(48, span.rows() - 1, 1, "two octaves of 1/24-octave rows");
        int row = span.rowOf(5_000);
        for (int c = 0; c < span.columns(); c++) {
            assertEquals(-3, span.levelDb(c, row), 0.05, "column " + c);
        }
        assertThrows(IllegalArgumentException.class, () -> zoom.analyze(audio, 5, 5));
        assertThrows(IllegalArgumentException.class, () -> zoom.analyze(audio, 0, audio.frames() + 1));
    }

    /**
     * Spectrograms of the same columns made together (the whole song's and a problem's zoom) are the bits each
     * has alone, and those of the plain computation the class comment describes: each column's segments
     * windowed, transformed, their power summed, calibrated and read into rows.
     */
    @Test
    void spectrogramsMadeTogetherHaveTheBitsOfTheirPlainComputation() {
        AudioBuffer noise = Signals.noise(2, RATE, 5 * RATE, 0.1, 3);
        SpectrogramAnalyzer zoom = ANALYZER.rowsPerOctave(24).band(90, 800);
        SpectrogramAnalyzer few = ANALYZER.maxColumns(7);
        int from = RATE / 3;
        int to = 4 * RATE;
        java.util.List<Spectrogram> together = SpectrogramAnalyzer.analyzeTogether(noise, from, to,
                java.util.List.of(ANALYZER, zoom));
        assertEquals(ANALYZER.analyze(noise, from, to), together.get(0));
        assertEquals(zoom.analyze(noise, from, to), together.get(1));
        int n = 8192;
        SpectrumWindow window = SpectrumWindow.hann(n);
        int hop = together.get(0).hopFrames();
        for (int i = 0; i < 2; i++) {
            SpectrogramAnalyzer analyzer = i == 0 ? ANALYZER : zoom;
            SpectrogramRows rows = i == 0 ? SpectrogramRows.of(20, 20_000, 12, RATE, n)
                    : SpectrogramRows.of(90, 800, 24, RATE, n);
            Spectrogram s = together.get(i);
            for (int c : new int[] {0, 5, s.columns() - 1}) {
                long start = from + (long) c * hop;
                double[] power = plainColumnPower(noise, window, start, Math.min(to, start + hop));
                for (int r = 0; r < rows.count(); r++) {
                    double p = rows.power(r, power);
                    assertEquals((float) (10 * Math.log10(p)), s.levelDb(c, r), 0f, analyzer + " column " + c + " row " + r);
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> SpectrogramAnalyzer.analyzeTogether(noise, from, to,
                java.util.List.of(ANALYZER, few)), "columns of another width cannot be shared");
    }

    /** A column's calibrated power per bin: one Hann segment per half window, channels and segments averaged. */
    private static double[] plainColumnPower(AudioBuffer audio, SpectrumWindow window, long from, long to) {
        int n = window.size;
        int segments = (int) Math.max(1, Math.round((to - from) / (n / 2.0)));
        double[] power = new double[FftPacking.bins(n)];
        double[] packed = new double[n];
        for (int s = 0; s < segments; s++) {
            long centre = from + (2 * s + 1) * (to - from) / (2L * segments);
            int start = (int) Math.max(0, Math.min(audio.frames() - n, centre - n / 2));
            for (int ch = 0; ch < audio.channels(); ch++) {
                window.apply(audio.channel(ch), start, packed);
                SpectrumFft.realTransform(n).realForward(packed);
                FftPacking.addPower(packed, n, power);
            }
        }
        double count = (double) segments * audio.channels();
        for (int k = 0; k < power.length; k++) {
            power[k] *= (k == 0 || k == power.length - 1 ? 1 : 4) / (window.sum * window.sum) / count;
        }
        return power;
    }
}

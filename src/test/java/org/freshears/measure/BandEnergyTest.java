package org.freshears.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.freshears.audio.AudioBuffer;
import org.freshears.audio.ChannelLayout;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;

class BandEnergyTest {
    private static final int RATE = 48000;
    private static final double NOISE_AMPLITUDE = 0.1;
    /** Uniform noise on [−a, a): σ² = a²/3, spread evenly over 0 … 24 kHz. */
    private static final double NOISE_VARIANCE = NOISE_AMPLITUDE * NOISE_AMPLITUDE / 3;
    /** A −20 dBFS sine: mean square (0.1)²/2. */
    private static final double TONE_MEAN_SQUARE = 0.005;

    /** 6 s of stereo white noise with a 300 Hz tone added from 2 s to 4 s. */
    private static AudioBuffer noiseWithTone() {
        AudioBuffer noise = Signals.noise(2, RATE, 6 * RATE, NOISE_AMPLITUDE, 21);
        AudioBuffer tone = Signals.sine(1, RATE, 2, 300, -20);
        for (int c = 0; c < 2; c++) {
            float[] x = noise.channel(c);
            for (int i = 0; i < tone.frames(); i++) {
                x[2 * RATE + i] += tone.channel(0)[i];
            }
        }
        return noise;
    }

    private static double noiseInBandDb(double lowHz, double highHz) {
        return 10 * Math.log10(NOISE_VARIANCE * (highHz - lowHz) / (RATE / 2.0));
    }

    @Test
    void toneInASpanRaisesItsBandInThatSpanOnly() {
        AudioBuffer audio = noiseWithTone();
        double noiseBand = noiseInBandDb(180, 400);
        double toneBand = 10 * Math.log10(TONE_MEAN_SQUARE + NOISE_VARIANCE * 220 / 24000);

        BandLevel before = BandEnergy.inSpan(audio, 0, 2, 180, 400);
        BandLevel during = BandEnergy.inSpan(audio, 2, 4, 180, 400);
        BandLevel after = BandEnergy.inSpan(audio, 4, 6, 180, 400);
        BandLevel otherBand = BandEnergy.inSpan(audio, 2, 4, 2000, 4000);
        System.out.printf("band 180-400: before %.3f, during %.3f (expected %.3f / %.3f), after %.3f;"
                + " 2-4 kHz during %.3f (expected %.3f)%n", before.bandDb(), during.bandDb(), noiseBand, toneBand,
                after.bandDb(), otherBand.bandDb(), noiseInBandDb(2000, 4000));
        // A noise band estimate over bandwidth B and time T scatters by 1/sqrt(B·T): 220 Hz × 2 s → 4.8 %,
        // 0.2 dB; allow 3 standard deviations. The 2–4 kHz band scatters by 1.6 %, 0.07 dB.
        assertEquals(noiseBand, before.bandDb(), 0.6);
        assertEquals(noiseBand, after.bandDb(), 0.6);
        assertEquals(toneBand, during.bandDb(), 0.1);
        assertEquals(noiseInBandDb(2000, 4000), otherBand.bandDb(), 0.3);
        // White noise alone: the band holds its share of the spectrum, 220 Hz of 24 kHz.
        assertEquals(10 * Math.log10(220 / 24000.0), before.relativeDb(), 0.6);
        assertEquals(10 * Math.log10((TONE_MEAN_SQUARE + NOISE_VARIANCE * 220 / 24000)
                / (TONE_MEAN_SQUARE + NOISE_VARIANCE)), during.relativeDb(), 0.1);

        BandEnergyTrack track = BandEnergy.track(audio, 180, 400);
        double halfFrame = track.fftSize() / 2.0 / RATE;
        int inside = 0;
        int outside = 0;
        double worstOutside = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < track.points(); p++) {
            double t = track.timeSeconds(p);
            if (t - halfFrame >= 2 && t + halfFrame <= 4) {
                assertEquals(toneBand, track.bandDb(p), 0.5, "inside the span at " + t + " s");
                inside++;
            } else if (t + halfFrame <= 2 || t - halfFrame >= 4) {
                assertTrue(track.bandDb(p) < noiseBand + 4, "outside the span at " + t + " s: " + track.bandDb(p));
                worstOutside = Math.max(worstOutside, track.bandDb(p));
                outside++;
            }
        }
        System.out.printf("track: %d frames inside (tone %.2f dB), %d outside, loudest outside %.2f (noise %.2f)%n",
                inside, toneBand, outside, worstOutside, noiseBand);
        assertTrue(inside >= 35 && outside >= 75, inside + " inside, " + outside + " outside");
    }

    @Test
    void relativeLevelIgnoresOverallGain() {
        AudioBuffer audio = noiseWithTone();
        AudioBuffer louder = audio.copy();
        float gain = (float) Signals.dbToLinear(6);
        for (int c = 0; c < 2; c++) {
            float[] x = louder.channel(c);
            for (int i = 0; i < x.length; i++) {
                x[i] *= gain;
            }
        }
        BandEnergyTrack quiet = BandEnergy.track(audio, 180, 400);
        BandEnergyTrack loud = BandEnergy.track(louder, 180, 400);
        double worst = 0;
        for (int p = 0; p < quiet.points(); p++) {
            assertEquals(quiet.relativeDb(p), loud.relativeDb(p), 0.01);
            assertEquals(quiet.bandDb(p) + 6, loud.bandDb(p), 0.01);
            worst = Math.max(worst, Math.abs(quiet.relativeDb(p) - loud.relativeDb(p)));
        }
        BandLevel a = BandEnergy.inSpan(audio, 2, 4, 180, 400);
        BandLevel b = BandEnergy.inSpan(louder, 2, 4, 180, 400);
        System.out.printf("+6 dB: relative level moved by at most %.2e dB (track), %.2e dB (span)%n", worst,
                Math.abs(a.relativeDb() - b.relativeDb()));
        assertEquals(a.relativeDb(), b.relativeDb(), 0.01);
        assertEquals(a.bandDb() + 6, b.bandDb(), 0.01);
    }

    @Test
    void trackHopsFiftyMillisecondsAndStampsFrameCentres() {
        BandEnergyTrack track = BandEnergy.track(Signals.noise(1, RATE, 3 * RATE, 0.1, 1), 100, 200);
        assertEquals(4096, track.fftSize());
        assertEquals(0.05, track.hopSeconds(), 1e-12);
        assertEquals(2048.0 / RATE, track.timeSeconds(0), 1e-12);
        assertEquals(2048.0 / RATE + 0.05, track.timeSeconds(1), 1e-12);
        assertEquals((3 * RATE - 4096) / 2400 + 1, track.points());
        assertEquals(8192, BandEnergy.track(Signals.noise(1, 96000, 96000, 0.1, 1), 100, 200).fftSize());
    }

    @Test
    void dualMonoReadsLikeOneChannelAndSilenceIsNaN() {
        AudioBuffer noise = Signals.noise(1, RATE, 2 * RATE, 0.3, 4);
        float[] x = noise.channel(0);
        AudioBuffer dual = new AudioBuffer(new float[][] {x, x.clone()}, RATE, ChannelLayout.standard(2));
        BandLevel one = BandEnergy.inSpan(noise, 0, 2, 500, 1500);
        BandLevel two = BandEnergy.inSpan(dual, 0, 2, 500, 1500);
        assertEquals(one.bandDb(), two.bandDb(), 1e-9);
        assertEquals(one.relativeDb(), two.relativeDb(), 1e-9);

        BandLevel silent = BandEnergy.inSpan(Signals.silence(2, RATE, 1), 0, 1, 100, 200);
        assertTrue(Double.isNaN(silent.bandDb()) && Double.isNaN(silent.relativeDb()));
    }

    @Test
    void wholeBandIsEverythingAndEdgeBinsCountByOverlap() {
        // The whole band: relative 0 dB, and the level is the RMS level of Levels (a sine reads −3.01 dB).
        AudioBuffer sine = Signals.sine(1, RATE, 2, 1000, -10);
        BandLevel all = BandEnergy.inSpan(sine, 0, 2, 0, RATE / 2.0);
        assertEquals(0, all.relativeDb(), 1e-9);
        assertEquals(Levels.measure(sine).rmsDbfs(), all.bandDb(), 0.01);

        int n = 4096;
        double binWidth = RATE / (double) n;
        double[] whole = BandEnergy.binWeights(n, RATE, 0, RATE / 2.0);
        assertEquals(1, whole[0], 1e-12);
        assertEquals(2, whole[1], 1e-12);
        assertEquals(1, whole[n / 2], 1e-12);
        // A band from the centre of bin 10 to a quarter into bin 20: half of bin 10, bins 11..19, a quarter of 20
        // (as 3/4 of bin 20's interval [19.5, 20.5]Δf lies above the edge).
        double[] part = BandEnergy.binWeights(n, RATE, 10 * binWidth, 19.75 * binWidth);
        assertEquals(0, part[9], 1e-12);
        assertEquals(1, part[10], 1e-12);
        assertEquals(2, part[15], 1e-12);
        assertEquals(0.5, part[20], 1e-12);
        assertEquals(0, part[21], 1e-12);
    }

    @Test
    void badBandsAndSpansAreRefusedClearly() {
        AudioBuffer audio = Signals.noise(1, RATE, RATE, 0.1, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BandEnergy.track(audio, 100, 30000));
        assertEquals("highHz must be <= Nyquist (24000.0 Hz), got 30000.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BandEnergy.track(audio, 400, 180));
        assertThrows(IllegalArgumentException.class, () -> BandEnergy.inSpan(audio, 0.5, 1.5, 100, 200));
        assertThrows(IllegalArgumentException.class, () -> BandEnergy.inSpan(audio, 0.5, 0.5, 100, 200));
    }

    /** Bands of one span read from shared frames (transformed in parallel) have the bits each has alone. */
    @Test
    void severalBandsOfOneSpanHaveTheBitsOfEachMeasuredAlone() {
        AudioBuffer noise = Signals.noise(2, RATE, 20 * RATE, NOISE_AMPLITUDE, 7); // hundreds of frames, many chunks
        double[] lowHz = {180, 5_000, 0};
        double[] highHz = {400, 9_000, 24_000};
        BandLevel[] together = BandEnergy.inSpan(noise, 1.5, 19.25, lowHz, highHz);
        for (int b = 0; b < lowHz.length; b++) {
            BandLevel alone = BandEnergy.inSpan(noise, 1.5, 19.25, lowHz[b], highHz[b]);
            assertEquals(alone.bandDb(), together[b].bandDb(), 0.0, "band " + b);
            assertEquals(alone.relativeDb(), together[b].relativeDb(), 0.0, "band " + b);
        }
        assertEquals(0.0, together[2].relativeDb(), 1e-9, "the whole spectrum against itself");
        assertThrows(IllegalArgumentException.class, () -> BandEnergy.inSpan(noise, 0, 1, lowHz, new double[] {400}));
    }

    /**
     * The levels are the bits of the plain sum the class comment describes (every bin's power, every frame,
     * in order): working out only the bins a band reads, and the total while windowing, changes no bit.
     */
    @Test
    void levelsHaveTheBitsOfThePlainSumOverEveryBin() {
        AudioBuffer audio = noiseWithTone();
        double[] lowHz = {180, 0, 5_000, 11_000};
        double[] highHz = {400, 100, 9_000, 24_000};
        BandLevel[] together = BandEnergy.inSpan(audio, 0.7, 5.3, lowHz, highHz);
        BandEnergyTrack[] tracks = BandEnergy.track(audio, lowHz, highHz);
        int n = 8192; // a span's frames are the long-term spectrum's
        int trackN = 4096;
        int from = (int) Math.round(0.7 * RATE);
        int[] starts = SpectrumAnalyzer.welchStarts((int) Math.round(5.3 * RATE) - from, n);
        int hop = (int) Math.round(BandEnergy.HOP_SECONDS * RATE);
        for (int b = 0; b < lowHz.length; b++) {
            double[] weights = BandEnergy.binWeights(n, RATE, lowHz[b], highHz[b]);
            double[] trackWeights = BandEnergy.binWeights(trackN, RATE, lowHz[b], highHz[b]);
            double bandSum = 0;
            double allSum = 0;
            for (int start : starts) {
                double[] frame = plainMeanSquares(audio, from + start, n, weights);
                bandSum += frame[0];
                allSum += frame[1];
            }
            assertEquals(Levels.powerDb(bandSum / starts.length), together[b].bandDb(), 0.0, "band " + b);
            assertEquals(10 * Math.log10(bandSum / allSum), together[b].relativeDb(), 0.0, "band " + b);
            BandEnergyTrack alone = BandEnergy.track(audio, lowHz[b], highHz[b]);
            assertEquals(alone, tracks[b], "band " + b + "'s track, alone and with the others");
            for (int p : new int[] {0, 17, tracks[b].points() - 1}) {
                double[] frame = plainMeanSquares(audio, p * hop, trackN, trackWeights);
                assertEquals(Levels.powerDb(frame[0]), tracks[b].bandDb(p), 0.0, "band " + b + " point " + p);
                assertEquals(10 * Math.log10(frame[0] / frame[1]), tracks[b].relativeDb(p), 0.0,
                        "band " + b + " point " + p);
            }
        }
    }

    /**
     * Whole-audio bands read from the long-term spectrum's own transforms have the bits of the span measured by
     * itself (stereo, mono, three channels, 44.1 kHz with a length off the hop), and the spectrum keeps its bits;
     * a spectrum of another FFT size cannot lend its transforms, and the bands are measured by themselves.
     */
    @Test
    void wholeAudioBandsReadFromTheSpectrumHaveTheBitsOfTheSpanMeasuredAlone() {
        double[] lowHz = {180, 0, 5_000};
        double[] highHz = {400, 100, 20_000};
        for (AudioBuffer audio : java.util.List.of(noiseWithTone(), Signals.noise(1, RATE, 3 * RATE, 0.1, 5),
                Signals.noise(3, 44_100, 2 * 44_100 + 17, 0.2, 6))) {
            String what = audio.channels() + " ch at " + audio.sampleRate() + " Hz";
            BandLevel[] alone = BandEnergy.inSpan(audio, 0, audio.durationSeconds(), lowHz, highHz);
            assertTrue(BandEnergy.coversWhole(audio, 0, audio.durationSeconds()), what);
            for (SpectrumAnalyzer analyzer : java.util.List.of(new SpectrumAnalyzer(), SpectrumAnalyzer.withFftSize(1024))) {
                BandEnergy.WholeAudio whole = new BandEnergy.WholeAudio(lowHz, highHz);
                assertThrows(IllegalStateException.class, whole::levels, "not measured yet");
                Spectrum spectrum = analyzer.analyze(audio, whole);
                assertEquals(analyzer.analyze(audio), spectrum, what + ", " + analyzer + ": the spectrum");
                assertEquals(java.util.List.of(alone), java.util.List.of(whole.levels()), what + ", " + analyzer);
            }
        }
        AudioBuffer audio = noiseWithTone();
        assertTrue(!BandEnergy.coversWhole(audio, 0.5 / RATE, 6) && BandEnergy.coversWhole(audio, 0.4 / RATE, 6)
                && !BandEnergy.coversWhole(audio, 0, 6 - 1.0 / RATE), "a span covers the whole as inSpan rounds it");
        assertThrows(IllegalArgumentException.class,
                () -> new SpectrumAnalyzer().analyze(audio, new BandEnergy.WholeAudio(lowHz, new double[] {30_000, 1, 2})),
                "a band past Nyquist");
    }

    /** {band, total} mean square of the frame at start: window, transform, every bin's power, channels averaged. */
    private static double[] plainMeanSquares(AudioBuffer audio, int start, int n, double[] weights) {
        SpectrumWindow window = SpectrumWindow.hann(n);
        double[] packed = new double[n];
        double[] power = new double[FftPacking.bins(n)];
        double band = 0;
        double all = 0;
        for (int c = 0; c < audio.channels(); c++) {
            window.apply(audio.channel(c), start, packed);
            double energy = 0;
            for (double v : packed) {
                energy += v * v;
            }
            all += n * energy;
            SpectrumFft.realTransform(n).realForward(packed);
            FftPacking.power(packed, n, power);
            for (int k = 0; k < power.length; k++) {
                band += weights[k] * power[k];
            }
        }
        double norm = 1 / (n * window.sumOfSquares * audio.channels());
        return new double[] {band * norm, all * norm};
    }
}

package org.freshears.translation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.freshears.audio.AudioBuffer;
import org.freshears.chain.LowPass;
import org.freshears.chain.StereoWidth;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;

/**
 * The playback systems: each one's response, measured by playing sines through its preview, against the
 * textbook formulas of its documented filters; what a phone leaves of sub-bass; the mono fold of the club
 * (and phone) cancelling an out-of-phase pair to silence; the previews and their keys.
 */
class PlaybackSystemTest {
    private static final int RATE = 48_000;

    /**
     * |H| in dB of the documented filters, from the analog prototypes through the bilinear transform
     * prewarped at the corner (Omega = tan(pi f / fs) / tan(pi fc / fs)): Butterworth |H|^2 = 1 / (1 +
     * Omega^(-+2n)); the RBJ shelves' prototypes A (s^2 + sqrt(A)/Q s + A) / (A s^2 + sqrt(A)/Q s + 1) (low)
     * and A (A s^2 + sqrt(A)/Q s + 1) / (s^2 + sqrt(A)/Q s + A) (high), Q = 1/sqrt(2). Written here from the
     * formulas, not from the code under test.
     */
    private static double highPassDb(double f, double fc, int slopeDbPerOct) {
        double omega = omega(f, fc);
        return -10 * Math.log10(1 + Math.pow(omega, -2.0 * slopeDbPerOct / 6));
    }

    private static double lowPassDb(double f, double fc, int slopeDbPerOct) {
        double omega = omega(f, fc);
        return -10 * Math.log10(1 + Math.pow(omega, 2.0 * slopeDbPerOct / 6));
    }

    private static double lowShelfDb(double f, double fc, double gainDb) {
        double a = Math.pow(10, gainDb / 40);
        double w = omega(f, fc);
        double k = Math.sqrt(a) / Math.sqrt(0.5);
        // A (-(w^2) + A + j k w) / (-(A w^2) + 1 + j k w)
        double num = Math.hypot(a - w * w, k * w);
        double den = Math.hypot(1 - a * w * w, k * w);
        return 20 * Math.log10(a * num / den);
    }

    private static double highShelfDb(double f, double fc, double gainDb) {
        double a = Math.pow(10, gainDb / 40);
        double w = omega(f, fc);
        double k = Math.sqrt(a) / Math.sqrt(0.5);
        double num = Math.hypot(1 - a * w * w, k * w);
        double den = Math.hypot(a - w * w, k * w);
        return 20 * Math.log10(a * num / den);
    }

    private static double omega(double f, double fc) {
        return Math.tan(Math.PI * f / RATE) / Math.tan(Math.PI * fc / RATE);
    }

    /** Each system's documented curve, as the formulas above. */
    private static final Map<PlaybackSystem, DoubleUnaryOperator> DOCUMENTED = Map.of(
            PlaybackSystem.PHONE, f -> highPassDb(f, 500, 24) + lowPassDb(f, 10_000, 12),
            PlaybackSystem.LAPTOP, f -> highPassDb(f, 300, 24) + lowPassDb(f, 10_000, 12),
            PlaybackSystem.EARBUDS, f -> highPassDb(f, 40, 12) + lowShelfDb(f, 110, 4),
            PlaybackSystem.CAR, f -> highPassDb(f, 40, 12) + lowShelfDb(f, 80, 8),
            PlaybackSystem.CLUB, f -> highPassDb(f, 30, 24) + lowShelfDb(f, 100, 6) + highShelfDb(f, 10_000, -6));

    @Test
    void eachSystemPlaysSinesAtItsDocumentedResponse() {
        assertEquals(PlaybackSystem.values().length, DOCUMENTED.size());
        for (PlaybackSystem system : PlaybackSystem.values()) {
            for (double f : new double[] {45, 110, 300, 1_000, 3_000, 8_000, 14_000}) {
                double expected = DOCUMENTED.get(system).applyAsDouble(f);
                assertEquals(expected, system.responseDb(f, RATE), 1e-6, system + " response at " + f + " Hz");
                assertEquals(expected, playedGainDb(system, f), 0.05, system + " played at " + f + " Hz");
            }
        }
        // Spot values worth knowing (and a check on the formulas themselves): Butterworth corners are -3.01 dB,
        // a shelf is at half its gain at its corner.
        assertEquals(-3.01, PlaybackSystem.PHONE.responseDb(500, RATE), 0.01);
        assertEquals(4.0, lowShelfDb(80, 80, 8), 1e-9);
        assertEquals(-3.0, highShelfDb(10_000, 10_000, -6), 1e-9);
    }

    /** A stereo sine (the same in both channels) through the system's preview: output over input RMS, settled. */
    private static double playedGainDb(PlaybackSystem system, double freqHz) {
        AudioBuffer in = Signals.sine(2, RATE, 2.0, freqHz, -6);
        AudioBuffer out = system.preview(in);
        int from = RATE; // the last second: every filter has settled
        return 20 * Math.log10(rms(out.channel(0), from) / rms(in.channel(0), from));
    }

    private static double rms(float[] samples, int from) {
        double sum = 0;
        for (int i = from; i < samples.length; i++) {
            sum += (double) samples[i] * samples[i];
        }
        return Math.sqrt(sum / (samples.length - from));
    }

    @Test
    void aPhoneLeavesNothingOfSubBass() {
        AudioBuffer sub = Signals.sine(2, RATE, 2.0, 40, -6);
        double lossDb = 20 * Math.log10(rms(PlaybackSystem.PHONE.preview(sub).channel(0), RATE)
                / rms(sub.channel(0), RATE));
        assertEquals(highPassDb(40, 500, 24) + lowPassDb(40, 10_000, 12), lossDb, 0.05);
        assertTrue(lossDb < -87, "40 Hz through a phone: " + lossDb + " dB");

        // The same, read as a problem area beside a 1 kHz tone that carries the loudness.
        AudioBuffer song = Signals.sine(2, RATE, 3.0, 40, -6);
        AudioBuffer tone = Signals.sine(2, RATE, 3.0, 1_000, -12);
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < song.frames(); i++) {
                song.channel(c)[i] += tone.channel(c)[i];
            }
        }
        ProblemBand subBass = new ProblemBand("sub-bass", 0.5, 3.0, 20, 60);
        List<SystemReading> readings = PlaybackSystems.read(song, List.of(subBass));
        SystemReading phone = readings.get(0);
        assertEquals(PlaybackSystem.PHONE, phone.system());
        assertTrue(phone.band("sub-bass").changeDb() < -60, phone.toString());
        assertTrue(phone.band("low").changeDb() < -60, phone.toString());
        SystemReading club = readings.get(4);
        assertEquals(PlaybackSystem.CLUB, club.system());
        // The club's subs lift the 40 Hz tone by the club's response there, less what that adds to the loudness.
        assertEquals(PlaybackSystem.CLUB.responseDb(40, RATE) - club.loudnessChangeLu(),
                club.band("sub-bass").changeDb(), 0.1, club.toString());
        assertTrue(club.band("sub-bass").changeDb() > 1, club.toString());
    }

    @Test
    void theClubAndThePhoneFoldAnOutOfPhasePairToSilence() {
        AudioBuffer pair = Signals.pinkNoise(2, RATE, RATE, 0.2, 7);
        float[] left = pair.channel(0);
        float[] right = pair.channel(1);
        for (int i = 0; i < left.length; i++) {
            right[i] = -left[i];
        }
        float[] silence = new float[left.length];
        for (PlaybackSystem system : List.of(PlaybackSystem.CLUB, PlaybackSystem.PHONE)) {
            AudioBuffer out = system.preview(pair);
            assertArrayEquals(silence, out.channel(0), system + " left");
            assertArrayEquals(silence, out.channel(1), system + " right");
            assertTrue(system.mono());
        }
        AudioBuffer laptop = PlaybackSystem.LAPTOP.preview(pair);
        assertTrue(rms(laptop.channel(0), 0) > 0.01, "a stereo system keeps both channels");
        assertEquals(-left[100], pair.channel(1)[100], "the preview leaves its input alone");
    }

    @Test
    void theBalanceShowsWhatEachSystemDoesToLowMidAndHigh() {
        AudioBuffer noise = Signals.pinkNoise(2, RATE, 4 * RATE, 0.2, 11);
        List<SystemReading> readings = PlaybackSystems.read(noise, List.of());
        assertEquals(List.of(PlaybackSystem.values()), readings.stream().map(SystemReading::system).toList());
        for (SystemReading r : readings) {
            assertEquals(PlaybackSystems.BALANCE_BANDS, r.balance().stream().map(BandReading::name).toList());
        }
        SystemReading laptop = readings.get(1);
        SystemReading car = readings.get(3);
        assertTrue(laptop.band("low").changeDb() < -10, laptop.toString());
        assertTrue(laptop.loudnessChangeLu() < 0, "losing the bass costs loudness: " + laptop);
        assertTrue(car.band("low").changeDb() > 1.5, "cabin gain: " + car);
        assertTrue(car.band("mid").changeDb() < 0, "at matched loudness the car's mids sit lower: " + car);
        // Matched: a plain gain on the input moves no balance figure.
        AudioBuffer quieter = noise.copy();
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < quieter.frames(); i++) {
                quieter.channel(c)[i] *= 0.5f;
            }
        }
        SystemReading car2 = PlaybackSystems.read(List.of(PlaybackSystem.CAR), quieter, List.of()).get(0);
        assertEquals(car.band("low").matchedDb(), car2.band("low").matchedDb(), 1e-6);
        assertEquals(car.loudnessLufs() - 6.02, car2.loudnessLufs(), 0.01);
    }

    @Test
    void previewsCarryTheirKeysAndNamesAreChecked() {
        AudioBuffer noise = Signals.pinkNoise(2, RATE, RATE / 2, 0.2, 3);
        Map<String, AudioBuffer> previews = PlaybackSystems.previews(noise);
        assertEquals(List.of("preview:phone", "preview:laptop", "preview:earbuds", "preview:car", "preview:club"),
                List.copyOf(previews.keySet()));
        assertFalse(previews.get("preview:phone") == noise);
        assertEquals(PlaybackSystem.CAR, PlaybackSystem.named(" Car"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlaybackSystem.named("tv"));
        assertEquals("unknown playback system 'tv' (known: phone, laptop, earbuds, car, club)", e.getMessage());
        for (PlaybackSystem system : PlaybackSystem.values()) {
            assertFalse(system.basis().isBlank());
        }
    }

    @Test
    void aFilterAboveNyquistIsLeftOutAndTheMonoFoldComesFirst() {
        assertEquals(List.of(new StereoWidth(0), PlaybackSystem.PHONE.filters().get(0)),
                PlaybackSystem.PHONE.chain(2, 16_000));
        assertTrue(PlaybackSystem.PHONE.chain(2, RATE).get(2) instanceof LowPass);
        assertEquals(PlaybackSystem.PHONE.filters(), PlaybackSystem.PHONE.chain(1, RATE), "mono audio is mono already");
        assertThrows(IllegalArgumentException.class, () -> PlaybackSystem.CLUB.chain(6, RATE));
    }
}

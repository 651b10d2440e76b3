package org.freshears.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.freshears.audio.AudioBuffer;
import org.freshears.audio.ChannelLayout;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;

class SpectrumTrackTest {

    @Test
    void itsLongTermSpectrumReadsAsTheAnalyzers() {
        AudioBuffer noise = Signals.noise(2, 48_000, (int) (7.3 * 48_000), 0.1, 11);
        SpectrumTrack track = new SpectrumTrackAnalyzer(3, 2).analyze(noise);
        Spectrum welch = new SpectrumAnalyzer().analyze(noise);
        assertEquals(welch.fftSize(), track.spectrum().fftSize());
        assertEquals(welch.seriesNames(), track.spectrum().seriesNames());
        // The same calibration: white noise's mean level over the band agrees within 0.1 dB (adjacent segments
        // are the same estimate with fewer averages).
        double a = 0;
        double b = 0;
        for (int k = 10; k < welch.bins() - 10; k++) {
            a += Math.pow(10, welch.levelDb(0, k) / 10);
            b += Math.pow(10, track.spectrum().levelDb(0, k) / 10);
        }
        assertEquals(10 * Math.log10(a), 10 * Math.log10(b), 0.1);
        assertEquals(43, track.spectrum().segments()); // 7.3 s of 8192-frame segments, the last one aligned to the end
        assertEquals(4, track.windows()); // 7.3 s in 2 s windows
    }

    @Test
    void aToneSitsInItsBandAndItsShareDoesNotMoveWithLevel() {
        int rate = 48_000;
        float[][] x = new float[1][rate * 4];
        for (int i = 0; i < x[0].length; i++) {
            // 1 kHz in the first two seconds, then 4 kHz 20 dB quieter
            double f = i < 2 * rate ? 1000 : 4000;
            double a = i < 2 * rate ? 0.5 : 0.05;
            x[0][i] = (float) (a * Math.sin(2 * Math.PI * f * i / rate));
        }
        SpectrumTrack track = new SpectrumTrackAnalyzer(3, 2).analyze(new AudioBuffer(x, rate, ChannelLayout.standard(1)));
        FractionalOctaveBands bands = track.bands();
        int band1k = -1;
        int band4k = -1;
        for (int b = 0; b < bands.count(); b++) {
            band1k = bands.lowHz(b) <= 1000 && bands.highHz(b) > 1000 ? b : band1k;
            band4k = bands.lowHz(b) <= 4000 && bands.highHz(b) > 4000 ? b : band4k;
        }
        // Each window's tone holds nearly all of its spectrum (Hann leakage into neighbours stays under 1 %),
        // whatever its level. A 170 ms segment centred in the second window still reaches back over the change,
        // where the 1 kHz tone is 20 dB louder: it costs the 4 kHz tone a little of its window's share.
        assertTrue(track.relativeDb(0, band1k, band1k) > -0.1, "" + track.relativeDb(0, band1k, band1k));
        assertTrue(track.relativeDb(1, band4k, band4k) > -1, "" + track.relativeDb(1, band4k, band4k));
        assertTrue(track.relativeDb(1, band1k, band1k) < -10, "" + track.relativeDb(1, band1k, band1k));
        assertEquals(1000, bands.centreHz(band1k), 1e-9);
        assertEquals(3, bands.bandsPerOctave());
    }

    /**
     * Band levels read dBFS as problem areas do (a sine of amplitude A: 20·log10(A) − 3.01 dBFS) and the loudness
     * estimate follows BS.1770-4 (a 997 Hz sine at 0 dBFS in one channel reads −3.01 LUFS): so a tonal finding can
     * be stated on the matched scale, band dBFS minus LUFS.
     */
    @Test
    void bandLevelsReadDbfsAndLoudnessFollowsBs1770() {
        int rate = 48_000;
        float[][] x = new float[1][rate * 6];
        for (int i = 0; i < x[0].length; i++) {
            x[0][i] = (float) (0.5 * Math.sin(2 * Math.PI * 997 * i / rate));
        }
        SpectrumTrack track = new SpectrumTrackAnalyzer(3, 2).analyze(new AudioBuffer(x, rate, ChannelLayout.standard(1)));
        int all = track.bands().count() - 1;
        double expected = 20 * Math.log10(0.5) - 3.0103;
        assertEquals(expected, track.bandDb(0, track.windows() - 1, 0, all), 0.01);
        assertEquals(expected, track.loudnessDb(0, track.windows() - 1), 0.05);
        assertEquals(expected, track.loudnessDb(1, 1), 0.05);
        // Stereo sums channels in loudness (+3.01 dB) where band levels average them.
        SpectrumTrack stereo = new SpectrumTrackAnalyzer(3, 2).analyze(new AudioBuffer(new float[][] {x[0], x[0]}, rate,
                ChannelLayout.standard(2)));
        assertEquals(expected, stereo.bandDb(0, 0, 0, all), 0.01);
        assertEquals(expected + 3.0103, stereo.loudnessDb(0, 0), 0.05);
    }
}

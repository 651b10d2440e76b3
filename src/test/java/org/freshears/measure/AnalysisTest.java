package org.freshears.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.freshears.audio.AudioBuffer;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;

class AnalysisTest {

    @Test
    void withoutTheSpectrumEveryOtherReadingIsTheSame() {
        AudioBuffer audio = Signals.pinkNoise(2, 48_000, 5 * 48_000, 0.1, 9);
        Analysis full = Analysis.of(audio);
        Analysis light = Analysis.withoutSpectrum(audio, f -> { });
        assertEquals(full.loudness(), light.loudness());
        assertEquals(full.truePeak(), light.truePeak());
        assertEquals(full.levels(), light.levels());
        assertTrue(full.hasSpectrum());
        assertFalse(light.hasSpectrum());
        assertEquals("this analysis was made without the spectrum",
                assertThrows(IllegalStateException.class, light::spectrum).getMessage());
    }

    @Test
    void derivedFiguresFollowTheirDefinitions() {
        // EBU Tech 3341 case 1 tone: -23 dBFS peak per channel reads -23 LUFS; its true peak is -23 dBTP.
        Analysis a = Analysis.of(Signals.sine(2, 48_000, 10, 1_000, -23));
        assertEquals(a.truePeakDbtp() - a.integratedLufs(), a.plrDb(), 0);
        assertEquals(a.truePeakDbtp() - a.maxShortTermLufs(), a.psrDb(), 0);
        assertEquals(0.0, a.plrDb(), 0.1);
        assertEquals(10.0, a.durationSeconds(), 0);
    }
}

package org.freshears.chain;

import static org.freshears.Mastering.bandPass;
import static org.freshears.Mastering.bell;
import static org.freshears.Mastering.compressor;
import static org.freshears.Mastering.dynamicEq;
import static org.freshears.Mastering.highPass;
import static org.freshears.Mastering.highShelf;
import static org.freshears.Mastering.limiter;
import static org.freshears.Mastering.lowPass;
import static org.freshears.Mastering.lowShelf;
import static org.freshears.Mastering.multiband;
import static org.freshears.Mastering.notch;
import static org.freshears.Mastering.saturation;
import static org.freshears.Mastering.stereoWidth;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Issue 11.3: {@code stereoWidth(1.1)} (meant 110 %) made the master mono without a word. Values that are
 * surely a unit mistake are refused, and the message shows both readings.
 */
class UnitMistakesTest {
    private static void refused(String message, Executable make) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, make).getMessage());
    }

    @Test
    void aWidthWrittenAsARatioIsRefusedWithBothReadings() {
        refused("widthPercent is in percent: 1.1 means 1.1 %, which no one sets; if you meant a ratio of 1.1, that is"
                + " 110 %: write 110", () -> stereoWidth(1.1));
        refused("widthPercent is in percent: 2 means 2 %, which no one sets; if you meant a ratio of 2, that is"
                + " 200 %: write 200", () -> stereoWidth(2));
        assertDoesNotThrow(() -> stereoWidth(0));      // mono, on purpose
        assertDoesNotThrow(() -> stereoWidth(110));
        assertDoesNotThrow(() -> stereoWidth(2.5));    // unusual, but a percentage
        refused("monoBassBelowHz is in Hz: 0.12 Hz is below hearing (20 Hz); if you meant 0.12 kHz, write 120",
                () -> stereoWidth(100).monoBassBelowHz(0.12));
    }

    @Test
    void aFrequencyInKilohertzIsRefusedWithBothReadings() {
        refused("freqHz is in Hz: 7 Hz is below hearing (20 Hz); if you meant 7 kHz, write 7000", () -> bell(7, -4));
        refused("freqHz is in Hz: 10 Hz is below hearing (20 Hz); if you meant 10 kHz, write 10000",
                () -> highShelf(10, -0.5));
        refused("freqHz is in Hz: 16 Hz is below hearing (20 Hz); if you meant 16 kHz, write 16000", () -> lowPass(16));
        for (Executable e : new Executable[] {() -> notch(5, 8), () -> bandPass(1, 1), () -> dynamicEq(7, -6)}) {
            assertThrows(IllegalArgumentException.class, e);
        }
        refused("crossover frequency is in Hz: 2 Hz is below hearing (20 Hz); if you meant 2 kHz, write 2000",
                () -> multiband(200, 2));
        // Where low frequencies are the point, nothing is refused: a subsonic high-pass, a low shelf.
        assertDoesNotThrow(() -> highPass(10));
        assertDoesNotThrow(() -> lowShelf(15, 1));
        assertDoesNotThrow(() -> bell(20, -1));
    }

    @Test
    void aReleaseInSecondsIsRefusedWithBothReadings() {
        refused("releaseMs is in milliseconds: 0.2 ms is shorter than one cycle of any bass note; if you meant 0.2 s,"
                + " write 200", () -> compressor().releaseMs(0.2));
        refused("releaseMs is in milliseconds: 0.5 ms is shorter than one cycle of any bass note; if you meant 0.5 s,"
                + " write 500", () -> limiter().releaseMs(0.5));
        assertThrows(IllegalArgumentException.class, () -> dynamicEq(7_000, -6).releaseMs(0.1));
        assertDoesNotThrow(() -> compressor().releaseMs(0).attackMs(0.1)); // instant release, a fast attack: real
    }

    @Test
    void aMixOrLinkWrittenAsARatioIsRefused() {
        refused("mixPercent is in percent: 0.5 means 0.5 %, which no one sets; if you meant a ratio of 0.5, that is"
                + " 50 %: write 50", () -> compressor().mixPercent(0.5));
        assertThrows(IllegalArgumentException.class, () -> compressor().stereoLinkPercent(1));
        assertThrows(IllegalArgumentException.class,
                () -> saturation(Saturation.Curve.TAPE, 6).mixPercent(0.3));
        assertDoesNotThrow(() -> compressor().mixPercent(0).stereoLinkPercent(0));
    }
}

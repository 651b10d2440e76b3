package org.freshears.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad settings fail with one clear line. */
class StepValidationTest {

    private static void assertMessage(String expected, Executable action) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, action).getMessage());
    }

    @Test
    void eqSettings() {
        assertMessage("slopeDbPerOct must be a multiple of 6 from 6 to 48, got 20", () -> new HighPass(30, 20));
        assertMessage("slopeDbPerOct must be a multiple of 6 from 6 to 48, got 54", () -> new LowPass(30).slope(54));
        assertMessage("slopeDbPerOct must be a multiple of 6 from 6 to 48, got 0", () -> new HighPass(30, 0));
        assertMessage("q must be > 0, got 0", () -> new Bell(300, -2).q(0));
        assertMessage("q must be > 0, got -1.5", () -> new Notch(300, -1.5));
        assertMessage("freqHz must be > 0, got 0", () -> new BandPass(0, 1));
        assertMessage("freqHz must be > 0, got NaN", () -> new Bell(Double.NaN, 1));
        assertMessage("gainDb must be within +-30 dB, got 45", () -> new Bell(300, 45));
        assertMessage("slope must be in (0, 1], got 1.5", () -> new LowShelf(100, 3).slope(1.5));
        assertMessage("give either q or slope (the other 0), got q 0.7 and slope 0.5",
                () -> new HighShelf(8_000, 2, 0.7, 0.5, ChannelMode.STEREO, FilterPhase.IIR));
        assertMessage("channelMode must not be null", () -> new Bell(300, 1).channelMode(null));
    }

    @Test
    void frequenciesAtOrAboveNyquistFailInPrepare() {
        var buffer = Signals.noise(2, 44_100, 100, 0.1, 1);
        assertMessage("Bell[freqHz=30000.0, gainDb=3.0, q=1.0, channelMode=STEREO, phase=IIR]: freqHz must be "
                + "below Nyquist (22050 Hz at 44100 Hz), got 30000",
                () -> ProcessorContract.render(new Bell(30_000, 3), buffer, 64));
        assertThrows(IllegalArgumentException.class,
                () -> ProcessorContract.render(new HighPass(22_050).linearPhase(), buffer, 64));
        assertThrows(IllegalArgumentException.class,
                () -> ProcessorContract.render(new StereoWidth(100, 30_000), buffer, 64));
    }

    @Test
    void utilitySettings() {
        assertMessage("gainDb must be within +-60 dB, got -80", () -> new Gain(-80));
        assertMessage("widthPercent must be within 0..200, got 250", () -> new StereoWidth(250));
        assertMessage("monoBassBelowHz must be >= 0, got -10", () -> new StereoWidth(100, -10));
        assertMessage("rampMs must be >= 0, got -1", () -> new ClipGain(List.of(), -1));
        assertMessage("toSeconds must be > fromSeconds (2.0), got 1.0", () -> new GainSpan(2, 1, -3));
        assertMessage("spans must not overlap: GainSpan[fromSeconds=1.0, toSeconds=3.0, gainDb=-2.0] and "
                + "GainSpan[fromSeconds=2.0, toSeconds=4.0, gainDb=1.0]",
                () -> new ClipGain(List.of(new GainSpan(2, 4, 1), new GainSpan(1, 3, -2))));
        assertMessage("fadeOutSeconds must be >= 0, got -2", () -> new Fades(1, -2));
        assertMessage("thresholdDb must be < 0 (dBFS), got 0", () -> new TrimSilence(0, 10, 10));
        assertMessage("keepTrailingMs must be >= 0, got -5", () -> new TrimSilence().keepTrailingMs(-5));
    }

    @Test
    void toStringShowsEverySetting() {
        assertEquals("HighPass[freqHz=25.0, slopeDbPerOct=24, channelMode=SIDE, phase=LINEAR]",
                new HighPass(25).slope(24).side().linearPhase().toString());
        assertEquals("LowShelf[freqHz=100.0, gainDb=3.0, q=0.0, slope=0.5, channelMode=STEREO, phase=IIR]",
                new LowShelf(100, 3).slope(0.5).toString());
    }

    @Test
    void upperBoundsAMasteringToolKeeps() {
        assertMessage("q must be <= 100, got 1.0E308", () -> new Bell(300, -2).q(1e308));
        assertMessage("q must be <= 100, got 101", () -> new LowShelf(100, 2).q(101));
        assertMessage("q must be <= 100, got 150", () -> DynamicEq.of(1_000, -3).q(150));
        assertMessage("ratio must be <= 100 (beyond that a compressor is a limiter: use limiter()), got 1.0E308",
                () -> Compressor.defaults().ratio(1e308));
        assertMessage("attackMs must be in [0, 1000], got 1500", () -> Compressor.defaults().attackMs(1_500));
        assertMessage("releaseMs must be in [0, 10000], got 1.0E308", () -> DynamicEq.of(1_000, -3).releaseMs(1e308));
        assertMessage("makeupDb must be within +-48 dB, got 1000", () -> Compressor.defaults().makeupDb(1_000));
        assertMessage("thresholdDb must be in [-120, 24], got -200", () -> Compressor.defaults().thresholdDb(-200));
        // The bounds themselves are settings a master may use.
        Compressor.defaults().ratio(100).attackMs(1_000).releaseMs(10_000).makeupDb(48).kneeDb(48).thresholdDb(-120);
        new Bell(300, -2).q(100);
    }

    @Test
    void timesMustLieWithinTheAudioTheyRunOn() {
        int rate = 48_000;
        long tenSeconds = 10L * rate;
        StepFit.check(new Fades(10, 10), rate, 2, tenSeconds);
        assertMessage("fadeInSeconds must be at most the audio's length (10 s), got 10.5",
                () -> StepFit.check(new Fades(10.5, 0), rate, 2, tenSeconds));
        assertMessage("span toSeconds must be at most the audio's length (10 s), got 1.0E308",
                () -> StepFit.check(new ClipGain(List.of(new GainSpan(1, 1e308, -2))), rate, 2, tenSeconds));
        assertMessage("Bell[freqHz=30000.0, gainDb=-2.0, q=1.0, channelMode=STEREO, phase=IIR]: freqHz must be below "
                + "Nyquist (24000 Hz at 48000 Hz), got 30000",
                () -> StepFit.check(new Bell(30_000, -2), rate, 2, tenSeconds));
        // A render applies the same time rules before a step runs.
        var audio = Signals.sine(2, rate, 1, 1_000, -20);
        assertMessage("fadeOutSeconds must be at most the audio's length (1 s), got 2",
                () -> new Renderer().run(List.of(new Fades(0, 2)), audio, ChainObserver.NONE));
    }
}

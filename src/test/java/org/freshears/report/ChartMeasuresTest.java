package org.freshears.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.freshears.audio.AudioBuffer;
import org.freshears.checklist.Band;
import org.freshears.measure.BandEnergy;
import org.freshears.measure.BandEnergyTrack;
import org.freshears.measure.Spectrogram;
import org.freshears.measure.SpectrogramAnalyzer;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;

/** The charts' measures of a version are made once while it stands, together where they can be, bit for bit. */
class ChartMeasuresTest {
    private static final int RATE = 48_000;

    @Test
    void aSpectrogramWantedOverTheSameFramesIsMadeInTheSamePassAndKeptWhileTheVersionStands() {
        AudioBuffer audio = Signals.noise(2, RATE, 3 * RATE, 0.1, 5);
        Object snapshot = new Object();
        SpectrogramAnalyzer whole = new SpectrogramAnalyzer();
        SpectrogramAnalyzer zoom = whole.rowsPerOctave(24).band(90, 800);
        List<ChartMeasures.Wanted> wanted = List.of(new ChartMeasures.Wanted(whole, 0, audio.frames()),
                new ChartMeasures.Wanted(zoom, 0, audio.frames()), new ChartMeasures.Wanted(zoom, 100, RATE));
        ChartMeasures measures = new ChartMeasures();
        Spectrogram first = measures.spectrogram(audio, snapshot, whole, 0, audio.frames(), wanted);
        assertEquals(whole.analyze(audio), first);
        Spectrogram zoomed = measures.spectrogram(audio, snapshot, zoom, 0, audio.frames(), wanted);
        assertEquals(zoom.analyze(audio), zoomed, "the zoom made beside the whole song's has the bits made alone");
        assertSame(zoomed, measures.spectrogram(audio, snapshot, zoom, 0, audio.frames(), List.of()), "kept");
        assertEquals(zoom.analyze(audio, 100, RATE), measures.spectrogram(audio, snapshot, zoom, 100, RATE, wanted));

        // A step rendered over the same buffer makes a new snapshot: nothing measured before is used.
        float[] left = audio.channel(0);
        for (int i = 0; i < left.length; i++) {
            left[i] *= 0.5f;
        }
        Spectrogram after = measures.spectrogram(audio, new Object(), zoom, 0, audio.frames(), wanted);
        assertNotSame(zoomed, after);
        assertEquals(zoom.analyze(audio), after);
    }

    @Test
    void everyProblemBandIsTrackedInOnePassWithTheBitsOfEachAlone() {
        AudioBuffer audio = Signals.noise(2, RATE, 4 * RATE, 0.1, 9);
        Object snapshot = new Object();
        List<Band> bands = List.of(new Band(180, 400), new Band(5_000, 9_000), new Band(180, 400));
        ChartMeasures measures = new ChartMeasures();
        BandEnergyTrack low = measures.track(audio, snapshot, bands.get(0), bands);
        assertEquals(BandEnergy.track(audio, 180, 400), low);
        BandEnergyTrack high = measures.track(audio, snapshot, bands.get(1), bands);
        assertEquals(BandEnergy.track(audio, 5_000, 9_000), high);
        assertSame(low, measures.track(audio, snapshot, bands.get(0), bands), "kept");
        assertNotSame(low, measures.track(audio, new Object(), bands.get(0), bands), "another version measured anew");
    }
}

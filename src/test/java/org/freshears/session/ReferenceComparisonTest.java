package org.freshears.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavWriter;
import org.freshears.chain.Gain;
import org.freshears.chain.HighShelf;
import org.freshears.chain.Renderer;
import org.freshears.chain.StereoWidth;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code s.compare("mix", ref)} against references made from the mix itself through a known filter: the
 * level-matched third-octave differences read the filter's gain, the level-matching gain is the loudness
 * difference, the table's width reads a width step exactly, and the findings say it in words.
 */
class ReferenceComparisonTest {
    static final double SHELF_DB = 6;

    @TempDir
    static Path dir;
    static Path mixFile;

    @BeforeAll
    static void printTheFiles() throws Exception {
        // Two channels of pink noise, partly shared: a stereo mix with a centre and some spread.
        AudioBuffer noise = Signals.pinkNoise(2, 48_000, 10 * 48_000, 0.05, 5);
        AudioBuffer centre = Signals.pinkNoise(1, 48_000, 10 * 48_000, 0.05, 6);
        for (int c = 0; c < 2; c++) {
            float[] x = noise.channel(c);
            float[] m = centre.channel(0);
            for (int i = 0; i < x.length; i++) {
                x[i] = 0.5f * x[i] + m[i];
            }
        }
        mixFile = dir.resolve("mix.wav");
        WavWriter.write(noise, mixFile, WavOutputFormat.float32());
        // Brighter and louder, as a commercial master is: the mix through a high shelf, then 5 dB up.
        AudioBuffer bright = new Renderer().render(List.of(new HighShelf(3_000, SHELF_DB), new Gain(5)),
                noise.copy());
        WavWriter.write(bright, dir.resolve("bright.wav"), WavOutputFormat.float32());
        AudioBuffer wide = new Renderer().render(List.of(new StereoWidth(150)), noise.copy());
        WavWriter.write(wide, dir.resolve("wide.wav"), WavOutputFormat.float32());
    }

    private static Session open() throws Exception {
        return Session.open(mixFile, new SessionContext(dir, Display.NONE, Progress.Factory.NONE, dir));
    }

    @Test
    void theLevelMatchedBandsReadTheShelfAndTheGainIsTheLoudnessDifference() throws Exception {
        Session s = open();
        Reference bright = s.reference("bright.wav");
        Comparison c = s.compare("mix", bright).levelMatched();
        double mixLufs = s.snapshot("mix").analysis().integratedLufs();
        assertEquals(mixLufs - bright.analysis().integratedLufs(), c.gainDb(), 1e-12, "the reference moved to the mix");
        assertEquals("reference:bright", c.nameB());
        assertTrue(c.hasReference());
        BandDifferences d = c.thirdOctaves();
        // Below the shelf the reference is the mix 5 dB up, so what is left there is that less the level matching...
        double untouched = d.meanDb(100, 700);
        assertEquals(-5 - c.gainDb(), untouched, 0.02, "under the shelf: the plain gain less the level matching");
        // ...and far above its corner the mix lacks the shelf's gain, in every band.
        for (int band = 0; band < d.bands().count(); band++) {
            if (d.bands().centreHz(band) >= 12_500) {
                assertEquals(-SHELF_DB, d.differenceDb(band) - untouched, 0.25, "band " + d.bands().centreHz(band));
            }
        }
        List<String> found = c.findings();
        assertTrue(found.stream().anyMatch(f -> f.matches("\\d+\\.\\d dB less at [0-9.]+\u2013(20|18) kHz than the reference")),
                found.toString());
        assertTrue(found.get(0).startsWith(String.format(java.util.Locale.ROOT, "%.1f LU quieter than the reference",
                bright.analysis().integratedLufs() - mixLufs)), found.toString());
        String printed = c.toString();
        assertTrue(printed.length() <= Session.PRINTED_CHARS, printed.length() + " chars");
        assertTrue(printed.startsWith("'mix' against reference 'bright' (bright.wav), level-matched (the reference moved "),
                printed);
        assertTrue(printed.contains("than the reference"), printed);
    }

    @Test
    void theWidthIsSideAgainstMidAndAWidthStepMovesItByItsRatio() throws Exception {
        Session s = open();
        Comparison c = s.compare("mix", s.reference("wide.wav")).levelMatched();
        SideBySide.Row width = c.sideBySide().row(SideBySide.WIDTH);
        assertEquals(-20 * Math.log10(1.5), width.difference(), 0.01, "150 % width: side 3.5 dB up against mid");
        assertTrue(c.findings().stream().anyMatch(f -> f.startsWith("narrower: 3.5 dB less side against mid than the "
                + "reference")), c.findings().toString());
        // The balance regions do not care about width; loudness barely moves with the side.
        SideBySide t = c.sideBySide();
        for (String region : List.of(SideBySide.LOW, SideBySide.MID, SideBySide.HIGH)) {
            assertEquals(0, t.row(region).difference(), 0.05, region);
        }
    }

    @Test
    void theMixAgainstItselfFindsNothingAndAFilePathFoldsIntoAReference() throws Exception {
        Session s = open();
        Comparison c = s.compare("mix", "mix.wav").levelMatched();
        assertTrue(c.hasReference(), "a file's path is read as a reference");
        assertEquals("reference:mix", c.nameB());
        assertEquals(0.0, c.gainDb(), 0.0);
        assertEquals(List.of(), c.findings());
        for (double diff : c.thirdOctaves().differencesDb()) {
            assertTrue(Double.isNaN(diff) || diff == 0, "the same audio, band for band");
        }
        assertTrue(c.toString().endsWith("nothing stands out against the reference (level-matched)"), c.toString());
        Comparison swapped = s.compare("bright.wav", "mix");
        assertEquals("mix", swapped.nameA(), "the reference always goes second");
        assertFalse(swapped.isLevelMatched());
        assertEquals(2, s.references().size());
    }
}

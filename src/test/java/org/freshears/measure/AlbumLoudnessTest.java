package org.freshears.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.AudioReader;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;

/**
 * The loudness of several songs as one (album loudness): BS.1770-4's gates over every song's 400 ms blocks
 * together, checked against the songs measured in a row and against the gating worked out by hand.
 */
class AlbumLoudnessTest {

    @Test
    void oneSongPooledIsTheSongsOwnIntegratedLoudnessToTheBit() {
        AudioBuffer song = Signals.pinkNoise(2, 48_000, 48_000 * 7, 0.1, 7);
        assertEquals(LoudnessMeter.integratedLufs(song),
                LoudnessMeter.integratedLufs(List.of(LoudnessMeter.gatingBlocks(song))));
    }

    /**
     * What album loudness means: the songs played in a row, gated as one programme, but for the three blocks a
     * row has across each joint (part of one song, part of the next), which belong to neither song. Played in a
     * row, without those blocks, gives the pooled figure.
     */
    @Test
    void pooledIsTheConcatenationGatedWithoutTheBlocksAcrossTheJoint() {
        AudioBuffer one = Signals.pinkNoise(2, 48_000, 48_000 * 10, 0.2, 1); // 10 s: the joint falls on a hop
        AudioBuffer two = Signals.sine(2, 48_000, 6, 440, -16);
        double pooled = LoudnessMeter.integratedLufs(List.of(LoudnessMeter.gatingBlocks(one),
                LoudnessMeter.gatingBlocks(two)));
        double[] blocks = LoudnessMeter.measure(Signals.concat(one, two)).momentaryLufs(); // block i ends at hop i
        int jointHop = 100;
        java.util.List<Double> kept = new java.util.ArrayList<>();
        for (int i = 0; i < blocks.length; i++) {
            boolean acrossTheJoint = i - 3 < jointHop && i >= jointHop;
            if (!Double.isNaN(blocks[i]) && !acrossTheJoint) {
                kept.add(blocks[i]);
            }
        }
        assertEquals(gatedByHand(kept), pooled, 1e-3); // the rest: the filters' state carried over the joint
        // With the joint's blocks, a row reads a little off: they sit at neither song's level.
        double inARow = LoudnessMeter.integratedLufs(Signals.concat(one, two));
        assertTrue(Math.abs(inARow - pooled) < 0.1, inARow + " vs " + pooled);
    }

    /** BS.1770-4 Annex 1 by hand on block loudness values: absolute gate -70 LUFS, relative gate -10 LU. */
    private static double gatedByHand(java.util.List<Double> blockLufs) {
        double sum = 0;
        int n = 0;
        for (double l : blockLufs) {
            if (l > -70) {
                sum += StrictMath.pow(10, (l + 0.691) / 10);
                n++;
            }
        }
        double relativeGate = -0.691 + 10 * StrictMath.log10(sum / n) - 10;
        sum = 0;
        n = 0;
        for (double l : blockLufs) {
            if (l > -70 && l > relativeGate) {
                sum += StrictMath.pow(10, (l + 0.691) / 10);
                n++;
            }
        }
        return -0.691 + 10 * StrictMath.log10(sum / n);
    }

    /** The bundled album example's two songs: pooled against played in a row (printed for the README). */
    @Test
    void theBundledSongsPooledAndInARow() throws Exception {
        AudioBuffer one = AudioReader.read(Path.of("samples/demo-mix.wav")).audio();
        AudioBuffer two = AudioReader.read(Path.of("samples/neon-rain.flac")).audio();
        double pooled = LoudnessMeter.integratedLufs(List.of(LoudnessMeter.gatingBlocks(one),
                LoudnessMeter.gatingBlocks(two)));
        double inARow = LoudnessMeter.integratedLufs(Signals.concat(one, two));
        System.out.printf(java.util.Locale.ROOT, "album loudness of the two bundled mixes: pooled %.4f LUFS, in a row"
                + " %.4f LUFS; songs %.4f and %.4f LUFS%n", pooled, inARow, LoudnessMeter.integratedLufs(one),
                LoudnessMeter.integratedLufs(two));
        assertEquals(inARow, pooled, 0.03);
        // Not a mean of the songs' figures: each block weighs, so the longer, louder song weighs more.
        double meanOfFigures = (LoudnessMeter.integratedLufs(one) + LoudnessMeter.integratedLufs(two)) / 2;
        assertTrue(Math.abs(pooled - meanOfFigures) > 0.005, pooled + " vs " + meanOfFigures);
    }

    /** Two steady tones whose blocks all pass both gates: the album is the power mean of their blocks. */
    @Test
    void steadySongsGiveThePowerMeanOfTheirBlocks() {
        AudioBuffer loud = Signals.sine(2, 48_000, 10, 997, -12);
        AudioBuffer quiet = Signals.sine(2, 48_000, 6, 997, -18);
        double[] a = LoudnessMeter.gatingBlocks(loud);
        double[] b = LoudnessMeter.gatingBlocks(quiet);
        double la = LoudnessMeter.integratedLufs(loud);
        double lb = LoudnessMeter.integratedLufs(quiet);
        int na = a.length - 3; // the first three blocks would start before the song: they do not exist
        int nb = b.length - 3;
        // 6 LU apart: inside the -10 LU relative gate, so every block counts, weighted by its number.
        double expected = 10 * StrictMath.log10((na * StrictMath.pow(10, la / 10) + nb * StrictMath.pow(10, lb / 10))
                / (na + nb));
        assertEquals(expected, LoudnessMeter.integratedLufs(List.of(a, b)), 1e-6);
    }

    /** A song more than 10 LU under the album falls under the relative gate and does not pull the album down. */
    @Test
    void aSongUnderTheRelativeGateDoesNotCount() {
        AudioBuffer loud = Signals.sine(2, 48_000, 10, 997, -10);
        AudioBuffer faint = Signals.sine(2, 48_000, 10, 997, -40);
        double album = LoudnessMeter.integratedLufs(List.of(LoudnessMeter.gatingBlocks(loud),
                LoudnessMeter.gatingBlocks(faint)));
        assertEquals(LoudnessMeter.integratedLufs(loud), album, 1e-9);
    }

    @Test
    void silenceHasNoAlbumLoudness() {
        AudioBuffer silent = Signals.silence(2, 48_000, 3);
        assertTrue(Double.isNaN(LoudnessMeter.integratedLufs(List.of(LoudnessMeter.gatingBlocks(silent),
                LoudnessMeter.gatingBlocks(silent)))));
    }
}

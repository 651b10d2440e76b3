package org.freshears.findings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.ChannelLayout;
import org.junit.jupiter.api.Test;

/**
 * Silence gaps shorter than two 100 ms blocks: every block is then a candidate, and a loud one must not be
 * taken for silence (it once was: the run grew from the block's start, so music read as gaps).
 */
class AudioScanGapTest {
    private static final int RATE = 48_000;

    @Test
    void shortGapThresholdsFindNoGapInContinuousMusic() {
        AudioBuffer music = tone(3.0, -1, -1);
        FindingThresholds t = FindingThresholds.DEFAULTS.withSilenceGapSeconds(0.05);
        assertEquals(List.of(), AudioScan.of(music, t).silentRuns());
    }

    @Test
    void shortGapThresholdsFindAPlantedGapExactly() {
        int from = 72_000;
        int to = from + 4_800; // 100 ms of digital silence inside the music, across a block boundary
        AudioBuffer music = tone(3.0, from, to);
        FindingThresholds t = FindingThresholds.DEFAULTS.withSilenceGapSeconds(0.05);
        List<int[]> runs = AudioScan.of(music, t).silentRuns();
        assertEquals(1, runs.size());
        assertArrayEquals(new int[] {from, to}, runs.get(0));
    }

    /** A 440 Hz sine at -12 dBFS, phase-offset so no sample is zero, silent in [gapFrom, gapTo). */
    private static AudioBuffer tone(double seconds, int gapFrom, int gapTo) {
        int frames = (int) (seconds * RATE);
        float[][] x = new float[2][frames];
        for (int i = 0; i < frames; i++) {
            float v = (i >= gapFrom && i < gapTo) ? 0f : (float) (0.25 * Math.sin(2 * Math.PI * 440 * i / RATE + 0.3));
            x[0][i] = v;
            x[1][i] = v;
        }
        return new AudioBuffer(x, RATE, ChannelLayout.standard(2));
    }
}

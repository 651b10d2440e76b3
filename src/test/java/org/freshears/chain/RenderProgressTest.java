package org.freshears.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavWriter;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #10: on a terminal the bars of steps and of writing showed only 100 %. A step's processor and the
 * writer now report after every block; a fake sink records what a bar would be told.
 */
class RenderProgressTest {
    @TempDir
    Path dir;

    @Test
    void aStepReportsEveryBlockItRenders() {
        AudioBuffer audio = Signals.sine(2, 48_000, 1.0, 1_000, -12); // 48 000 frames: 11 blocks of 4096 and a rest
        List<Double> fractions = new ArrayList<>();
        new Renderer().run(List.of(new Gain(-3)), audio, ChainObserver.progress(fractions::add));
        int blocks = (48_000 + Renderer.DEFAULT_BLOCK_FRAMES - 1) / Renderer.DEFAULT_BLOCK_FRAMES;
        // One report per block, then the chain's closing 1.
        assertEquals(blocks + 1, fractions.size(), fractions.toString());
        assertEquals(1.0, fractions.get(blocks), 0);
        for (int i = 0; i < blocks; i++) {
            assertEquals(Math.min(48_000, (i + 1) * Renderer.DEFAULT_BLOCK_FRAMES) / 48_000.0, fractions.get(i), 1e-12);
        }
    }

    @Test
    void theWriterReportsEveryBlockItWrites() throws Exception {
        // 20 s of stereo float is 7.7 MB: four blocks of at most 2 MiB.
        AudioBuffer audio = Signals.sine(2, 48_000, 20.0, 1_000, -12);
        List<Double> fractions = new ArrayList<>();
        WavWriter.write(audio, dir.resolve("out.wav"), WavOutputFormat.float32(), List.of(), fractions::add);
        int blockFrames = (2 << 20) / 8;
        int blocks = (audio.frames() + blockFrames - 1) / blockFrames;
        assertEquals(blocks, fractions.size(), fractions.toString());
        for (int i = 0; i < blocks; i++) {
            assertEquals(Math.min(audio.frames(), (i + 1) * blockFrames) / (double) audio.frames(), fractions.get(i),
                    1e-12);
        }
    }
}

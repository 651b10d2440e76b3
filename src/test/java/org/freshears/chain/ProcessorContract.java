package org.freshears.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.freshears.audio.AudioBuffer;

/** The contracts every processor keeps (see {@link Processor}), as reusable assertions. */
public final class ProcessorContract {
    public static final int[] BLOCK_SIZES = {1, 64, 65, 4096, 8193};

    private ProcessorContract() {
    }

    /** Renders a copy of the input through the step with the given block size. */
    public static AudioBuffer render(Step step, AudioBuffer input, int blockFrames) {
        return new Renderer(blockFrames).render(List.of(step), input.copy());
    }

    /** Blocks of 1, 64, 65, 4096 and 8193 frames give identical bits. */
    public static void assertBlockSizeInvariant(Step step, AudioBuffer input) {
        AudioBuffer reference = render(step, input, BLOCK_SIZES[0]);
        for (int i = 1; i < BLOCK_SIZES.length; i++) {
            assertSameBits(reference, render(step, input, BLOCK_SIZES[i]),
                    step + " with blocks of " + BLOCK_SIZES[i] + " vs 1");
        }
    }

    /** A second run after reset() gives the same bits as the first. */
    public static void assertResetRepeats(Step step, AudioBuffer input) {
        Processor p = step.newProcessor();
        p.prepare(new ProcessSpec(input.sampleRate(), input.channels(), 4096));
        AudioBuffer first = input.copy();
        runBlocks(p, first, 4096);
        p.reset();
        AudioBuffer second = input.copy();
        runBlocks(p, second, 4096);
        assertSameBits(first, second, step + " after reset()");
    }

    /** The step leaves the signal bit-identical. */
    public static void assertNeutral(Step step, AudioBuffer input) {
        assertSameBits(input, render(step, input, 4096), step + " should be neutral");
    }

    private static void runBlocks(Processor p, AudioBuffer buffer, int block) {
        for (int pos = 0; pos < buffer.frames(); pos += block) {
            p.process(buffer.planar(), pos, Math.min(block, buffer.frames() - pos));
        }
    }

    public static void assertSameBits(AudioBuffer expected, AudioBuffer actual, String message) {
        assertEquals(expected.channels(), actual.channels(), message + ": channels");
        for (int c = 0; c < expected.channels(); c++) {
            assertArrayEquals(expected.channel(c), actual.channel(c), message + ": channel " + c);
        }
    }

    /** SHA-256 of the float bits, channel after channel, for golden-hash tests. */
    public static String sha256(AudioBuffer buffer) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            ByteBuffer bytes = ByteBuffer.allocate(4 * buffer.frames());
            for (int c = 0; c < buffer.channels(); c++) {
                bytes.clear();
                bytes.asFloatBuffer().put(buffer.channel(c));
                md.update(bytes.array(), 0, 4 * buffer.frames());
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.freshears.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.freshears.audio.AudioBuffer;
import org.junit.jupiter.api.Test;

/**
 * Pinned SHA-256 of the dynamics steps' output on fixed material. The render path uses only IEEE
 * arithmetic and StrictMath, so these hashes must hold on every JDK (checked on 17 and 25); a change
 * means the output bits changed, which needs a reason in the commit.
 */
class DynamicsGoldenTest {

    private static String hash(Step step) {
        AudioBuffer out = ProcessorContract.render(step, CompressorTest.material(), 4096);
        String h = ProcessorContract.sha256(out);
        System.out.println(h + "  " + step);
        return h;
    }

    @Test
    void compressorBitsArePinned() {
        assertEquals("5644a6ec7056054bfa54892e55650a8665a9c97f205c03e4c762b737cbb0adde", hash(Compressor.defaults().thresholdDb(-24).ratio(4).lookaheadMs(3).makeupDb(2)));
        assertEquals("0c796d39e9eb39b083e92c63a96ac87487fcb53ec795d3c659baeaa5ce78a2d9",
                hash(Compressor.defaults().rms().thresholdDb(-30).stereoLinkPercent(40)
                .sidechainHighPassHz(90).mixPercent(70)));
    }

    @Test
    void multibandBitsArePinned() {
        assertEquals("8d1d2eb3d972c30cee548f8f9507205711a01da34d547a1ab77955650ed34e52", hash(MultibandCompressor.of(150, 1_500, 8_000)
                .allBands(Compressor.defaults().thresholdDb(-30).ratio(3))));
    }

    @Test
    void dynamicEqBitsArePinned() {
        assertEquals("9f9a73dd1ff410aabd16a10e885080089787ba13a51988af3a483bff47300310", hash(DynamicEq.of(3_000, -6).thresholdDb(-40).lookaheadMs(1)));
    }
}

package org.freshears.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.ChannelLayout;
import org.freshears.dsp.RationalResampler;
import org.junit.jupiter.api.Test;

/** Conversion of a whole master: the channels and stretches run in parallel, to the bits of one thread. */
class RateConversionTest {

    private static AudioBuffer song(int rate, double seconds) {
        int frames = (int) (rate * seconds);
        float[][] x = new float[2][frames];
        long lcg = 4_242;
        for (int i = 0; i < frames; i++) {
            lcg = lcg * 6_364_136_223_846_793_005L + 1_442_695_040_888_963_407L;
            double noise = ((lcg >>> 11) * 0x1p-53 - 0.5) * 0.2;
            double t = i / (double) rate;
            x[0][i] = (float) (0.5 * StrictMath.sin(2 * StrictMath.PI * 220 * t) + noise);
            x[1][i] = (float) (0.5 * StrictMath.sin(2 * StrictMath.PI * 331 * t) - noise);
        }
        return new AudioBuffer(x, rate, ChannelLayout.standard(2));
    }

    @Test
    void theParallelConversionIsTheSameBitsAsOneThreadPerChannel() {
        AudioBuffer audio = song(96_000, 3.3); // several tasks per channel, the last one short
        List<Double> progress = new ArrayList<>();
        AudioBuffer converted = RateConversion.to(44_100, audio, progress::add);
        assertEquals(44_100, converted.sampleRate());
        assertEquals(audio.layout(), converted.layout());
        RationalResampler alone = RationalResampler.of(96_000, 44_100);
        for (int c = 0; c < 2; c++) {
            assertArrayEquals(alone.convert(audio.channel(c)), converted.channel(c), "channel " + c);
        }
        assertEquals(1.0, progress.get(progress.size() - 1));
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) > progress.get(i - 1), "progress moves forward: " + progress);
        }
    }

    @Test
    void theSameRateIsTheSameBuffer() {
        AudioBuffer audio = song(48_000, 0.1);
        assertSame(audio, RateConversion.to(48_000, audio, f -> { }));
    }

    /**
     * The figure the README gives: a 4-minute 96 kHz stereo master to 44.1 kHz. Wall time depends on the
     * machine and its load; the processor time is bounded so a slower algorithm (one that built the 147-times
     * rate signal, say) cannot slip in.
     */
    @Test
    void fourMinutesOf96kStereoConvertIn() {
        AudioBuffer audio = song(96_000, 240);
        RateConversion.to(44_100, song(96_000, 5), f -> { }); // the JIT compiles the kernel first
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long start = System.nanoTime();
        AudioBuffer converted = RateConversion.to(44_100, audio, f -> { });
        double wallSeconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpuBefore) / 1e9;
        System.out.printf(Locale.ROOT, "4 minutes of 96 kHz stereo to 44.1 kHz on %d cores: %.2f s wall, %.2f s of"
                + " processor time%n", Runtime.getRuntime().availableProcessors(), wallSeconds, cpuSeconds);
        assertEquals(240 * 44_100, converted.frames());
        assertTrue(cpuSeconds < 30, cpuSeconds + " s of processor time");
        // Spot check against the kernel alone, across a task boundary.
        float[] some = new float[converted.frames()];
        int from = RateConversion.TASK_FRAMES * 7 - 3;
        RationalResampler.of(96_000, 44_100).convert(audio.channel(1), some, from, from + 9);
        assertArrayEquals(Arrays.copyOfRange(some, from, from + 9),
                Arrays.copyOfRange(converted.channel(1), from, from + 9));
    }
}

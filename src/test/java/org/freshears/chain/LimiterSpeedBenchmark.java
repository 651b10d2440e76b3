package org.freshears.chain;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.freshears.audio.AudioBuffer;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Throughput of the limiter with 4x true-peak detection on 4 minutes of 48 kHz stereo, timed in thread
 * CPU time. Not part of the normal suite (tests do not time things; whole-process speed is measured by
 * {@code freshears bench}): run with {@code mvn -o -q test -Dtest=LimiterSpeedBenchmark -Dfreshears.bench=true}.
 */
@EnabledIfSystemProperty(named = "freshears.bench", matches = "true")
class LimiterSpeedBenchmark {
    /** CPU time of this thread, so other processes sharing the machine do not count against us. */
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    @Test
    void fourMinutesOfStereoRenderFastEnough() {
        int fs = 48_000;
        AudioBuffer input = Signals.noise(2, fs, 240 * fs, 1.0, 5);
        Limiter limiter = new Limiter().inputGainDb(6);
        ProcessorContract.render(limiter, input.slice(0, 10 * fs), 4096); // JIT warm-up
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 2; run++) {
            AudioBuffer copy = input.copy();
            long t0 = CPU.getCurrentThreadCpuTime();
            new Renderer().render(java.util.List.of(limiter), copy);
            best = Math.min(best, CPU.getCurrentThreadCpuTime() - t0);
        }
        double seconds = best / 1e9;
        double framesPerSecond = input.frames() / seconds;
        double realTime = framesPerSecond / fs;
        System.out.printf("Limiter 4x TP, 48 kHz stereo, 240 s: %.2f s, %.3g frames/s, %.0fx real time%n",
                seconds, framesPerSecond, realTime);
    }
}

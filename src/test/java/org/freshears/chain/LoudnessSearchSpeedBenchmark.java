package org.freshears.chain;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.AudioReader;
import org.freshears.measure.LoudnessMeter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Where a loudness search's time goes, on a file given by {@code -Dfreshears.bench.file=...}: the detection,
 * each try, the final render. Not part of the normal suite: run with {@code mvn -o -q test
 * -Dtest=LoudnessSearchSpeedBenchmark -Dfreshears.bench.file=out/bench/bench-4min-48k-24bit.wav}.
 */
@EnabledIfSystemProperty(named = "freshears.bench.file", matches = ".+")
class LoudnessSearchSpeedBenchmark {
    private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean CPU =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    @Test
    void phases() throws Exception {
        AudioBuffer input = AudioReader.read(Path.of(System.getProperty("freshears.bench.file"))).audio();
        LoudnessTarget target = new Limiter().ceilingDbtp(-1).targetLufs(-13);
        for (int run = 0; run < 3; run++) {
            long wall = System.nanoTime();
            long cpu = CPU.getProcessCpuTime();
            PeakEnvelope envelope = PeakEnvelope.of(input, target.limiter());
            envelope.detectDownTo(LimiterProcessor.quietLevel(LimiterProcessor.threshold(-1), StrictMath.pow(10, 3.27 / 20)));
            report("detect as at 3.27 dB", wall, cpu);
            wall = System.nanoTime();
            cpu = CPU.getProcessCpuTime();
            envelope.detectDownTo(LimiterProcessor.quietLevel(LimiterProcessor.threshold(-1), 100));
            report("detect the rest to 40 dB", wall, cpu);
            envelope = PeakEnvelope.of(input, target.limiter());
            wall = System.nanoTime();
            cpu = CPU.getProcessCpuTime();
            double lufs = LoudnessMeter.integratedLufs(input);
            report("input loudness", wall, cpu);
            wall = System.nanoTime();
            cpu = CPU.getProcessCpuTime();
            AudioBuffer out = input.copy();
            new Renderer().apply(new LimiterProcessor(target.limiter().inputGainDb(-13 - lufs), envelope), out);
            report("one gain pass in place", wall, cpu);
            wall = System.nanoTime();
            cpu = CPU.getProcessCpuTime();
            LoudnessMeter.integratedLufs(out);
            report("its loudness", wall, cpu);
            wall = System.nanoTime();
            cpu = CPU.getProcessCpuTime();
            Limiter found = target.search(input, envelope);
            report("search", wall, cpu);
            wall = System.nanoTime();
            cpu = CPU.getProcessCpuTime();
            new Renderer().apply(found.newProcessor(), input.copy());
            report("a render with detection", wall, cpu);
            wall = System.nanoTime();
            cpu = CPU.getProcessCpuTime();
            new Renderer().render(java.util.List.of(target), input.copy());
            report("whole: search and render", wall, cpu);
        }
    }

    private static void report(String what, long wall, long cpu) {
        System.out.printf("%-28s %6.3f s wall, %6.3f s CPU of the process%n", what, (System.nanoTime() - wall) / 1e9,
                (CPU.getProcessCpuTime() - cpu) / 1e9);
    }
}

package org.freshears.chain;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.AudioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A loudness target's search and render against the search of before (every try rendered whole by a limiter of
 * its own, then the limiter found rendered again), alternated, in CPU time of the whole process (the search
 * uses every core), on a file given by {@code -Dfreshears.bench.file=...}. Not part of the normal suite: run
 * with {@code mvn -o -q test -Dtest=LoudnessSearchSpeedBenchmark -Dfreshears.bench.file=WAV}.
 */
@EnabledIfSystemProperty(named = "freshears.bench.file", matches = ".+")
class LoudnessSearchSpeedBenchmark {
    private static final com.sun.management.OperatingSystemMXBean CPU =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    @Test
    void searchAndRender() throws Exception {
        AudioBuffer input = AudioReader.read(Path.of(System.getProperty("freshears.bench.file"))).audio();
        LoudnessTarget target = new Limiter().ceilingDbtp(-1).targetLufs(-13);
        for (int run = 0; run < 4; run++) {
            long wall = System.nanoTime();
            long cpu = CPU.getProcessCpuTime();
            new Renderer().run(List.of(target), input.copy(), new GainReductionRecorder());
            report("now", wall, cpu);
            wall = System.nanoTime();
            cpu = CPU.getProcessCpuTime();
            double gainDb = LimiterSearchTest.searchByWholeRenders(target, input);
            Processor p = target.limiter().inputGainDb(gainDb).newProcessor();
            ((GainReductionSource) p).traceInto(GainReductionTrace.forFrames(input.sampleRate(), input.frames(), 10));
            new Renderer().apply(p, input.copy());
            report("before", wall, cpu);
        }
    }

    private static void report(String what, long wall, long cpu) {
        System.out.printf("%-7s %6.3f s CPU of the process, %6.3f s wall%n", what,
                (CPU.getProcessCpuTime() - cpu) / 1e9, (System.nanoTime() - wall) / 1e9);
    }
}

package org.freshears.chain;

import java.util.List;
import org.freshears.audio.AudioBuffer;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Throughput of a typical EQ chain on a 4-minute 48 kHz stereo mix. Not part of the normal suite (it
 * takes a while on a shared machine): run with
 * {@code mvn -o -q test -Dtest=FilterSpeedBenchmark -Dfreshears.bench=true}.
 */
@EnabledIfSystemProperty(named = "freshears.bench", matches = "true")
class FilterSpeedBenchmark {
    private static final int FS = 48_000;
    private static final int FRAMES = 4 * 60 * FS;

    private static void time(String name, List<Step> steps, AudioBuffer mix) {
        new Renderer().render(steps, mix.slice(0, 10 * FS));
        long start = System.nanoTime();
        new Renderer().render(steps, mix.copy());
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s: %.2f s for %d frames = %.1f M frames/s (%.0fx real time)%n", name, seconds,
                FRAMES, FRAMES / seconds / 1e6, FRAMES / (double) FS / seconds);
    }

    @Test
    void bellShelfHighPass() {
        AudioBuffer mix = Signals.noise(2, FS, FRAMES, 0.3, 1);
        time("IIR bell + high shelf + 24 dB/oct high-pass", List.of(new Bell(300, -2, 1.2),
                new HighShelf(8_000, -1.5), new HighPass(25).slope(24)), mix);
        time("linear-phase bell + high shelf + 24 dB/oct high-pass", List.of(new Bell(300, -2, 1.2).linearPhase(),
                new HighShelf(8_000, -1.5).linearPhase(), new HighPass(25).slope(24).linearPhase()), mix);
    }
}

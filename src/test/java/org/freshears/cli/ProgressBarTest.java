package org.freshears.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    @Test
    void theBarMovesWithTheWorkAndIsClearedOnce() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(sink, true, StandardCharsets.UTF_8);
        ProgressBar bar = new ProgressBar("mix.wav", err, true, 0);
        for (double f : new double[] {0.1, 0.104, 0.5, 0.999, 1.0}) {
            bar.accept(f);
        }
        bar.close();
        bar.close(); // closed early and again by try-with-resources: cleared once
        List<String> frames = Arrays.stream(sink.toString(StandardCharsets.UTF_8).split("\r"))
                .filter(s -> !s.isEmpty()).toList();
        // 0.104 is still 10 %: not drawn again.
        assertEquals(List.of("mix.wav [###                           ] 10%", "mix.wav [###############               ] 50%",
                "mix.wav [" + "#".repeat(29) + " ] 99%", "mix.wav [" + "#".repeat(30) + "] 100%",
                " ".repeat("mix.wav".length() + 38)), frames);
    }

    @Test
    void nothingIsDrawnOffATerminal() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar("mix.wav", new PrintStream(sink, true, StandardCharsets.UTF_8), false, 0);
        bar.accept(0.5);
        bar.close();
        assertEquals(0, sink.size());
    }
}

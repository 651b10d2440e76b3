package org.freshears.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's JIT policy: C1 only for analyze and listen of ordinary inputs, the default JIT for the rest. */
class JitPolicyTest {
    private static final List<String> C1 = List.of("-XX:TieredStopAtLevel=1");
    private static final long C1_ONLY_MAX_BYTES = 192L << 20;

    @TempDir
    Path dir;

    private Path file(String name, long bytes) throws IOException {
        Path f = dir.resolve(name);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(bytes); // sparse: no real disk use
        }
        return f;
    }

    /** What the launcher adds for these arguments (its dry run builds and runs nothing). */
    static List<String> optionsFor(List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", Path.of("freshears").toAbsolutePath().toString()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("FRESHEARS_PRINT_JIT_OPTIONS", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        return out.isEmpty() ? List.of() : List.of(out.split(" "));
    }

    @Test
    void analyzeOfOrdinaryFilesRunsOnC1AndLongerInputKeepsC2() throws Exception {
        Path mix = file("mix.wav", 69_120_068); // the benchmark's 4-minute 24-bit stereo file
        assertEquals(C1, optionsFor(List.of("analyze", mix.toString())));
        assertEquals(C1, optionsFor(List.of("analyze", "--json", mix.toString(), "missing.wav")));
        Path other = file("other.wav", C1_ONLY_MAX_BYTES - 69_120_068 + 1);
        assertEquals(List.of(), optionsFor(List.of("analyze", mix.toString(), other.toString())));
        // listen is as short-lived: the same rule
        assertEquals(C1, optionsFor(List.of("listen", "--json", mix.toString())));
        assertEquals(List.of(), optionsFor(List.of("listen", mix.toString(), other.toString())));
    }

    @Test
    void otherCommandsKeepTheDefaultJit() throws Exception {
        Path mix = file("mix.wav", 1000);
        assertEquals(List.of(), optionsFor(List.of("bench-render", mix.toString(), "out.wav")));
        assertEquals(List.of(), optionsFor(List.of()));
    }
}

package org.freshears.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JitPolicyTest {
    private static final List<String> C1 = List.of("-XX:TieredStopAtLevel=1");

    @TempDir
    Path dir;

    private Path file(String name, long bytes) throws IOException {
        Path f = dir.resolve(name);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(bytes); // sparse: no real disk use
        }
        return f;
    }

    @Test
    void analyzeOfOrdinaryFilesRunsOnC1AndLongerInputKeepsC2() throws IOException {
        Path mix = file("mix.wav", 69_120_068); // the benchmark's 4-minute 24-bit stereo file
        assertEquals(C1, JitPolicy.optionsFor(List.of("analyze", mix.toString())));
        assertEquals(C1, JitPolicy.optionsFor(List.of("analyze", "--json", mix.toString(), "missing.wav")));
        Path other = file("other.wav", JitPolicy.C1_ONLY_MAX_BYTES - 69_120_068 + 1);
        assertEquals(List.of(), JitPolicy.optionsFor(List.of("analyze", mix.toString(), other.toString())));
    }

    @Test
    void otherCommandsKeepTheDefaultJit() throws IOException {
        Path mix = file("mix.wav", 1000);
        assertEquals(List.of(), JitPolicy.optionsFor(List.of("bench-render", mix.toString(), "out.wav")));
        assertEquals(List.of(), JitPolicy.optionsFor(List.of()));
    }
}

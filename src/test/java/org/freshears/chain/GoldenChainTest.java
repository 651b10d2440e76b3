package org.freshears.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Bit-identical rendering: a pinned SHA-256, the same on a second JDK when one is installed. */
class GoldenChainTest {
    /** Pinned on JDK 17 and Temurin 25; a change here means renders changed: say why in the commit. */
    static final String GOLDEN = "a9295823575f9199ba07ee8f8bfecc5b23a93fc8e3702967af17b16690d0d2c6";

    @Test
    void theFixedChainRendersTheGoldenBits() {
        assertEquals(GOLDEN, GoldenChain.render());
    }

    @Test
    void twoRendersInOneProcessAreIdentical() {
        assertEquals(GoldenChain.render(), GoldenChain.render());
    }

    @Test
    void aSecondJdkRendersTheSameBits() throws Exception {
        Path otherJava = otherJdk();
        assumeTrue(otherJava != null, "no second JDK under /usr/lib/jvm: cross-JDK check skipped");
        Process p = new ProcessBuilder(otherJava.toString(), "-cp", System.getProperty("java.class.path"),
                GoldenChain.class.getName()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        assertEquals(GoldenChain.render(), out.lines().reduce((a, b) -> b).orElse(""), "rendered by " + otherJava);
    }

    /** The java launcher of another JDK installation than the running one, if the machine has one. */
    static Path otherJdk() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return null;
        }
        Path running = Path.of(System.getProperty("java.home")).toRealPath();
        try (Stream<Path> dirs = Files.list(jvms)) {
            for (Path dir : dirs.sorted().toList()) {
                Path java = dir.resolve("bin/java");
                if (Files.isExecutable(java) && !dir.toRealPath().equals(running)) {
                    return java;
                }
            }
        }
        return null;
    }
}

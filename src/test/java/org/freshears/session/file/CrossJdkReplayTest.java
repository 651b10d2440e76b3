package org.freshears.session.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "On JDK 17, 21 and 25 the same bits": when another JDK is installed, the golden session is replayed
 * by {@code freshears replay} running in that JVM, and every output must have the pinned SHA-256 (the
 * bits this JVM renders, see {@link GoldenSessionTest}). Skipped when no second JDK is found.
 */
class CrossJdkReplayTest {
    private static final Path JVMS = Path.of("/usr/lib/jvm");
    private static final Path PREFERRED = JVMS.resolve("temurin-25-jdk-amd64/bin/java");

    @TempDir
    Path dir;

    @Test
    void theGoldenSessionReplaysToTheSameBitsUnderAnotherJdk() throws Exception {
        Optional<Path> java = otherJava();
        assumeTrue(java.isPresent(), "no JDK other than " + System.getProperty("java.home") + " under " + JVMS
                + ": the cross-JDK replay is not tested");
        Path json = GoldenSession.install(dir);
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process child = new ProcessBuilder(java.get().toString(), "-Xmx1g", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), "org.freshears.cli.Main", "replay", json.toString(),
                "--out", dir.resolve("other-jdk").toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!child.waitFor(120, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            fail("the replay under " + java.get() + " took more than 120 s");
        }
        String version = version(java.get());
        assertEquals(0, child.exitValue(), "replay under " + version + ": " + Files.readString(out)
                + Files.readString(err));
        List<String> shas = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            if (line.startsWith("identical  ")) {
                shas.add(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        assertEquals(GoldenSessionTest.OUTPUT_SHA256, shas, "outputs under " + version);
        assertTrue(Files.isRegularFile(dir.resolve("other-jdk/golden-master-16.wav")));
    }

    /** The temurin 25 JDK if present, else any JDK under /usr/lib/jvm that is not the running one. */
    static Optional<Path> otherJava() throws IOException {
        Path running = Path.of(System.getProperty("java.home")).toRealPath();
        List<Path> candidates = new ArrayList<>();
        candidates.add(PREFERRED);
        if (Files.isDirectory(JVMS)) {
            try (Stream<Path> homes = Files.list(JVMS)) {
                homes.sorted().map(h -> h.resolve("bin/java")).forEach(candidates::add);
            }
        }
        for (Path java : candidates) {
            if (Files.isExecutable(java) && !java.toRealPath().getParent().getParent().equals(running)) {
                return Optional.of(java);
            }
        }
        return Optional.empty();
    }

    private static String version(Path java) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes());
        p.waitFor(30, TimeUnit.SECONDS);
        return java + " (" + text.lines().findFirst().orElse("?") + ")";
    }
}

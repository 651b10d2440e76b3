package org.freshears.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The real programs the tests check against (flac, sox, ffmpeg): found on the PATH and run in a folder. */
public final class ExternalPrograms {
    private ExternalPrograms() {
    }

    /** Runs a command in {@code dir} and fails the test, with its output, unless it exits 0. */
    public static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + output);
    }

    /**
     * Skips the test when a program is missing on a developer's machine; fails it on CI, where .ci/run
     * installs them, so a proof that needs it is never skipped there unseen.
     */
    public static void assumeInstalled(String program, String versionFlag) {
        boolean installed = onPath(program, versionFlag);
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(program + " is not installed, and .ci/run should have installed it");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(installed, program + " is not installed (.ci/run installs it)");
    }

    /** Whether the program runs and answers its version flag. */
    public static boolean onPath(String program, String versionFlag) {
        try {
            return new ProcessBuilder(program, versionFlag).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

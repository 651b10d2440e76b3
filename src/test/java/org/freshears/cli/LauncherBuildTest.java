package org.freshears.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's first build, with stand-ins for mvn and java on the PATH that print what Maven 3.8
 * prints (raw ANSI resets even in batch mode): the user sees one "building" line, never a colour code,
 * and Maven's own output only when the build fails.
 */
class LauncherBuildTest {
    private static final String ANSI_NOISE = "printf '\\033[0m\\033[0m\\033[1;31m[ERROR]\\033[0m COMPILATION ERROR\\n'";

    @TempDir
    Path dir;

    private record Result(int exitStatus, String stdout, String stderr) {
    }

    private Result launch(String mvnScript) throws IOException, InterruptedException {
        Files.copy(Path.of("freshears").toAbsolutePath(), dir.resolve("freshears"));
        Files.createDirectories(dir.resolve("src/main"));
        Files.writeString(dir.resolve("pom.xml"), "<project/>");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        executable(bin.resolve("mvn"), mvnScript);
        // java: the class-data training run writes no archive; the app run says what it was given.
        executable(bin.resolve("java"), "for a in \"$@\"; do [ \"$a\" = cds-training ] && exit 1; done\necho ran \"${@: -1}\"");
        ProcessBuilder builder = new ProcessBuilder("bash", dir.resolve("freshears").toString(), "--version");
        builder.environment().put("PATH", bin + ":/usr/bin:/bin");
        builder.environment().remove("FRESHEARS_JAVA_OPTS");
        Process process = builder.start();
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        String stdout = readAll(process.getInputStream());
        return new Result(process.waitFor(), stdout, stderr.join());
    }

    private static void executable(Path file, String body) throws IOException {
        Files.writeString(file, "#!/usr/bin/env bash\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String readAll(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aBuildThatWorksShowsOneLineAndNoColourCodes() throws Exception {
        Result result = launch(ANSI_NOISE.replace("[ERROR]", "[INFO]").replace("COMPILATION ERROR", "ok")
                + "\nmkdir -p target && touch target/freshears.jar");
        assertEquals(0, result.exitStatus(), result.stderr());
        assertEquals("ran --version\n", result.stdout());
        assertEquals("freshears: building " + dir.resolve("target/freshears.jar")
                + " (first run or sources changed) ...\n", result.stderr());
    }

    @Test
    void aBuildThatFailsShowsMavensOutputWithoutColourCodes() throws Exception {
        Result result = launch(ANSI_NOISE + "\nexit 1");
        assertEquals(2, result.exitStatus());
        assertEquals("", result.stdout());
        assertTrue(result.stderr().contains("\n[ERROR] COMPILATION ERROR\n"), result.stderr());
        assertFalse(result.stderr().contains("\u001b"), result.stderr());
        assertTrue(result.stderr().endsWith("the build failed (see above); is Java 17+ and Maven installed?\n"),
                result.stderr());
    }
}

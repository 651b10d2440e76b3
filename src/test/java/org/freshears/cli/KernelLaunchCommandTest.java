package org.freshears.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernelspec starts the JVM the launcher starts for a session (what the benchmark's kernel child measures). */
class KernelLaunchCommandTest {
    @TempDir
    Path temp;

    @Test
    void theKernelRunsTheLaunchersCollectorAndMemoryRule() throws IOException {
        List<String> command = KernelCommand.launchCommand(write("always [madvise] never"));
        assertTrue(command.contains("-XX:+UseSerialGC"), command.toString());
        assertTrue(command.contains("-XX:PretenureSizeThreshold=1m"), command.toString());
        assertTrue(command.contains("-XX:MaxRAMPercentage=70"), command.toString());
        assertTrue(command.contains("-XX:+UseTransparentHugePages"), command.toString());
        assertTrue(command.contains("-XX:MaxHeapFreeRatio=100"), command.toString());
        assertEquals(Main.class.getName(), command.get(command.size() - 1));
        // The launcher's own options for every session command, word for word.
        String launcher = Files.readString(Path.of("freshears"));
        assertTrue(launcher.contains("opts=(-XX:+UseSerialGC -XX:PretenureSizeThreshold=1m)"), "the launcher changed");
        assertTrue(launcher.contains("opts+=(-XX:MaxRAMPercentage=70)"), "the launcher changed");
        assertTrue(launcher.contains("opts+=(-XX:+UseTransparentHugePages)"), "the launcher changed");
        assertTrue(launcher.contains("kernel | bench-rerun) opts+=(-XX:MaxHeapFreeRatio=100)"), "the launcher changed");
    }

    @Test
    void hugePagesOnlyWhereLinuxHandsThemOut() throws IOException {
        assertTrue(KernelCommand.hugePagesOnRequest(write("[always] madvise never")));
        assertTrue(KernelCommand.hugePagesOnRequest(write("always [madvise] never")));
        assertFalse(KernelCommand.hugePagesOnRequest(write("always madvise [never]")));
        assertFalse(KernelCommand.hugePagesOnRequest(temp.resolve("missing")));
        assertFalse(KernelCommand.launchCommand(write("always madvise [never]")).contains("-XX:+UseTransparentHugePages"));
    }

    private Path write(String mode) throws IOException {
        Path file = Files.createTempFile(temp, "thp", ".txt");
        Files.writeString(file, mode + "\n");
        return file;
    }
}

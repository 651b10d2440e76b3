package org.freshears.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegTest {
    @TempDir
    Path dir;

    @Test
    void theInstalledFfmpegIsFoundAndItsVersionRecorded() throws IOException {
        Ffmpeg ffmpeg = Ffmpeg.locate(Map.of("PATH", System.getenv("PATH")));
        assertTrue(ffmpeg.version().matches("[\\w.+~-]+"), ffmpeg.version());
        assertNotNull(ffmpeg.libraryVersion("libavcodec"));
        assertTrue(ffmpeg.libraryVersion("libavcodec").matches("\\d+\\.\\d+\\.\\d+"), ffmpeg.libraryVersion("libavcodec"));
    }

    @Test
    void aMissingFfmpegSaysHowToInstallIt() {
        FfmpegException named = assertThrows(FfmpegException.class,
                () -> Ffmpeg.locate(Map.of(Ffmpeg.ENVIRONMENT_VARIABLE, "/nonexistent")));
        assertEquals("FRESHEARS_FFMPEG=/nonexistent: no such executable; install it (Debian/Ubuntu: apt-get install "
                + "ffmpeg; macOS: brew install ffmpeg) or set FRESHEARS_FFMPEG to its path", named.getMessage());
        FfmpegException onPath = assertThrows(FfmpegException.class, () -> Ffmpeg.locate(Map.of("PATH", dir.toString())));
        assertTrue(onPath.getMessage().startsWith("ffmpeg not found on the PATH"), onPath.getMessage());
        assertTrue(onPath.getMessage().contains("apt-get install ffmpeg"), onPath.getMessage());
    }

    @Test
    void aProgramThatFailsItsVersionIsRefusedWithWhatItSaid() throws IOException {
        Path fake = script("echo 'broken install' >&2; exit 1");
        FfmpegException e = assertThrows(FfmpegException.class,
                () -> Ffmpeg.locate(Map.of(Ffmpeg.ENVIRONMENT_VARIABLE, fake.toString())));
        assertTrue(e.getMessage().startsWith(fake + " -version failed (exit 1: broken install)"), e.getMessage());
    }

    @Test
    void aFailingRunGivesFfmpegsLastLineAndAHungOneIsStopped() throws IOException {
        Path fake = script("if [ \"$1\" = -version ]; then echo 'ffmpeg version 9.9-test'; exit 0; fi\n"
                + "for a in \"$@\"; do [ \"$a\" = hang ] && exec sleep 60; done\n"
                + "echo 'first' >&2; echo 'Unknown encoder libnothing' >&2; exit 1");
        Ffmpeg ffmpeg = Ffmpeg.locate(Map.of(Ffmpeg.ENVIRONMENT_VARIABLE, fake.toString()));
        assertEquals("9.9-test", ffmpeg.version());
        FfmpegException e = assertThrows(FfmpegException.class, () -> ffmpeg.run(List.of("-i", "x"), Duration.ofSeconds(20)));
        assertEquals("ffmpeg failed (exit 1: Unknown encoder libnothing)", e.getMessage());
        long start = System.nanoTime();
        FfmpegException hung = assertThrows(FfmpegException.class, () -> ffmpeg.run(List.of("hang"), Duration.ofMillis(500)));
        assertEquals("ffmpeg did not finish within 500 ms and was stopped", hung.getMessage());
        assertTrue(System.nanoTime() - start < 20_000_000_000L, "stopped, not waited for");
    }

    @Test
    void aScratchFolderIsRemovedWithItsFiles() throws IOException {
        Path where;
        try (ScratchFolder scratch = ScratchFolder.create("test")) {
            where = scratch.path();
            Files.writeString(scratch.resolve("a.wav"), "x");
            Files.createDirectories(scratch.resolve("sub"));
            Files.writeString(scratch.resolve("sub/b"), "y");
        }
        assertFalse(Files.exists(where));
    }

    private Path script(String body) throws IOException {
        Path file = dir.resolve("fake-ffmpeg-" + System.nanoTime());
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}

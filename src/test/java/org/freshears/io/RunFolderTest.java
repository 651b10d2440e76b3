package org.freshears.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {
    @TempDir
    Path dir;

    private Path target() {
        return dir.resolve("out");
    }

    /** One run: writes the files (relative name, content) into its staging folder and commits. */
    private void run(Map<String, String> files, Path... inputs) throws IOException {
        RunFolder folder = RunFolder.open(target());
        try {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path p = folder.staging().resolve(f.getKey());
                Files.createDirectories(p.getParent());
                AtomicFile.write(p, f.getValue().getBytes());
            }
            folder.commit(List.of(inputs));
        } finally {
            folder.abandon();
        }
    }

    /** Every file under a folder (hidden ones too) with its content. */
    private static Map<String, String> contents(Path folder) throws IOException {
        Map<String, String> all = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                all.put(folder.relativize(p).toString(), Files.readString(p));
            }
        }
        return all;
    }

    private List<String> siblings() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** A process id that surely belongs to no running process: one that has just ended. */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    @Test
    void aSecondRunReplacesTheFirstRunsFilesWholeChartsIncluded() throws Exception {
        run(Map.of("report.html", "run 1", "charts/mix-spectrum.png", "run 1", "charts/old-step.png", "run 1"));
        run(Map.of("report.html", "run 2", "charts/mix-spectrum.png", "run 2"));
        assertEquals(Map.of(".freshears-files", "charts/mix-spectrum.png\nreport.html\n",
                "charts/mix-spectrum.png", "run 2", "report.html", "run 2"), contents(target()));
        assertEquals(List.of("out"), siblings(), "no staging or retired folder stays behind");
    }

    @Test
    void filesTheToolDidNotWriteStayAndOnlyTheLastRunsFilesGo() throws Exception {
        run(Map.of("report.html", "run 1", "charts/old-step.png", "run 1"));
        Files.writeString(target().resolve("my-notes.txt"), "the user's");
        Files.createDirectories(target().resolve("charts"));
        Files.writeString(target().resolve("charts/drawn-by-hand.svg"), "the user's");
        run(Map.of("report.html", "run 2", "charts/mix-spectrum.png", "run 2"));
        assertEquals(Map.of(".freshears-files", "charts/mix-spectrum.png\nreport.html\n",
                "charts/mix-spectrum.png", "run 2", "report.html", "run 2", "my-notes.txt", "the user's",
                "charts/drawn-by-hand.svg", "the user's"), contents(target()));
        assertEquals(List.of("out"), siblings());
    }

    @Test
    void anInputInsideTheFolderIsNeverReplacedNorRemoved() throws Exception {
        run(Map.of("master.wav", "run 1"));
        Path mix = target().resolve("master.wav"); // the last master, mastered again
        IOException e = assertThrows(FileAlreadyExistsException.class, () -> run(Map.of("master.wav", "run 2"), mix));
        assertTrue(e.getMessage().startsWith(mix + ": is an input of this run"), e.getMessage());
        assertEquals("run 1", Files.readString(mix));
        run(Map.of("master-2.wav", "run 3"), mix);
        assertEquals("run 1", Files.readString(mix), "the previous run's file is kept while it is an input");
        assertEquals("run 3", Files.readString(target().resolve("master-2.wav")));
    }

    @Test
    void aRunThatFailsWhileWritingLeavesTheLastRunsSetAndNothingElse() throws Exception {
        run(Map.of("report.html", "run 1", "session.json", "run 1", "master.wav", "run 1"));
        Map<String, String> before = contents(target());
        RunFolder folder = RunFolder.open(target());
        try {
            AtomicFile.write(folder.staging().resolve("master.wav"), "run 2".getBytes());
            IOException e = assertThrows(IOException.class, () -> AtomicFile.write(
                    folder.staging().resolve("report.html"), channel -> {
                        channel.write(ByteBuffer.wrap("half".getBytes()));
                        throw new IOException("No space left on device");
                    }));
            assertTrue(e.getMessage().endsWith("report.html: cannot write: No space left on device"), e.getMessage());
        } finally {
            folder.abandon();
        }
        assertEquals(before, contents(target()));
        assertEquals(List.of("out"), siblings());
    }

    @Test
    void aKilledRunsStagingFolderIsRemovedByTheNextRunAndTheOldSetStays() throws Exception {
        run(Map.of("report.html", "run 1"));
        Path killed = dir.resolve(".out.freshears-staging-" + deadPid());
        Files.createDirectories(killed.resolve("charts"));
        Files.writeString(killed.resolve("charts/.step.png.123.1f-0.part"), "half a chart");
        Files.writeString(killed.resolve("master.wav"), "a whole master of a run that never finished");
        Path alive = dir.resolve(".out.freshears-staging-" + ProcessHandle.current().parent().orElseThrow().pid());
        Files.createDirectories(alive);
        Files.writeString(target().resolve(".report.html." + deadPid() + ".1f-0.part"), "a killed write");
        Files.writeString(target().resolve(".report.html.part"), "not a name freshears makes");
        Files.writeString(target().resolve(".report.html." + ProcessHandle.current().pid() + ".1f-0.part"),
                "a live process's write");

        RunFolder.recoverLeftovers(target().toAbsolutePath());

        assertFalse(Files.exists(killed), "a dead run's staging folder is removed");
        assertTrue(Files.exists(alive), "a running run's staging folder is left alone");
        assertEquals(Map.of(".freshears-files", "report.html\n", "report.html", "run 1",
                ".report.html.part", "not a name freshears makes",
                ".report.html." + ProcessHandle.current().pid() + ".1f-0.part", "a live process's write"),
                contents(target()));
    }

    @Test
    void aRunKilledDuringItsCommitIsFinishedByTheNextRun() throws Exception {
        run(Map.of("report.html", "run 1", "charts/old.png", "run 1"));
        // The kill came between the two renames: the old folder retired, the complete new one not yet in place.
        long pid = deadPid();
        Path retired = dir.resolve(".out.freshears-retired-" + pid + "-1f");
        Files.move(target(), retired);
        Path staged = dir.resolve(".out.freshears-staging-" + pid);
        Files.createDirectories(staged);
        Files.writeString(staged.resolve("report.html"), "run 2");
        Files.writeString(staged.resolve(RunFolder.MANIFEST), "report.html\n");

        RunFolder.recoverLeftovers(target().toAbsolutePath());

        assertEquals(Map.of(".freshears-files", "report.html\n", "report.html", "run 2"), contents(target()));
        assertEquals(List.of("out"), siblings());
    }

    @Test
    void aRunKilledAfterRetiringTheOldFolderWithNoCompleteSetGetsTheOldFolderBack() throws Exception {
        run(Map.of("report.html", "run 1"));
        Path retired = dir.resolve(".out.freshears-retired-" + deadPid() + "-2a");
        Files.move(target(), retired);
        RunFolder.recoverLeftovers(target().toAbsolutePath());
        assertEquals("run 1", Files.readString(target().resolve("report.html")));
        assertEquals(List.of("out"), siblings());
    }

    @Test
    void aFileWhereTheFolderShouldBeIsRefusedByName() throws Exception {
        Files.writeString(target(), "a file");
        IOException e = assertThrows(FileAlreadyExistsException.class, () -> RunFolder.open(target()));
        assertEquals(target() + ": is a file, not a folder; choose another --out", e.getMessage());
        assertEquals("a file", Files.readString(target()));
    }

    @Test
    void aStagedFileNamesTheFileItWillReplace() throws Exception {
        Path out = dir.resolve("out");
        run(Map.of("master.wav", "old master", "charts/a.png", "old chart"));
        RunFolder folder = RunFolder.open(out);
        Files.createDirectories(folder.staging().resolve("charts"));
        assertEquals(java.util.Optional.of(out.resolve("master.wav")),
                RunFolder.previousOf(folder.staging().resolve("master.wav")));
        assertEquals(java.util.Optional.of(out.resolve("charts/a.png")),
                RunFolder.previousOf(folder.staging().resolve("charts/a.png")));
        // No such file in the output folder, or a file outside any staging folder: nothing to keep.
        assertEquals(java.util.Optional.empty(), RunFolder.previousOf(folder.staging().resolve("report.html")));
        assertEquals(java.util.Optional.empty(), RunFolder.previousOf(out.resolve("master.wav")));
        folder.abandon();
    }

    @Test
    void aKeptFileGoesInPlaceByEitherCommit() throws Exception {
        Path out = target();
        run(Map.of("master.wav", "the master"));
        byte[] master = "the master".getBytes();
        for (boolean userFile : List.of(false, true)) {
            if (userFile) {
                Files.writeString(out.resolve("notes.txt"), "mine"); // the commit then moves files in one by one
            }
            Object inode = Files.getAttribute(out.resolve("master.wav"), "unix:ino");
            RunFolder folder = RunFolder.open(out);
            Path staged = folder.staging().resolve("master.wav");
            assertTrue(AtomicFile.linkIfSame(staged, RunFolder.previousOf(staged).orElseThrow(), master));
            folder.commit(List.of());
            assertEquals(inode, Files.getAttribute(out.resolve("master.wav"), "unix:ino"), "the same file kept");
            assertEquals(userFile ? Map.of("master.wav", "the master", "notes.txt", "mine", ".freshears-files",
                    "master.wav\n") : Map.of("master.wav", "the master", ".freshears-files", "master.wav\n"),
                    contents(out));
            assertEquals(List.of("out"), siblings(), "no staging folder left");
        }
    }
}

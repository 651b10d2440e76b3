package org.freshears.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void writesTheWholeContentAndLeavesNoTemporaryFile() throws Exception {
        Path f = dir.resolve("report.html");
        AtomicFile.write(f, "first".getBytes());
        AtomicFile.write(f, "second".getBytes());
        assertEquals("second", Files.readString(f));
        assertEquals(List.of(f), files());
    }

    @Test
    void aFailureLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        Path f = dir.resolve("session.json");
        Files.writeString(f, "the user's work");
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(f, channel -> {
            channel.write(ByteBuffer.wrap("half of it".getBytes()));
            throw new IOException("disk full");
        }));
        assertEquals(f + ": cannot write: disk full", e.getMessage());
        assertEquals("the user's work", Files.readString(f));
        assertEquals(List.of(f), files());
    }

    @Test
    void filesAreReadableByOthersLikeAnyFileInTheFolder() throws Exception {
        Path f = dir.resolve("chart.png");
        AtomicFile.write(f, new byte[] {1, 2, 3});
        if (Files.getFileStore(f).supportsFileAttributeView("posix")) {
            Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
            assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(f));
            assertTrue(Files.getPosixFilePermissions(f).contains(PosixFilePermission.OWNER_READ));
        }
    }

    @Test
    void aMissingFolderIsNamed() {
        Path f = dir.resolve("no/such/folder/x.wav");
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(f, new byte[1]));
        assertTrue(e.getMessage().contains("folder does not exist"), e.getMessage());
    }

    @Test
    void aFolderThatCannotBeWrittenIsNamedNotTheHiddenTemporaryFile() {
        Path readOnly = Path.of("/sys"); // not writable even by root
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(readOnly), "Linux /sys");
        IOException e = assertThrows(IOException.class,
                () -> AtomicFile.write(readOnly.resolve("report.html"), "x".getBytes()));
        assertEquals("/sys: cannot write in this folder", e.getMessage());
    }

    @Test
    void theSameBytesAreLinkedNotWrittenAndChangedOnesAreNot() throws Exception {
        byte[] bytes = new byte[3 << 20]; // several of the compared slices
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31 + (i >> 11));
        }
        Path previous = dir.resolve("old-master.wav");
        Files.write(previous, bytes);
        Files.setLastModifiedTime(previous, java.nio.file.attribute.FileTime.fromMillis(0));
        Path target = dir.resolve("master.wav");
        assertTrue(AtomicFile.linkIfSame(target, previous, bytes));
        assertTrue(Files.isSameFile(target, previous), "kept as a second name, not written again");
        assertTrue(java.util.Arrays.equals(bytes, Files.readAllBytes(target)));
        assertTrue(Files.getLastModifiedTime(target).toMillis() > 0, "as if written now");

        // One byte changed in the middle of the last slice, or one byte more: nothing is linked, nothing left.
        Files.delete(target);
        byte[] changed = bytes.clone();
        changed[changed.length - 5] ^= 1;
        Files.write(previous, changed);
        assertFalse(AtomicFile.linkIfSame(target, previous, bytes));
        Files.write(previous, java.util.Arrays.copyOf(bytes, bytes.length + 1));
        assertFalse(AtomicFile.linkIfSame(target, previous, bytes));
        assertFalse(AtomicFile.linkIfSame(target, dir.resolve("missing.wav"), bytes));
        assertEquals(List.of(previous), files());
    }

    /** A file smaller than a slice (a chart) is read into a buffer of its own size: every byte still compared. */
    @Test
    void smallFilesAreComparedToTheirLastByte() throws Exception {
        Path chart = dir.resolve("chart.svg");
        byte[] head = "<svg>".getBytes();
        byte[] body = "<path d='M0 0'/>".getBytes();
        byte[] tail = "</svg>".getBytes();
        Files.write(chart, "<svg><path d='M0 0'/></svg>".getBytes());
        assertTrue(AtomicFile.sameBytes(chart, head, body, tail));
        assertFalse(AtomicFile.sameBytes(chart, head, body, "</svG>".getBytes()), "the last byte differs");
        assertFalse(AtomicFile.sameBytes(chart, head, body), "the file holds more");
        Files.write(chart, "<svg><path d='M0 0'/></svg>\n".getBytes());
        assertFalse(AtomicFile.sameBytes(chart, head, body, tail), "one byte more");
        Path empty = dir.resolve("empty.txt");
        Files.write(empty, new byte[0]);
        assertTrue(AtomicFile.sameBytes(empty, new byte[0]));
        assertFalse(AtomicFile.sameBytes(empty, "x".getBytes()));
    }
}

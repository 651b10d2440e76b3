package org.freshears.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every refusal names the file and says what is wrong with it, in one printable line. */
class ErrorMessagesTest {
    @TempDir
    Path dir;

    private static AnalyzeCommandTest.Result run(String... args) {
        return AnalyzeCommandTest.run(args);
    }

    @Test
    void aLatin1NotebookSaysItIsNotUtf8AndWhere() throws Exception {
        Path nb = dir.resolve("latin1.jsh");
        String text = "// %%\nvar s = session(\"caf\u00e9.wav\");\n";
        Files.write(nb, text.getBytes(StandardCharsets.ISO_8859_1));
        AnalyzeCommandTest.Result r = run("run", nb.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, r.status());
        assertEquals("freshears: " + nb + ": not UTF-8 text (byte 0xE9 at offset " + text.indexOf('\u00e9')
                + " is not UTF-8; likely Latin-1 or Windows-1252); save the notebook as UTF-8\n", r.err());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void aUtf16NotebookSaysItIsUtf16() throws Exception {
        Path withMark = dir.resolve("utf16.jsh");
        Files.write(withMark, "// %%\nvar s = session(\"mix.wav\");\n".getBytes(StandardCharsets.UTF_16));
        AnalyzeCommandTest.Result r = run("run", withMark.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, r.status());
        assertEquals("freshears: " + withMark + ": not UTF-8 text (it is UTF-16BE, by its byte-order mark); save the "
                + "notebook as UTF-8\n", r.err());

        Path withoutMark = dir.resolve("utf16le.jsh");
        Files.write(withoutMark, "// %%\nvar s = session(\"mix.wav\");\n".getBytes(StandardCharsets.UTF_16LE));
        r = run("run", withoutMark.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, r.status());
        assertEquals("freshears: " + withoutMark + ": not UTF-8 text (it holds NUL bytes, so it is likely UTF-16 or "
                + "not text at all); save the notebook as UTF-8\n", r.err());
    }

    @Test
    void anOutThatIsAFileSaysSo() throws Exception {
        Path nb = dir.resolve("empty.jsh");
        Files.writeString(nb, "// %%\nint x = 1;\n");
        Path file = Files.writeString(dir.resolve("a-file"), "the user's");
        AnalyzeCommandTest.Result r = run("run", nb.toString(), "--out", file.toString());
        assertEquals(2, r.status());
        assertEquals("freshears: " + file + ": is a file, not a folder; choose another --out\n", r.err());
        assertEquals("the user's", Files.readString(file));

        r = run("replay", dir.resolve("session.json").toString(), "--out", file.toString());
        assertEquals(2, r.status()); // no session there: the session file is named first
        assertEquals("freshears: " + dir.resolve("session.json") + ": no such file\n", r.err());
    }

    @Test
    void anOutInAFolderThatCannotBeWrittenNamesThatFolder() {
        Path readOnly = Path.of("/sys"); // not writable even by root
        assumeTrue(Files.isDirectory(readOnly) && !Files.exists(readOnly.resolve("freshears-out")), "Linux /sys");
        Path nb = dir.resolve("empty.jsh");
        AnalyzeCommandTest.Result r;
        try {
            Files.writeString(nb, "// %%\nint x = 1;\n");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        r = run("run", nb.toString(), "--out", readOnly.resolve("freshears-out").toString());
        assertEquals(2, r.status());
        String expected = "freshears: /sys: cannot write in this folder (for --out /sys/freshears-out)";
        assertEquals(expected, r.err().substring(0, Math.min(expected.length(), r.err().length())), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertFalse(r.err().contains(".part") || r.err().contains("staging"), r.err());
    }

    @Test
    void aNulInAPathIsShownEscapedWithTheFileThatHoldsIt() throws Exception {
        assertEquals("\"mix\\0.wav\": not a usable path (Nul character not allowed)",
                ErrorReporter.describe(new InvalidPathException("mix\0.wav", "Nul character not allowed")));
        assertEquals("a\\u001b[31mred", ErrorReporter.printable("a\u001b[31mred"));

        Path nb = dir.resolve("nul.jsh");
        Files.writeString(nb, "// %%\nvar s = session(\"mix\\0.wav\");\n");
        AnalyzeCommandTest.Result r = run("run", nb.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, r.status());
        assertFalse(r.err().contains("\0"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertEquals("freshears: " + nb + ": cell 1, line 2: not a valid path: Nul character not allowed: mix\\0.wav",
                r.err().strip());
    }
}

package org.freshears.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code freshears convert}: either way, beside the input by default, never over a file unasked. */
class ConvertCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int convert(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "convert";
        System.arraycopy(args, 0, all, 1, args.length);
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
    }

    @Test
    void toIpynbBesideItAndBackToTheSameText() throws IOException {
        Path jsh = dir.resolve("song.jsh");
        Files.copy(Path.of("notebooks/02-problem-areas.jsh"), jsh);
        assertEquals(ExitStatus.OK, convert(jsh.toString()));
        Path ipynb = dir.resolve("song.ipynb");
        assertTrue(Files.readString(ipynb).contains("\"nbformat\": 4"));
        assertEquals(ExitStatus.OK, convert(ipynb.toString(), dir.resolve("again.jsh").toString()));
        assertEquals(Files.readString(jsh), Files.readString(dir.resolve("again.jsh")));
    }

    @Test
    void anExistingFileIsReplacedOnlyWithForce() throws IOException {
        Path jsh = dir.resolve("song.jsh");
        Files.writeString(jsh, "// %%\nint x = 1;\n");
        Path ipynb = dir.resolve("song.ipynb");
        Files.writeString(ipynb, "mine");
        assertEquals(ExitStatus.BAD_INPUT, convert(jsh.toString()));
        assertTrue(err.toString().contains("song.ipynb") && err.toString().contains("--force"), err.toString());
        assertEquals("mine", Files.readString(ipynb));
        assertEquals(ExitStatus.OK, convert(jsh.toString(), "--force"));
        assertTrue(Files.readString(ipynb).contains("int x = 1;"));
    }

    @Test
    void badInputIsOneLineAndNothingIsWritten() throws IOException {
        Path bad = dir.resolve("bad.ipynb");
        Files.writeString(bad, "{\"cells\": [], \"nbformat\": 3}");
        assertEquals(ExitStatus.BAD_INPUT, convert(bad.toString()));
        assertEquals("freshears: " + bad + ": nbformat 3 is not supported; only nbformat 4 (save it with a current"
                + " Jupyter)", err.toString().strip());
        assertFalse(Files.exists(dir.resolve("bad.jsh")));
        err.getBuffer().setLength(0);
        assertEquals(ExitStatus.BAD_INPUT, convert(dir.resolve("song.jsh").toString(), dir.resolve("x.txt").toString()));
        assertTrue(err.toString().contains("no such file") || err.toString().contains("song.jsh"), err.toString());
    }
}

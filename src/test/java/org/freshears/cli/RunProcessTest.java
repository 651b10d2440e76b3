package org.freshears.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavWriter;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run as a whole process, in a child JVM: a cell that ends the program, one that exhausts the heap, and
 * a run killed with SIGKILL must leave the output folder holding one run's complete set, and say why.
 */
class RunProcessTest {
    @TempDir
    Path dir;
    Path mix;

    record Result(int status, String out, String err) {
    }

    @BeforeEach
    void writeMix() throws IOException {
        mix = dir.resolve("mix.wav");
        WavWriter.write(Signals.noise(2, 48_000, 4 * 48_000, 0.1, 7), mix, WavOutputFormat.pcm24());
    }

    private Path notebook(String name, String cells) throws IOException {
        Path nb = dir.resolve(name);
        Files.writeString(nb, "// %%\nvar s = session(\"" + mix.toString().replace("\\", "\\\\") + "\");\n"
                + "s.check(\"measured\", integratedLufs(), atMost(0));\n" + cells);
        return nb;
    }

    private ProcessBuilder freshears(String heap, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                "org.freshears.cli.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectOutput(dir.resolve("child.out").toFile())
                .redirectError(dir.resolve("child.err").toFile());
    }

    private Result run(String heap, String... args) throws Exception {
        Process child = freshears(heap, args).start();
        if (!child.waitFor(180, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            fail("freshears " + String.join(" ", args) + " took more than 180 s");
        }
        return new Result(child.exitValue(), Files.readString(dir.resolve("child.out")),
                Files.readString(dir.resolve("child.err")));
    }

    /** Every file under the folder with its SHA-256. */
    private static Map<String, String> hashes(Path folder) throws Exception {
        Map<String, String> all = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                all.put(folder.relativize(p).toString(),
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return all;
    }

    private List<String> hiddenBeside(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out.getParent())) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
        }
    }

    @Test
    void aCellThatCallsSystemExitIsReportedAndTheCellsBeforeItAreWritten() throws Exception {
        Path nb = notebook("exits.jsh", "// %% leave\nSystem.out.println(\"bye\");\nSystem.exit(3);\n"
                + "// %%\ns.checklist();\n");
        Path out = dir.resolve("out");
        Result r = run("512m", "run", nb.toString(), "--out", out.toString());
        assertEquals(2, r.status(), r.out() + r.err());
        assertEquals("freshears: " + nb + ": cell 2, line 5: the cell called System.exit: a notebook cannot end the run,"
                + " so it stopped here\n", r.err());
        assertTrue(r.out().contains("wrote " + out.resolve("report.html")), r.out());
        assertTrue(Files.readString(out.resolve("session.json")).contains("\"measured\""));
        String ipynb = Files.readString(out.resolve("notebook.ipynb"));
        assertTrue(ipynb.contains("the cell called System.exit"), ipynb);
        assertTrue(Files.readString(out.resolve("report.html")).contains("the cell called System.exit"));
        assertEquals(List.of(), hiddenBeside(out), "no staging folder left");
    }

    @Test
    void aCellThatExhaustsTheHeapIsReportedAndTheCellsBeforeItAreWritten() throws Exception {
        Path nb = notebook("hog.jsh", "// %% hog\nList<long[]> hog = new ArrayList<>();\n"
                + "while (true) hog.add(new long[1 << 20]);\n// %%\ns.checklist();\n");
        Path out = dir.resolve("out");
        Result r = run("256m", "run", nb.toString(), "--out", out.toString());
        assertEquals(2, r.status(), r.out() + r.err());
        assertEquals("freshears: " + nb + ": cell 2, line 6: out of memory (give Java more: FRESHEARS_JAVA_OPTS=-Xmx8g)\n", r.err());
        assertTrue(Files.readString(out.resolve("session.json")).contains("\"measured\""));
        assertTrue(Files.readString(out.resolve("notebook.ipynb")).contains("OutOfMemoryError"));
        assertTrue(Files.isRegularFile(out.resolve("report.html")));
    }

    @Test
    void aRunKilledMidRenderLeavesTheLastRunsSetAndTheNextRunCleansUp() throws Exception {
        Path out = dir.resolve("out");
        Path first = notebook("first.jsh", "// %%\ns.step(\"quieter\", gain(-3));\n"
                + "s.render(\"master.wav\", wav24().dither(tpdf()));\n");
        assertEquals(0, run("512m", "run", first.toString(), "--out", out.toString()).status());
        Map<String, String> firstSet = hashes(out);
        assertTrue(firstSet.containsKey("master.wav") && firstSet.keySet().stream().anyMatch(
                k -> k.startsWith("charts/") && k.contains("quieter")), firstSet.toString());

        // Renders without end: killed at some point of writing a master, charts not yet drawn.
        Path endless = notebook("endless.jsh", "// %%\ns.step(\"louder\", gain(2));\n"
                + "for (int i = 0; ; i++) s.render(\"master-\" + (i % 3) + \".wav\", wav24().dither(tpdf()));\n");
        Process child = freshears("512m", "run", endless.toString(), "--out", out.toString()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (hiddenBeside(out).stream().noneMatch(n -> n.contains("staging")) || !rendering(out)) {
            assertTrue(child.isAlive() && System.nanoTime() < deadline, "the endless run should be rendering");
            Thread.sleep(20);
        }
        Thread.sleep(300);
        child.destroyForcibly().waitFor();

        assertEquals(firstSet, hashes(out), "the folder still holds the first run's set, whole");
        assertFalse(hiddenBeside(out).isEmpty(), "the killed run's staging folder is there until the next run");

        Path third = notebook("third.jsh", "// %%\ns.render(\"other.wav\", wav16().dither(tpdf()));\n");
        Result r = run("512m", "run", third.toString(), "--out", out.toString());
        assertEquals(0, r.status(), r.out() + r.err());
        assertEquals(List.of(), hiddenBeside(out), "the next run removed the killed run's leftovers");
        Map<String, String> thirdSet = hashes(out);
        assertTrue(thirdSet.containsKey("other.wav"));
        assertFalse(thirdSet.containsKey("master.wav"), "the first run's master went with its set");
        assertFalse(thirdSet.keySet().stream().anyMatch(k -> k.contains("quieter")), "no chart of an earlier run stays");
        assertEquals(thirdSet.keySet().stream().filter(k -> !k.equals(".freshears-files")).sorted().toList(),
                Files.readAllLines(out.resolve(".freshears-files")));
    }

    /** Whether the staging folder beside the output folder holds a master being written or written. */
    private boolean rendering(Path out) throws IOException {
        for (String name : hiddenBeside(out)) {
            try (Stream<Path> s = Files.list(out.resolveSibling(name))) {
                if (s.anyMatch(p -> p.getFileName().toString().contains("master-"))) {
                    return true;
                }
            } catch (IOException e) {
                return false; // gone between listing and looking
            }
        }
        return false;
    }
}

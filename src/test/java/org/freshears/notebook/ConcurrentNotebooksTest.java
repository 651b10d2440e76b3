package org.freshears.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavWriter;
import org.freshears.notebook.testdsl.TestDsl;
import org.freshears.session.Display;
import org.freshears.session.Progress;
import org.freshears.session.Session;
import org.freshears.session.SessionContext;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing JVM-wide between a cell and its session: two notebooks run at the same time in one JVM (as a
 * kernel would hold them), and each one's prints, displays, sessions and mix stay its own.
 */
class ConcurrentNotebooksTest {
    static final List<String> IMPORTS = Stream.concat(NotebookRunner.DEFAULT_IMPORTS.stream(),
            Stream.of("import org.freshears.notebook.testdsl.TestDsl;")).toList();

    @TempDir
    Path dir;

    /** Both name mix-a.wav; run B is given --mix mix-b.wav, which its cell output must say. */
    private static String notebook(String name, Path mix) {
        String path = mix.toString().replace("\\", "\\\\");
        return String.join("\n",
                "// %%",
                "var s = session(\"" + path + "\");",
                "System.out.println(\"" + name + " opened \" + s.mixPath().getFileName());",
                "// %%",
                "TestDsl.meet();",
                "for (int i = 0; i < 50; i++) { System.out.println(\"" + name + " \" + i); Thread.sleep(2); }",
                "System.err.println(\"" + name + " on stderr\");",
                "TestDsl.chart(\"" + name + "\");",
                "TestDsl.meet();",
                "");
    }

    private static String expectedPrints(String name) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            sb.append(name).append(' ').append(i).append('\n');
        }
        return sb.toString();
    }

    @Test
    void twoNotebooksRunAtOnceEachWithItsOwnOutputsAndMix() throws Exception {
        Path mixA = dir.resolve("mix-a.wav");
        Path mixB = dir.resolve("mix-b.wav");
        WavWriter.write(Signals.pinkNoise(2, 48_000, 48_000, 0.1, 1), mixA, WavOutputFormat.pcm16());
        WavWriter.write(Signals.pinkNoise(2, 44_100, 44_100, 0.1, 2), mixB, WavOutputFormat.pcm16());

        CellOutputs outputsA = new CellOutputs(System.err);
        NotebookContext contextA = new NotebookContext(new SessionContext(dir.resolve("a"), text(outputsA),
                Progress.Factory.NONE), null, outputsA);
        CellOutputs outputsB = new CellOutputs(System.err);
        NotebookContext contextB = new NotebookContext(new SessionContext(dir.resolve("b"), text(outputsB),
                Progress.Factory.NONE), mixB, outputsB);
        NotebookRunner runner = new NotebookRunner().withImports(IMPORTS);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        NotebookRun runA;
        NotebookRun runB;
        try {
            TestDsl.BOTH_RUNS.reset();
            Future<NotebookRun> a = pool.submit(() -> runner.run(PercentNotebook.parse("a.jsh", notebook("A", mixA)),
                    contextA));
            Future<NotebookRun> b = pool.submit(() -> runner.run(PercentNotebook.parse("b.jsh", notebook("B", mixA)),
                    contextB));
            runA = a.get(2, TimeUnit.MINUTES);
            runB = b.get(2, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }
        assertTrue(runA.succeeded(), () -> runA.failure().get().message());
        assertTrue(runB.succeeded(), () -> runB.failure().get().message());

        assertEquals("A opened mix-a.wav\n", runA.cell(1).stdout());
        assertEquals(List.of(), runA.cell(1).displays(), "no --mix, nothing said");
        assertEquals("B opened mix-b.wav\n", runB.cell(1).stdout());
        assertEquals(List.of(RichOutput.text("text/plain", "--mix: opening " + mixB + " instead of " + mixA)),
                runB.cell(1).displays(), "the override is said in the cell that opened the session");

        for (var pair : List.of(List.of("A", runA), List.of("B", runB))) {
            String name = (String) pair.get(0);
            NotebookRun run = (NotebookRun) pair.get(1);
            CellRun cell = run.cell(2);
            assertEquals(expectedPrints(name), cell.stdout(), name);
            assertEquals(name + " on stderr\n", cell.stderr(), name);
            assertEquals(1, cell.displays().size(), name);
            byte[] png = cell.displays().get(0).data();
            assertEquals(name, new String(png, TestDsl.PNG_SIGNATURE.length, png.length - TestDsl.PNG_SIGNATURE.length,
                    StandardCharsets.UTF_8));
        }

        List<Session> sessionsA = contextA.sessions();
        List<Session> sessionsB = contextB.sessions();
        assertEquals(1, sessionsA.size());
        assertEquals(1, sessionsB.size());
        assertEquals(mixA, sessionsA.get(0).mixPath());
        assertEquals(48_000, sessionsA.get(0).mix().audio().sampleRate());
        assertEquals(mixB, sessionsB.get(0).mixPath());
        assertEquals(44_100, sessionsB.get(0).mix().audio().sampleRate());
        assertFalse(outputsA.collecting());
        assertFalse(outputsB.collecting());
    }

    /** A display that shows a session's text lines as the running cell's text output. */
    private static Display text(CellOutputs outputs) {
        return new Display() {
            @Override
            public void text(String line) {
                outputs.display("text/plain", line);
            }
        };
    }
}

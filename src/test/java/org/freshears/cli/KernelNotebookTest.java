package org.freshears.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavWriter;
import org.freshears.notebook.CellRun;
import org.freshears.notebook.LiveNotebook;
import org.freshears.notebook.RichOutput;
import org.freshears.session.MemoryResultCache;
import org.freshears.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notebook a kernel serves: its charts as each step runs (#15 item 1), its own result cache (items 4, 6). */
class KernelNotebookTest {
    @TempDir
    Path dir;

    @Test
    void aStepsChartsAreShownOnceItsStatementIsDoneNotAtTheCellsEnd() throws Exception {
        Path mix = dir.resolve("mix.wav");
        WavWriter.write(Signals.pinkNoise(2, 48_000, 4 * 48_000, 0.1, 3), mix, WavOutputFormat.pcm24());
        try (LiveNotebook notebook = KernelCommand.liveNotebook(dir, dir.resolve("out"))) {
            List<RichOutput> live = new ArrayList<>();
            notebook.context().outputs().showLive(live::add);
            CellRun run = notebook.execute("""
                    var s = session("mix.wav");
                    s.step("quieter", gain(-1));
                    org.freshears.notebook.NotebookContext.current().display("text/plain", "between the steps");
                    s.step("quieter still", gain(-1));
                    """);
            assertTrue(run.failure().isEmpty(), run.failure().toString());
            int marker = -1;
            for (int i = 0; i < live.size(); i++) {
                if (live.get(i).mimeType().equals("text/plain") && live.get(i).text().equals("between the steps")) {
                    marker = i;
                }
            }
            assertTrue(marker > 0, "the marker was shown live: " + live);
            List<String> before = live.subList(0, marker).stream().map(RichOutput::mimeType).toList();
            assertEquals(3, before.stream().filter("image/png"::equals).count(),
                    "the mix's spectrogram, then the first step's spectrum and loudness came before it: " + before);
            assertTrue(live.subList(marker, live.size()).stream().anyMatch(o -> o.mimeType().equals("image/png")),
                    "the second step's charts after it");
            assertEquals(live, run.displays(), "the cell keeps what it showed, in order");
            assertTrue(live.get(1).alternatives().containsKey("image/svg+xml"), "charts in every format");
        }
    }

    /**
     * A closed notebook writes nothing more: the last step's listening file, encoded once its charts were shown,
     * is complete when close returns (the folder was being written while a test's clean-up deleted it).
     */
    @Test
    void closingTheNotebookWaitsForItsListeningFiles() throws Exception {
        Path mix = dir.resolve("mix.wav");
        WavWriter.write(Signals.pinkNoise(2, 48_000, 4 * 48_000, 0.1, 3), mix, WavOutputFormat.pcm24());
        Path last = dir.resolve("out/listen/step-1-quieter.flac.js");
        try (LiveNotebook notebook = KernelCommand.liveNotebook(dir, dir.resolve("out"))) {
            notebook.context().outputs().showLive(output -> { });
            CellRun run = notebook.execute("""
                    var s = session("mix.wav");
                    s.step("quieter", gain(-1));
                    """);
            assertTrue(run.failure().isEmpty(), run.failure().toString());
        }
        assertTrue(Files.exists(last), "written by the time close returned");
        long size = Files.size(last);
        Thread.sleep(300);
        assertEquals(size, Files.size(last), "and not written after");
        assertTrue(Files.readString(last).endsWith("\");\n"), "a whole script: " + size + " bytes");
    }

    @Test
    void eachKernelNotebookHasACacheOfItsOwn() {
        try (LiveNotebook one = KernelCommand.liveNotebook(dir, dir.resolve("one"));
                LiveNotebook two = KernelCommand.liveNotebook(dir, dir.resolve("two"))) {
            assertTrue(one.context().sessionContext().cache() instanceof MemoryResultCache);
            assertNotSame(one.context().sessionContext().cache(), two.context().sessionContext().cache());
        }
    }
}

package org.freshears.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavReader;
import org.freshears.audio.WavWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11.1 and 11.2 through the CLI: a run says "done" only when measurements prove it. */
class HonestChecklistRunTest {
    @TempDir
    Path dir;

    @Test
    void anEmptyChecklistIsNotDoneAndSaysWhy() throws Exception {
        Path notebook = dir.resolve("empty.jsh");
        Files.writeString(notebook, "// %%\nvar s = session(\"" + Path.of("samples/demo-mix.wav").toAbsolutePath()
                + "\");\ns.checklist()\n");
        AnalyzeCommandTest.Result r = AnalyzeCommandTest.run("run", notebook.toString(), "--out",
                dir.resolve("out").toString());
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("Checklist: empty - the master is not done: nothing on the checklist to prove it"),
                r.out());
        assertTrue(!r.out().contains("the master is done"), r.out());
    }

    /** What the checker does: the first-master notebook on a hard-clipped mix. */
    @Test
    void theFirstMasterNotebookOnAHardClippedMixIsNotDone() throws Exception {
        AudioBuffer mix = WavReader.read(Path.of("samples/demo-mix.wav")).audio();
        for (int c = 0; c < mix.channels(); c++) {
            float[] ch = mix.channel(c);
            for (int i = 0; i < ch.length; i++) {
                ch[i] = Math.max(-1f, Math.min(1f, ch[i] * 4)); // 12 dB hotter, clipped at full scale
            }
        }
        Path clipped = dir.resolve("clipped.wav");
        WavWriter.write(mix, clipped, WavOutputFormat.pcm24());
        AnalyzeCommandTest.Result r = AnalyzeCommandTest.run("run", "notebooks/01-first-master.jsh", "--mix",
                clipped.toString(), "--out", dir.resolve("out").toString());
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("[ ] not crushed, mix to master: peak-to-short-term ratio 5."), r.out());
        assertTrue(r.out().contains("dB in 'mix' (wanted >= 8.0 dB in the mix and after every step; fails in 'mix'"
                + " (the mix arrived that way, so no chain can tick it))"),
                r.out());
        String report = Files.readString(dir.resolve("out/report.html"));
        assertTrue(report.contains("fails in &#39;mix&#39;") || report.contains("fails in 'mix'"), "report");
    }
}

package org.freshears.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.freshears.notebook.Cell;
import org.freshears.notebook.CellRun;
import org.freshears.notebook.CellStatus;
import org.freshears.notebook.Notebook;
import org.freshears.notebook.NotebookRun;
import org.freshears.notebook.RichOutput;
import org.junit.jupiter.api.Test;

class StagedTextTest {

    /** A render's warning or note is shown in its cell as text: it names the output folder, not the staging one. */
    @Test
    void textShownInACellNamesTheOutputFolderAndChartsAreLeftAlone() {
        StagedText staged = new StagedText(Path.of("out/.nb.freshears-staging-42"), Path.of("out/nb"));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        Cell cell = Cell.code("s.render(\"cd.wav\", wav16().sampleRate(44_100).dither(tpdf()));", 1);
        CellRun cellRun = new CellRun(1, cell, CellStatus.OK, 1, "", "",
                Optional.of("rendered out/.nb.freshears-staging-42/cd.wav"),
                List.of(RichOutput.text("text/plain", "note: out/.nb.freshears-staging-42/cd.wav: converting to 44.1 kHz"
                        + " raised the true peak"), new RichOutput("image/png", png)), Optional.empty(), Duration.ZERO);
        NotebookRun run = staged.apply(new NotebookRun(new Notebook(List.of(cell)), List.of(cellRun),
                Optional.empty(), Duration.ZERO));
        CellRun shown = run.cells().get(0);
        assertEquals("note: out/nb/cd.wav: converting to 44.1 kHz raised the true peak", shown.displays().get(0).text());
        assertArrayEquals(png, shown.displays().get(1).data());
        assertEquals(Optional.of("rendered out/nb/cd.wav"), shown.value());
    }
}

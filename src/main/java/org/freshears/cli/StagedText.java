package org.freshears.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.freshears.notebook.CellFailure;
import org.freshears.notebook.CellRun;
import org.freshears.notebook.NotebookRun;
import org.freshears.notebook.RichOutput;

/**
 * A run writes into a hidden staging folder that becomes the output folder at its end; what the run
 * printed names the staging folder. This puts the output folder's name in its place, so the notebook, the
 * report and the terminal name where the files are.
 */
record StagedText(String staging, String shown) {

    StagedText(Path staging, Path shown) {
        this(staging.toString(), shown.toString());
    }

    String apply(String text) {
        return text == null ? null : text.replace(staging, shown);
    }

    NotebookRun apply(NotebookRun run) {
        return new NotebookRun(run.notebook(), run.cells().stream().map(this::apply).toList(),
                run.failure().map(this::apply), run.duration());
    }

    private CellRun apply(CellRun c) {
        return new CellRun(c.index(), c.cell(), c.status(), c.executionCount(), apply(c.stdout()), apply(c.stderr()),
                c.value().map(this::apply), c.displays().stream().map(this::apply).toList(),
                c.failure().map(this::apply), c.duration());
    }

    /** A text shown in a cell (a render's warning or note names its file); charts stay as they are. */
    private RichOutput apply(RichOutput display) {
        return display.mimeType().startsWith("text/") ? RichOutput.text(display.mimeType(), apply(display.text()))
                : display;
    }

    private CellFailure apply(CellFailure f) {
        return new CellFailure(f.cellIndex(), f.fileLine(), apply(f.message()), f.errorName(), apply(f.errorValue()),
                f.traceback().stream().map(this::apply).toList());
    }
}

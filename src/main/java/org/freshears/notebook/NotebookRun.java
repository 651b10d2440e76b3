package org.freshears.notebook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of running a notebook: every cell (those after a failure NOT_RUN), the failure if any,
 * and the wall time. What ran is kept even when a cell failed, so a report can still be written.
 */
public record NotebookRun(Notebook notebook, List<CellRun> cells, Optional<CellFailure> failure, Duration duration) {
    public NotebookRun {
        cells = List.copyOf(cells);
    }

    /** True when every code cell ran to its end. */
    public boolean succeeded() {
        return failure.isEmpty();
    }

    /** The cell at a 1-based index. */
    public CellRun cell(int index) {
        return cells.get(index - 1);
    }
}

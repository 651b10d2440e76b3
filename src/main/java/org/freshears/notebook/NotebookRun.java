package org.freshears.notebook;

import java.time.Duration;
import java.util.ArrayList;
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

    /** The run as Jupyter cells with their outputs, for {@link IpynbWriter}. */
    public List<IpynbWriter.IpynbCell> toIpynbCells() {
        List<IpynbWriter.IpynbCell> out = new ArrayList<>();
        for (CellRun run : cells) {
            Cell cell = run.cell();
            if (!cell.isCode()) {
                out.add(new IpynbWriter.MarkdownCell(cell.source(), cell.title()));
                continue;
            }
            // Streams first, then displays, then the value: the order Jupyter shows a cell that printed,
            // plotted and ended on an expression (the true interleaving of streams is not recorded).
            List<IpynbWriter.Output> outputs = new ArrayList<>();
            if (!run.stdout().isEmpty()) {
                outputs.add(new IpynbWriter.StreamOutput("stdout", run.stdout()));
            }
            if (!run.stderr().isEmpty()) {
                outputs.add(new IpynbWriter.StreamOutput("stderr", run.stderr()));
            }
            for (RichOutput display : run.displays()) {
                outputs.add(new IpynbWriter.DisplayData(display.mimeType(), display.data()));
            }
            run.value().ifPresent(v -> outputs.add(new IpynbWriter.ExecuteResult(run.executionCount(), v)));
            run.failure().ifPresent(f -> outputs.add(
                    new IpynbWriter.ErrorOutput(f.errorName(), f.errorValue(), f.traceback())));
            Integer count = run.executionCount() == 0 ? null : run.executionCount();
            out.add(new IpynbWriter.CodeCell(cell.source(), cell.title(), count, outputs));
        }
        return out;
    }
}

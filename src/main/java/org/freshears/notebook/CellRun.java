package org.freshears.notebook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one cell did.
 *
 * @param index          1-based position among all cells of the file
 * @param cell           the cell
 * @param status         how its run ended
 * @param executionCount 1, 2, 3... over the code cells that ran (as Jupyter's {@code In [n]}); 0 if it did not run
 * @param stdout         what it printed on {@code System.out}
 * @param stderr         what it printed on {@code System.err}
 * @param value          the value of its last snippet when that is an expression with a value (Jupyter's
 *                       execute_result), as JShell shows it
 * @param displays       rich outputs attached through {@link CellOutputs}, in order
 * @param failure        why it failed or timed out
 * @param duration       wall time spent in the cell (compilation included)
 */
public record CellRun(int index, Cell cell, CellStatus status, int executionCount, String stdout, String stderr,
        Optional<String> value, List<RichOutput> displays, Optional<CellFailure> failure, Duration duration) {
    public CellRun {
        displays = List.copyOf(displays);
    }

    static CellRun notRun(int index, Cell cell) {
        return new CellRun(index, cell, CellStatus.NOT_RUN, 0, "", "", Optional.empty(), List.of(),
                Optional.empty(), Duration.ZERO);
    }

    /** A cell found not to compile before any cell ran. */
    static CellRun failedToCompile(int index, Cell cell, CellFailure failure) {
        return new CellRun(index, cell, CellStatus.FAILED, 0, "", "", Optional.empty(), List.of(),
                Optional.of(failure), Duration.ZERO);
    }

    static CellRun markdown(int index, Cell cell) {
        return new CellRun(index, cell, CellStatus.OK, 0, "", "", Optional.empty(), List.of(), Optional.empty(),
                Duration.ZERO);
    }
}

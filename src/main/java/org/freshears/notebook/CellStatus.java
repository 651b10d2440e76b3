package org.freshears.notebook;

/** How a cell's run ended. */
public enum CellStatus {
    /** Ran to its end (Markdown cells, which have nothing to run, are OK too). */
    OK,
    /** A snippet did not compile or threw. */
    FAILED,
    /** A cell before it failed or timed out, so it did not run. */
    NOT_RUN,
    /** Stopped after the cell timeout. */
    TIMED_OUT
}

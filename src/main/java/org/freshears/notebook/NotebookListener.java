package org.freshears.notebook;

/** Hears about code cells as they run, e.g. to show progress. Called on the runner's thread. */
public interface NotebookListener {
    NotebookListener NONE = new NotebookListener() {
    };

    /** A code cell starts. cellCount counts all cells of the file, as cellIndex does. */
    default void cellStarted(int cellIndex, int cellCount, Cell cell) {
    }

    /** A code cell is done (whatever its status). Its output capture has already ended. */
    default void cellFinished(CellRun run, int cellCount) {
    }
}

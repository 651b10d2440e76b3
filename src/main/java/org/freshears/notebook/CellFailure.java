package org.freshears.notebook;

import java.util.List;

/**
 * Why a notebook stopped: the first cell that did not compile, threw, or ran out of time.
 *
 * @param cellIndex  1-based position of the cell among all cells of the file (Markdown cells count)
 * @param fileLine   1-based line in the notebook file
 * @param message    one line for people, without Java's names: {@code "cell 3, line 27: ratio must be >= 1, got 0.5"}
 * @param errorName  the error's name: the exception's simple class name, {@code CompilationError} or {@code Timeout}
 * @param errorValue the error's own message (without the location), possibly empty
 * @param traceback  the lines a notebook shows under the error (snippet frames as "cell i, line n")
 */
public record CellFailure(int cellIndex, int fileLine, String message, String errorName, String errorValue,
        List<String> traceback) {
    public CellFailure {
        traceback = List.copyOf(traceback);
    }

    static CellFailure of(int cellIndex, int fileLine, String errorName, String errorValue, List<String> traceback) {
        return of(cellIndex, fileLine, errorName, errorValue, traceback, true);
    }

    static CellFailure of(int cellIndex, int fileLine, String errorName, String errorValue, List<String> traceback,
            boolean nameInMessage) {
        // An exception's message is told in words a user knows: no Java class names.
        String what = nameInMessage
                ? ErrorText.forUser(errorName, errorValue, ErrorText.thrownInNotebookCode(traceback))
                : errorValue;
        String message = "cell " + cellIndex + ", line " + fileLine + ": " + what;
        return new CellFailure(cellIndex, fileLine, message, errorName, errorValue, traceback);
    }
}

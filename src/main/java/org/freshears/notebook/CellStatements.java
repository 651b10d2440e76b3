package org.freshears.notebook;

/**
 * Called by a cell's code where a statement ends inside a block of joined statements ({@link StatementRuns}):
 * the outputs the statement deferred are shown now, as between two snippets. Not for notebooks to call.
 */
public final class CellStatements {
    private CellStatements() {
    }

    /** The statement before this call is done: a kernel shows what it deferred (a step's charts). */
    public static void ended() {
        NotebookContext context = NotebookContext.bound();
        if (context != null) {
            context.outputs().statementEnded();
        }
    }
}

/**
 * Notebooks: the percent-format parser, the JShell runner that runs cells in-process, what each run hands
 * its cells ({@code NotebookContext}: the session context, the {@code --mix} override, the cell's outputs),
 * and the {@code .ipynb} writer.
 *
 * <p>May use {@code session}, {@code audio} and {@code io}.
 */
package org.freshears.notebook;

package org.freshears.notebook;

import java.util.Objects;

/**
 * One cell of a percent-format notebook.
 *
 * @param kind      code or Markdown
 * @param source    the cell's text without its marker line and without leading or trailing blank lines;
 *                  for Markdown, the text with the {@code // } comment prefix removed
 * @param firstLine the 1-based line in the file of the first line of {@code source} (of the marker line
 *                  when the source is empty), so messages can point into the file
 * @param title     the text after {@code // %%} (empty when there is none)
 */
public record Cell(CellKind kind, String source, int firstLine, String title) {
    public Cell {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(title, "title");
        if (firstLine < 1) {
            throw new IllegalArgumentException("firstLine must be >= 1, got " + firstLine);
        }
    }

    public static Cell code(String source, int firstLine) {
        return new Cell(CellKind.CODE, source, firstLine, "");
    }

    public static Cell markdown(String source, int firstLine) {
        return new Cell(CellKind.MARKDOWN, source, firstLine, "");
    }

    public Cell title(String newTitle) {
        return new Cell(kind, source, firstLine, newTitle);
    }

    public boolean isCode() {
        return kind == CellKind.CODE;
    }
}

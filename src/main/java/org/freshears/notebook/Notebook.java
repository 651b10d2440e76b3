package org.freshears.notebook;

import java.util.List;

/** A parsed notebook: its cells in file order. */
public record Notebook(List<Cell> cells) {
    public Notebook {
        cells = List.copyOf(cells);
    }

    /** The notebook as percent-format text; {@link PercentNotebook#parse(String, String)} reads it back. */
    public String toText() {
        return PercentNotebook.format(this);
    }

    public long codeCellCount() {
        return cells.stream().filter(Cell::isCode).count();
    }
}

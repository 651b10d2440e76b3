package org.freshears.notebook;

/** What a notebook cell holds: Java to run, or prose (Markdown) to show. */
public enum CellKind {
    CODE,
    MARKDOWN
}

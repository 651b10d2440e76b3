package org.freshears.notebook;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes notebooks in the Jupytext "percent" format for Java: {@code // %%} starts a code cell
 * (an optional title may follow), {@code // %% [markdown]} a Markdown cell whose lines are {@code // }
 * comments. Lines before the first marker form a code cell unless they are all blank. Jupytext's
 * {@code [md]} spelling is read too; {@code [markdown]} is written.
 *
 * <p>Blank lines around a cell's text are not part of it (they separate cells), so {@link #format}
 * writes one blank line between cells and a file written by it reads back to the same text.
 */
public final class PercentNotebook {
    // Jupytext: "# %% Optional title [cell type] key="value"" with the language's line comment for "#".
    private static final Pattern MARKER = Pattern.compile("^\\s*//\\s*%%(?:\\s(.*))?$");
    private static final Pattern MARKDOWN_TAG = Pattern.compile("\\[(?:markdown|md)\\]");

    private PercentNotebook() {
    }

    /** A notebook file's text (UTF-8, else refused saying what it looks like). */
    public static String readText(Path file) throws IOException {
        return NotebookText.read(file);
    }

    public static Notebook parse(Path file) throws IOException {
        return parse(file.toString(), NotebookText.read(file));
    }

    /**
     * Parses notebook text. It cannot fail: any text is a notebook (a file without markers is one code
     * cell). The name is kept for symmetry with the file overload and for messages.
     */
    public static Notebook parse(String name, String text) {
        List<String> lines = lines(text);
        List<Cell> cells = new ArrayList<>();
        CellKind kind = CellKind.CODE;
        String title = "";
        int markerLine = 0; // 0: the implicit cell before the first marker
        int start = 0;
        for (int i = 0; i <= lines.size(); i++) {
            Matcher marker = i < lines.size() ? MARKER.matcher(lines.get(i)) : null;
            if (marker != null && !marker.matches()) {
                continue;
            }
            addCell(cells, kind, title, markerLine, lines, start, i);
            if (marker != null) {
                String rest = marker.group(1) == null ? "" : marker.group(1);
                Matcher tag = MARKDOWN_TAG.matcher(rest);
                kind = tag.find() ? CellKind.MARKDOWN : CellKind.CODE;
                title = (kind == CellKind.MARKDOWN ? tag.replaceFirst(" ") : rest).trim().replaceAll("\\s+", " ");
                markerLine = i + 1;
                start = i + 1;
            }
        }
        return new Notebook(cells);
    }

    /** The notebook as percent-format text: every cell with its marker, one blank line between cells. */
    public static String format(Notebook notebook) {
        StringBuilder out = new StringBuilder();
        for (Cell cell : notebook.cells()) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append("// %%");
            if (!cell.title().isEmpty()) {
                out.append(' ').append(cell.title());
            }
            if (cell.kind() == CellKind.MARKDOWN) {
                out.append(" [markdown]");
            }
            out.append('\n');
            if (cell.source().isEmpty()) {
                continue;
            }
            for (String line : lines(cell.source())) {
                if (cell.kind() == CellKind.MARKDOWN) {
                    out.append(line.isEmpty() ? "//" : "// " + line);
                } else {
                    out.append(line);
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static void addCell(List<Cell> cells, CellKind kind, String title, int markerLine, List<String> lines,
            int from, int to) {
        int first = from;
        int last = to - 1;
        while (first <= last && lines.get(first).isBlank()) {
            first++;
        }
        while (last >= first && lines.get(last).isBlank()) {
            last--;
        }
        if (markerLine == 0 && first > last) {
            return; // nothing but blank lines before the first marker
        }
        StringBuilder source = new StringBuilder();
        for (int i = first; i <= last; i++) {
            if (i > first) {
                source.append('\n');
            }
            String line = lines.get(i);
            source.append(kind == CellKind.MARKDOWN ? uncomment(line) : line);
        }
        int firstLine = first <= last ? first + 1 : Math.max(markerLine, 1);
        cells.add(new Cell(kind, source.toString(), firstLine, title));
    }

    private static String uncomment(String line) {
        String trimmed = line.stripLeading();
        if (trimmed.startsWith("// ")) {
            return trimmed.substring(3);
        }
        if (trimmed.startsWith("//")) {
            return trimmed.substring(2);
        }
        return line;
    }

    /** Lines without their terminators; CRLF files read like LF files, a final newline ends the last line. */
    static List<String> lines(String text) {
        String[] parts = text.split("\r?\n|\r", -1);
        List<String> lines = new ArrayList<>(List.of(parts));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}

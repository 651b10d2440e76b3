package org.freshears.notebook;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts a notebook between the Jupytext "percent" text ({@code .jsh}) and Jupyter's {@code .ipynb}
 * (nbformat 4.5, no outputs), so it moves between an editor, git and Jupyter without loss. It follows
 * Jupytext's rules: a marker line {@code // %% Title [markdown] key=value ...} holds the cell's title, its
 * type ({@code [markdown]}, {@code [md]}, {@code [raw]}) and its metadata as {@code key=JSON} pairs
 * ({@code tags=["x"]}), which become the cell's {@code metadata} ({@code title} among them); Markdown and
 * raw lines are {@code // } comments; cells are one blank line apart, and another spacing is kept as
 * Jupytext keeps it, in the metadata {@code lines_to_next_cell}. Text in this canonical shape converts to
 * {@code .ipynb} and back to the same bytes.
 *
 * <p>Format: https://jupytext.readthedocs.io/en/latest/formats-scripts.html#the-percent-format
 */
public final class NotebookConversion {
    private static final Pattern MARKER = Pattern.compile("^\\s*//\\s*%%(.*)$");
    private static final Pattern CELL_TYPE = Pattern.compile("\\[(markdown|md|raw)\\]");
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][\\w.\\-]*=");
    private static final String LINES_TO_NEXT_CELL = "lines_to_next_cell";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private NotebookConversion() {
    }

    /** A cell as both formats hold it: type (code, markdown, raw), source text, metadata. */
    record TextCell(String type, String source, Map<String, JsonNode> metadata) {
    }

    /** Percent-format text as {@code .ipynb} JSON text (nbformat 4.5, written as nbformat writes it). */
    public static String toIpynb(String percentText) {
        List<TextCell> cells = parsePercent(percentText);
        List<Object> cellJson = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            TextCell cell = cells.get(i);
            Map<String, Object> json = new TreeMap<>();
            json.put("id", "cell-" + (i + 1));
            json.put("cell_type", cell.type());
            // In the marker line's order (not sorted as nbformat would), so the text comes back as written.
            ObjectNode metadata = JSON.createObjectNode();
            cell.metadata().forEach(metadata::set);
            json.put("metadata", metadata);
            json.put("source", IpynbWriter.lines(cell.source()));
            if (cell.type().equals("code")) {
                json.put("execution_count", null);
                json.put("outputs", List.of());
            }
            cellJson.add(json);
        }
        Map<String, Object> notebook = new TreeMap<>();
        notebook.put("cells", cellJson);
        notebook.put("metadata", IpynbWriter.notebookMetadata());
        notebook.put("nbformat", 4);
        notebook.put("nbformat_minor", 5);
        try {
            return JSON.writer(IpynbWriter.prettyPrinter()).writeValueAsString(notebook) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code .ipynb} JSON text as percent-format text; outputs are left behind (the text has no place
     * for them). Refused with the reason: text that is not a notebook of nbformat 4.
     */
    public static String toPercent(String ipynbText) throws IOException {
        JsonNode notebook;
        try {
            notebook = JSON.readTree(ipynbText);
        } catch (JsonProcessingException e) {
            throw new IOException("not a Jupyter notebook (not JSON: " + e.getOriginalMessage() + ")");
        }
        if (notebook == null || !notebook.path("cells").isArray()) {
            throw new IOException("not a Jupyter notebook (no \"cells\" list)");
        }
        if (notebook.path("nbformat").asInt(0) != 4) {
            throw new IOException("nbformat " + notebook.path("nbformat").asText("?")
                    + " is not supported; only nbformat 4 (save it with a current Jupyter)");
        }
        List<TextCell> cells = new ArrayList<>();
        for (JsonNode cell : notebook.path("cells")) {
            String type = cell.path("cell_type").asText("code");
            if (!List.of("code", "markdown", "raw").contains(type)) {
                throw new IOException("cell " + (cells.size() + 1) + " has an unknown cell_type \"" + type + "\"");
            }
            Map<String, JsonNode> metadata = new LinkedHashMap<>();
            cell.path("metadata").fields().forEachRemaining(e -> metadata.put(e.getKey(), e.getValue()));
            cells.add(new TextCell(type, source(cell.path("source")), metadata));
        }
        return formatPercent(cells);
    }

    static List<TextCell> parsePercent(String text) {
        List<String> lines = PercentNotebook.lines(text);
        List<TextCell> cells = new ArrayList<>();
        int start = 0;
        String type = "code";
        Map<String, JsonNode> metadata = new LinkedHashMap<>();
        boolean marked = false;
        for (int i = 0; i <= lines.size(); i++) {
            Matcher marker = i < lines.size() ? MARKER.matcher(lines.get(i)) : null;
            if (marker != null && !marker.matches()) {
                continue;
            }
            List<String> body = lines.subList(start, i);
            if (marked || body.stream().anyMatch(l -> !l.isBlank())) {
                cells.add(cell(type, body, metadata, marker == null));
            }
            if (marker != null) {
                metadata = new LinkedHashMap<>();
                type = options(marker.group(1), metadata);
                marked = true;
                start = i + 1;
            }
        }
        return cells;
    }

    private static TextCell cell(String type, List<String> body, Map<String, JsonNode> metadata, boolean last) {
        int end = body.size();
        while (end > 0 && body.get(end - 1).isBlank()) {
            end--;
        }
        int blankAfter = body.size() - end;
        if (blankAfter != (last ? 0 : 1)) {
            metadata.put(LINES_TO_NEXT_CELL, JSON.getNodeFactory().numberNode(blankAfter));
        }
        StringBuilder source = new StringBuilder();
        for (int i = 0; i < end; i++) {
            String line = body.get(i);
            source.append(type.equals("code") ? line : uncomment(line));
            if (i < end - 1) {
                source.append('\n');
            }
        }
        return new TextCell(type, source.toString(), metadata);
    }

    /** Reads a marker's options into metadata and returns the cell type. */
    private static String options(String text, Map<String, JsonNode> metadata) {
        String type = "code";
        StringBuilder title = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
                continue;
            }
            Matcher cellType = CELL_TYPE.matcher(text).region(i, text.length());
            Matcher key = KEY.matcher(text).region(i, text.length());
            if (cellType.lookingAt()) {
                type = cellType.group(1).equals("raw") ? "raw" : "markdown";
                i = cellType.end();
            } else if (key.lookingAt() && jsonValueEnd(text, key.end()) > 0) {
                int end = jsonValueEnd(text, key.end());
                String name = text.substring(i, key.end() - 1);
                metadata.put(name, readJson(text.substring(key.end(), end)));
                i = end;
            } else {
                int end = i;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                title.append(title.length() == 0 ? "" : " ").append(text, i, end);
                i = end;
            }
        }
        if (title.length() > 0) {
            // The title comes first among the keys, as Jupytext writes it first on the marker line.
            Map<String, JsonNode> ordered = new LinkedHashMap<>();
            ordered.put("title", JSON.getNodeFactory().textNode(title.toString()));
            ordered.putAll(metadata);
            metadata.clear();
            metadata.putAll(ordered);
        }
        return type;
    }

    /** Where a JSON value starting at {@code from} ends (followed by a space or the end), or -1. */
    private static int jsonValueEnd(String text, int from) {
        try (JsonParser parser = JSON.getFactory().createParser(text.substring(from))) {
            if (parser.nextToken() == null) {
                return -1;
            }
            parser.skipChildren();
            int end = from + (int) parser.currentLocation().getCharOffset();
            return end == text.length() || Character.isWhitespace(text.charAt(end)) ? end : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("checked by jsonValueEnd", e);
        }
    }

    static String formatPercent(List<TextCell> cells) {
        StringBuilder out = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            TextCell cell = cells.get(c);
            Map<String, JsonNode> metadata = new LinkedHashMap<>(cell.metadata());
            JsonNode spacing = metadata.remove(LINES_TO_NEXT_CELL);
            out.append("// %%");
            JsonNode title = metadata.remove("title");
            if (title != null && title.isTextual() && !title.asText().isBlank()) {
                out.append(' ').append(title.asText());
            } else if (title != null) {
                metadata.put("title", title);
            }
            if (!cell.type().equals("code")) {
                out.append(cell.type().equals("raw") ? " [raw]" : " [markdown]");
            }
            for (Map.Entry<String, JsonNode> entry : metadata.entrySet()) {
                out.append(' ').append(entry.getKey()).append('=').append(pythonJson(entry.getValue()));
            }
            out.append('\n');
            if (!cell.source().isEmpty()) {
                for (String line : PercentNotebook.lines(cell.source())) {
                    out.append(cell.type().equals("code") ? line : line.isEmpty() ? "//" : "// " + line).append('\n');
                }
            }
            int blank = spacing != null && spacing.canConvertToInt() ? Math.max(0, spacing.asInt())
                    : c < cells.size() - 1 ? 1 : 0;
            out.append("\n".repeat(blank));
        }
        return out.toString();
    }

    /** JSON as Python's json.dumps writes it (", " and ": "), the spelling Jupytext puts on marker lines. */
    static String pythonJson(JsonNode value) {
        if (value instanceof ObjectNode object) {
            StringBuilder out = new StringBuilder("{");
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                out.append(JSON.getNodeFactory().textNode(field.getKey())).append(": ")
                        .append(pythonJson(field.getValue()));
                if (fields.hasNext()) {
                    out.append(", ");
                }
            }
            return out.append('}').toString();
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(pythonJson(item)));
            return "[" + String.join(", ", items) + "]";
        }
        return value.toString();
    }

    private static String uncomment(String line) {
        if (line.startsWith("// ")) {
            return line.substring(3);
        }
        return line.startsWith("//") ? line.substring(2) : line;
    }

    private static String source(JsonNode source) {
        if (source.isArray()) {
            StringBuilder text = new StringBuilder();
            source.forEach(line -> text.append(line.asText()));
            return text.toString();
        }
        return source.asText("");
    }
}

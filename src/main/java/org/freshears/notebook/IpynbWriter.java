package org.freshears.notebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.freshears.io.AtomicFile;

/**
 * Writes a run notebook as a Jupyter notebook, nbformat 4.5 (the version that gives cells an
 * {@code id}), so it opens in JupyterLab, VS Code or GitHub with its outputs. The cells and outputs are
 * modelled here by the nested records, each mirroring one nbformat structure; the JSON is written as
 * nbformat itself writes it (keys sorted, one-space indent, text as lists of lines) so files diff well.
 *
 * <p>Schema: https://github.com/jupyter/nbformat/blob/main/nbformat/v4/nbformat.v4.5.schema.json
 */
public final class IpynbWriter {
    // nbformat v4.5 schema: "nbformat" is 4 (minimum = maximum = 4), "nbformat_minor" >= 5.
    private static final int NBFORMAT = 4;
    private static final int NBFORMAT_MINOR = 5;
    // nbformat v4.5 schema, definitions.misc.mimebundle: JSON mime types hold any JSON value.
    private static final Pattern JSON_MIME = Pattern.compile("^application/(.*\\+)?json$");
    private static final Pattern TEXT_MIME = Pattern.compile("^(text/.*|image/svg\\+xml|application/javascript)$");

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private IpynbWriter() {
    }

    /** A cell of the written notebook. */
    public sealed interface IpynbCell permits MarkdownCell, CodeCell {
    }

    /** A Markdown cell; the title (may be empty) goes into the cell metadata as Jupytext keeps it. */
    public record MarkdownCell(String source, String title) implements IpynbCell {
        public MarkdownCell {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(title, "title");
        }
    }

    /**
     * A code cell.
     *
     * @param executionCount its {@code In [n]}, or null when it did not run
     */
    public record CodeCell(String source, String title, Integer executionCount, List<Output> outputs)
            implements IpynbCell {
        public CodeCell {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(title, "title");
            if (executionCount != null && executionCount < 0) {
                throw new IllegalArgumentException("execution count must be >= 0, got " + executionCount);
            }
            outputs = List.copyOf(outputs);
        }
    }

    /** An output of a code cell. */
    public sealed interface Output permits StreamOutput, ExecuteResult, DisplayData, ErrorOutput {
    }

    /** Text printed on a stream: name is "stdout" or "stderr". */
    public record StreamOutput(String name, String text) implements Output {
        public StreamOutput {
            if (!"stdout".equals(name) && !"stderr".equals(name)) {
                throw new IllegalArgumentException("stream name must be stdout or stderr, got " + name);
            }
            Objects.requireNonNull(text, "text");
        }
    }

    /** The value of the cell's last expression, as text/plain. */
    public record ExecuteResult(int executionCount, String textPlain) implements Output {
        public ExecuteResult {
            Objects.requireNonNull(textPlain, "textPlain");
        }
    }

    /** A rich output: bytes of one mime type (text types as UTF-8, others written as base64). */
    public record DisplayData(String mimeType, byte[] data) implements Output {
        public DisplayData {
            Objects.requireNonNull(mimeType, "mimeType");
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof DisplayData d && d.mimeType.equals(mimeType) && Arrays.equals(d.data, data);
        }

        @Override
        public int hashCode() {
            return 31 * mimeType.hashCode() + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "DisplayData[mimeType=" + mimeType + ", " + data.length + " bytes]";
        }
    }

    /** The error that stopped the cell. */
    public record ErrorOutput(String ename, String evalue, List<String> traceback) implements Output {
        public ErrorOutput {
            Objects.requireNonNull(ename, "ename");
            Objects.requireNonNull(evalue, "evalue");
            traceback = List.copyOf(traceback);
        }
    }

    /** Writes the notebook to a temporary file beside the target, then moves it into place. */
    public static void write(Path file, List<IpynbCell> cells) throws IOException {
        AtomicFile.write(file, toJson(cells).getBytes(StandardCharsets.UTF_8));
    }

    /** The notebook's JSON text, ending with a newline. */
    public static String toJson(List<IpynbCell> cells) {
        Map<String, Object> notebook = new TreeMap<>();
        List<Object> cellJson = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            cellJson.add(cell("cell-" + (i + 1), cells.get(i)));
        }
        notebook.put("cells", cellJson);
        notebook.put("metadata", notebookMetadata());
        notebook.put("nbformat", NBFORMAT);
        notebook.put("nbformat_minor", NBFORMAT_MINOR);
        try {
            return JSON.writer(prettyPrinter()).writeValueAsString(notebook) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The kernel that runs the notebook in Jupyter ({@code freshears kernel install}) and its language. */
    static Map<String, Object> notebookMetadata() {
        return Map.of(
                "kernelspec", Map.of("name", "freshears", "display_name", "Fresh Ears (Java)", "language", "java"),
                "language_info", Map.of("name", "java", "file_extension", ".jsh"));
    }

    static DefaultPrettyPrinter prettyPrinter() {
        // nbformat writes json.dumps(indent=1, sort_keys=True): one space per level, "key": value.
        DefaultIndenter indenter = new DefaultIndenter(" ", "\n");
        return new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
    }

    private static Map<String, Object> cell(String id, IpynbCell cell) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        if (cell instanceof MarkdownCell markdown) {
            json.put("cell_type", "markdown");
            json.put("metadata", metadata(markdown.title()));
            json.put("source", lines(markdown.source()));
        } else if (cell instanceof CodeCell code) {
            json.put("cell_type", "code");
            json.put("execution_count", code.executionCount());
            json.put("metadata", metadata(code.title()));
            List<Object> outputs = new ArrayList<>();
            for (Output output : code.outputs()) {
                outputs.add(output(output));
            }
            json.put("outputs", outputs);
            json.put("source", lines(code.source()));
        }
        return json;
    }

    private static Map<String, Object> metadata(String title) {
        return title.isEmpty() ? Map.of() : Map.of("title", title);
    }

    private static Map<String, Object> output(Output output) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (output instanceof StreamOutput stream) {
            json.put("name", stream.name());
            json.put("output_type", "stream");
            json.put("text", lines(stream.text()));
        } else if (output instanceof ExecuteResult result) {
            json.put("data", Map.of("text/plain", lines(result.textPlain())));
            json.put("execution_count", result.executionCount());
            json.put("metadata", Map.of());
            json.put("output_type", "execute_result");
        } else if (output instanceof DisplayData display) {
            json.put("data", Map.of(display.mimeType(), mimeData(display.mimeType(), display.data())));
            json.put("metadata", Map.of());
            json.put("output_type", "display_data");
        } else if (output instanceof ErrorOutput error) {
            json.put("ename", error.ename());
            json.put("evalue", error.evalue());
            json.put("output_type", "error");
            json.put("traceback", error.traceback());
        }
        return json;
    }

    private static Object mimeData(String mimeType, byte[] data) {
        if (JSON_MIME.matcher(mimeType).matches()) {
            try {
                return JSON.readTree(data);
            } catch (IOException e) {
                throw new IllegalArgumentException(mimeType + " output is not JSON: " + e.getMessage(), e);
            }
        }
        if (TEXT_MIME.matcher(mimeType).matches()) {
            return lines(new String(data, StandardCharsets.UTF_8));
        }
        return Base64.getEncoder().encodeToString(data);
    }

    /** nbformat's multiline string: a list of lines, each keeping its "\n" except the last. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline + 1;
            lines.add(text.substring(start, end));
            start = end;
        }
        return lines;
    }
}

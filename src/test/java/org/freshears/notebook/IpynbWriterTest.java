package org.freshears.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.freshears.notebook.IpynbWriter.CodeCell;
import org.freshears.notebook.IpynbWriter.DisplayData;
import org.freshears.notebook.IpynbWriter.ErrorOutput;
import org.freshears.notebook.IpynbWriter.ExecuteResult;
import org.freshears.notebook.IpynbWriter.IpynbCell;
import org.freshears.notebook.IpynbWriter.MarkdownCell;
import org.freshears.notebook.IpynbWriter.StreamOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IpynbWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, (byte) 0xff};

    static final List<IpynbCell> CELLS = List.of(
            new MarkdownCell("# Night Drive\n\nsecond pass", ""),
            new CodeCell("var s = session(\"mix.wav\");\ns.listen(\"headphones\");", "Load", 1, List.of(
                    new StreamOutput("stdout", "loaded\n2 channels\n"),
                    new StreamOutput("stderr", "warning: clipped"),
                    new DisplayData("image/png", PNG),
                    new DisplayData("text/html", "<ul>\n<li>ok</li></ul>".getBytes(StandardCharsets.UTF_8)),
                    new DisplayData("application/json", "{\"lufs\": -14.1}".getBytes(StandardCharsets.UTF_8)),
                    new ExecuteResult(1, "Session[mix.wav]"))),
            new CodeCell("ratio(0.5)", "", 2, List.of(new ErrorOutput("IllegalArgumentException",
                    "ratio must be >= 1, got 0.5", List.of("java.lang.IllegalArgumentException: ratio ...",
                            "    at cell 3, line 9")))),
            new CodeCell("", "", null, List.of()));

    @Test
    void followsTheNbformat45Schema() throws IOException {
        JsonNode notebook = JSON.readTree(IpynbWriter.toJson(CELLS));
        assertEquals(List.of(), NbformatSchema.violations(notebook));
        assertEquals(4, notebook.get("nbformat").asInt());
        assertEquals(5, notebook.get("nbformat_minor").asInt());
        JsonNode kernelspec = notebook.at("/metadata/kernelspec");
        assertEquals("freshears", kernelspec.get("name").asText()); // opens with `freshears kernel install`'s kernel
        assertEquals("Fresh Ears (Java)", kernelspec.get("display_name").asText());
        assertEquals("java", kernelspec.get("language").asText());
        assertEquals("java", notebook.at("/metadata/language_info/name").asText());
    }

    @Test
    void cellsCarryIdsSourcesAsLinesCountsAndTitles() throws IOException {
        JsonNode cells = JSON.readTree(IpynbWriter.toJson(CELLS)).get("cells");
        assertEquals(List.of("cell-1", "cell-2", "cell-3", "cell-4"), texts(cells, "id"));
        assertEquals(List.of("markdown", "code", "code", "code"), texts(cells, "cell_type"));
        assertEquals(List.of("# Night Drive\n", "\n", "second pass"), strings(cells.get(0).get("source")));
        assertEquals(List.of("var s = session(\"mix.wav\");\n", "s.listen(\"headphones\");"),
                strings(cells.get(1).get("source")));
        assertEquals(List.of(), strings(cells.get(3).get("source")));
        assertEquals("Load", cells.get(1).at("/metadata/title").asText());
        assertTrue(cells.get(2).get("metadata").isEmpty());
        assertEquals(1, cells.get(1).get("execution_count").asInt());
        assertTrue(cells.get(3).get("execution_count").isNull());
        assertTrue(cells.get(0).path("execution_count").isMissingNode());
    }

    @Test
    void outputsOfEachType() throws IOException {
        JsonNode outputs = JSON.readTree(IpynbWriter.toJson(CELLS)).at("/cells/1/outputs");
        assertEquals(List.of("stream", "stream", "display_data", "display_data", "display_data", "execute_result"),
                texts(outputs, "output_type"));
        assertEquals("stdout", outputs.get(0).get("name").asText());
        assertEquals(List.of("loaded\n", "2 channels\n"), strings(outputs.get(0).get("text")));
        assertEquals(List.of("warning: clipped"), strings(outputs.get(1).get("text")));
        assertArrayEquals(PNG, Base64.getDecoder().decode(outputs.get(2).at("/data/image~1png").asText()));
        assertEquals(List.of("<ul>\n", "<li>ok</li></ul>"), strings(outputs.get(3).at("/data/text~1html")));
        assertEquals(-14.1, outputs.get(4).at("/data/application~1json/lufs").asDouble());
        assertEquals(List.of("Session[mix.wav]"), strings(outputs.get(5).at("/data/text~1plain")));
        assertEquals(1, outputs.get(5).get("execution_count").asInt());
        JsonNode error = JSON.readTree(IpynbWriter.toJson(CELLS)).at("/cells/2/outputs/0");
        assertEquals("error", error.get("output_type").asText());
        assertEquals("IllegalArgumentException", error.get("ename").asText());
        assertEquals("ratio must be >= 1, got 0.5", error.get("evalue").asText());
        assertEquals("    at cell 3, line 9", error.get("traceback").get(1).asText());
    }

    @Test
    void isWrittenAsNbformatWritesIt() {
        String json = IpynbWriter.toJson(List.of(new MarkdownCell("hi", "")));
        assertEquals(String.join("\n",
                "{",
                " \"cells\": [",
                "  {",
                "   \"cell_type\": \"markdown\",",
                "   \"id\": \"cell-1\",",
                "   \"metadata\": {},",
                "   \"source\": [",
                "    \"hi\"",
                "   ]",
                "  }",
                " ],",
                " \"metadata\": {",
                "  \"kernelspec\": {",
                "   \"display_name\": \"Fresh Ears (Java)\",",
                "   \"language\": \"java\",",
                "   \"name\": \"freshears\"",
                "  },",
                "  \"language_info\": {",
                "   \"file_extension\": \".jsh\",",
                "   \"name\": \"java\"",
                "  }",
                " },",
                " \"nbformat\": 4,",
                " \"nbformat_minor\": 5",
                "}",
                ""), json);
    }

    @Test
    void theSchemaCheckCatchesBrokenNotebooks() throws IOException {
        ObjectNode notebook = (ObjectNode) JSON.readTree(IpynbWriter.toJson(CELLS));
        ((ObjectNode) notebook.at("/cells/0")).remove("id");
        ((ObjectNode) notebook.at("/cells/1")).put("extra", 1);
        ((ObjectNode) notebook.at("/cells/1/outputs/0")).put("name", "stdlog");
        ((ObjectNode) notebook.at("/cells/1/outputs/5")).remove("execution_count");
        ((ObjectNode) notebook.at("/cells/2")).put("execution_count", -1);
        ((ObjectNode) notebook.at("/cells/3")).put("id", "cell-2");
        notebook.put("nbformat_minor", 4);
        assertEquals(List.of(
                "nbformat_minor must be an integer >= 5 (cell ids)",
                "cells[0].id must match ^[a-zA-Z0-9-_]+$, 1..64 chars",
                "cells[0] lacks required \"id\"",
                "cells[1] has unknown \"extra\"",
                "cells[1].outputs[0].name must be stdout or stderr",
                "cells[1].outputs[5] lacks required \"execution_count\"",
                "cells[1].outputs[5].execution_count must be null or an integer >= 0",
                "cells[2].execution_count must be null or an integer >= 0",
                "cells[3].id must be unique"), NbformatSchema.violations(notebook));
    }

    @Test
    void writesThroughATemporaryFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("notebook.ipynb");
        Files.writeString(file, "old");
        IpynbWriter.write(file, CELLS);
        assertEquals(IpynbWriter.toJson(CELLS), Files.readString(file));
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(file), listing.toList());
        }
    }

    @Test
    void rejectsWhatNbformatCannotHold() {
        assertThrows(IllegalArgumentException.class, () -> new StreamOutput("stdlog", "x"));
        assertThrows(IllegalArgumentException.class, () -> new CodeCell("", "", -1, List.of()));
        assertThrows(IllegalArgumentException.class, () -> IpynbWriter.toJson(List.of(new CodeCell("", "", 1,
                List.of(new DisplayData("application/json", "{not json".getBytes(StandardCharsets.UTF_8)))))));
    }

    private static List<String> texts(JsonNode array, String field) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false)
                .map(n -> n.get(field).asText()).toList();
    }

    private static List<String> strings(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}

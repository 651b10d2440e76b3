package org.freshears.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** .jsh to .ipynb and back, by Jupytext's percent format: nothing lost either way. */
class NotebookConversionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyBundledNotebookGoesToIpynbAndBackByteForByte() throws IOException {
        List<Path> notebooks;
        try (Stream<Path> files = Files.list(Path.of("notebooks"))) {
            notebooks = files.filter(f -> f.toString().endsWith(".jsh")).sorted().toList();
        }
        assertEquals(6, notebooks.size());
        for (Path file : notebooks) {
            String text = Files.readString(file);
            String ipynb = NotebookConversion.toIpynb(text);
            JsonNode notebook = JSON.readTree(ipynb);
            assertEquals(List.of(), NbformatSchema.violations(notebook), file.toString());
            assertEquals("freshears", notebook.at("/metadata/kernelspec/name").asText());
            // The cells are the ones `run` reads from the file, in order, with the same sources.
            List<Cell> cells = PercentNotebook.parse(file).cells();
            assertEquals(cells.size(), notebook.get("cells").size(), file.toString());
            for (int i = 0; i < cells.size(); i++) {
                JsonNode cell = notebook.get("cells").get(i);
                assertEquals(cells.get(i).isCode() ? "code" : "markdown", cell.get("cell_type").asText());
                assertEquals(cells.get(i).source(), String.join("", JSON.convertValue(cell.get("source"), String[].class)));
            }
            assertEquals(text, NotebookConversion.toPercent(ipynb), file + " back from .ipynb");
            assertEquals(ipynb, NotebookConversion.toIpynb(NotebookConversion.toPercent(ipynb)), file + " .ipynb again");
        }
    }

    @Test
    void markerOptionsAreTheCellsMetadataAsJupytextWritesThem() throws IOException {
        String text = String.join("\n",
                "// %% Open the mix tags=[\"setup\", \"slow\"] jupyter={\"source_hidden\": true}",
                "var s = session(\"mix.wav\");",
                "",
                "// %% [markdown] tags=[\"notes\"]",
                "// # Notes",
                "//",
                "// *fresh* ears",
                "",
                "// %% [raw]",
                "// raw text",
                "",
                "",
                "// %%",
                "s.checklist()",
                "");
        JsonNode notebook = JSON.readTree(NotebookConversion.toIpynb(text));
        JsonNode first = notebook.get("cells").get(0);
        assertEquals("Open the mix", first.at("/metadata/title").asText());
        assertEquals(List.of("setup", "slow"), List.of(JSON.convertValue(first.at("/metadata/tags"), String[].class)));
        assertTrue(first.at("/metadata/jupyter/source_hidden").asBoolean());
        JsonNode markdown = notebook.get("cells").get(1);
        assertEquals("markdown", markdown.get("cell_type").asText());
        assertEquals("# Notes\n\n*fresh* ears", String.join("", JSON.convertValue(markdown.get("source"), String[].class)));
        JsonNode raw = notebook.get("cells").get(2);
        assertEquals("raw", raw.get("cell_type").asText());
        assertEquals(2, raw.at("/metadata/lines_to_next_cell").asInt(), "two blank lines after it, kept");
        assertTrue(notebook.get("cells").get(3).at("/metadata/lines_to_next_cell").isMissingNode());
        assertEquals(List.of(), NbformatSchema.violations(notebook));
        assertEquals(text, NotebookConversion.toPercent(NotebookConversion.toIpynb(text)));
    }

    @Test
    void ipynbFromJupyterLosesOnlyItsOutputs() throws IOException {
        String ipynb = """
                {"cells": [
                  {"cell_type": "markdown", "id": "a", "metadata": {"tags": ["intro"]}, "source": ["# Title\\n", "\\n", "text"]},
                  {"cell_type": "code", "execution_count": 3, "id": "b", "metadata": {}, "outputs": [
                     {"output_type": "stream", "name": "stdout", "text": ["hi\\n"]}],
                   "source": "var s = session(\\"mix.wav\\");\\ns.checklist()"}],
                 "metadata": {}, "nbformat": 4, "nbformat_minor": 4}
                """;
        String text = NotebookConversion.toPercent(ipynb);
        assertEquals(String.join("\n", "// %% [markdown] tags=[\"intro\"]", "// # Title", "//", "// text", "",
                "// %%", "var s = session(\"mix.wav\");", "s.checklist()", ""), text);
        assertEquals(2, PercentNotebook.parse("x", text).cells().size());
    }

    @Test
    void whatIsNotANotebookIsRefusedSayingWhy() {
        assertTrue(assertThrows(IOException.class, () -> NotebookConversion.toPercent("{\"cells\": 3}"))
                .getMessage().contains("no \"cells\" list"));
        assertTrue(assertThrows(IOException.class, () -> NotebookConversion.toPercent("not json"))
                .getMessage().startsWith("not a Jupyter notebook (not JSON"));
        assertTrue(assertThrows(IOException.class,
                () -> NotebookConversion.toPercent("{\"cells\": [], \"nbformat\": 3}")).getMessage()
                .contains("nbformat 3 is not supported"));
    }
}

package org.freshears.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotebookIpynbTest {

    @Test
    void aRunWithOutputsAndAFailureBecomesAValidJupyterNotebook() throws IOException {
        String text = String.join("\n",
                "// %% [markdown]",
                "// # Check",
                "// %% Setup",
                "int x = 2;",
                "System.out.println(\"x is \" + x);",
                "chart(\"spectrum\");",
                "x + 1",
                "// %%",
                "ratio(0.5);",
                "// %%",
                "int never = 1;");
        NotebookRun run = NotebookRunnerTest.RUNNER.run(PercentNotebook.parse("n.jsh", text));
        JsonNode notebook = new ObjectMapper().readTree(IpynbWriter.toJson(run.toIpynbCells()));

        assertEquals(List.of(), NbformatSchema.violations(notebook));
        JsonNode cells = notebook.get("cells");
        assertEquals("markdown", cells.get(0).get("cell_type").asText());
        assertEquals("# Check", cells.get(0).get("source").get(0).asText());

        JsonNode setup = cells.get(1);
        assertEquals("Setup", setup.at("/metadata/title").asText());
        assertEquals(1, setup.get("execution_count").asInt());
        assertEquals(List.of("stream", "display_data", "execute_result"), outputTypes(setup));
        assertEquals("x is 2\n", setup.at("/outputs/0/text/0").asText());
        assertTrue(setup.at("/outputs/1/data/image~1png").isTextual());
        assertEquals("3", setup.at("/outputs/2/data/text~1plain/0").asText());
        assertEquals(1, setup.at("/outputs/2/execution_count").asInt());

        JsonNode failed = cells.get(2);
        assertEquals(2, failed.get("execution_count").asInt());
        assertEquals(List.of("error"), outputTypes(failed));
        assertEquals("IllegalArgumentException", failed.at("/outputs/0/ename").asText());
        assertEquals("ratio must be >= 1, got 0.5", failed.at("/outputs/0/evalue").asText());

        JsonNode notRun = cells.get(3);
        assertTrue(notRun.get("execution_count").isNull());
        assertEquals(List.of(), outputTypes(notRun));
    }

    private static List<String> outputTypes(JsonNode cell) {
        return java.util.stream.StreamSupport.stream(cell.get("outputs").spliterator(), false)
                .map(o -> o.get("output_type").asText()).toList();
    }
}

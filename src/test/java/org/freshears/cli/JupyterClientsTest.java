package org.freshears.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.freshears.testing.ExternalPrograms;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel driven by Jupyter's own clients, as Debian packages them (python3-jupyter-client,
 * python3-nbclient, jupyter-nbconvert; .ci/run installs them): the kernelspec installed into a temporary
 * prefix, every bundled notebook converted to .ipynb and executed by {@code jupyter nbconvert --execute},
 * a broken cell, and jupyter_client's interrupt and a wrongly signed message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JupyterClientsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;
    private Path nbconvert;
    private Path jupyterPath;

    @BeforeAll
    void installKernel() throws IOException {
        // Skipped on a developer's machine without Jupyter; a failure on CI, where .ci/run installs it.
        ExternalPrograms.assumeInstalled("jupyter-nbconvert", "--version");
        nbconvert = onPath("jupyter-nbconvert").orElseThrow();
        Path prefix = temp.resolve("prefix");
        assertEquals(ExitStatus.OK, Main.run("kernel", "install", "--prefix", prefix.toString()));
        jupyterPath = prefix.resolve("share/jupyter");
        JsonNode spec = JSON.readTree(jupyterPath.resolve("kernels/freshears/kernel.json").toFile());
        assertEquals("Fresh Ears (Java)", spec.get("display_name").asText());
        assertEquals("message", spec.get("interrupt_mode").asText());
        assertTrue(Path.of(spec.get("argv").get(0).asText()).isAbsolute());
        // The bundled layout: notebooks/ beside samples/, each notebook naming samples/demo-mix.wav.
        Files.createDirectories(temp.resolve("project/samples"));
        Files.copy(Path.of("samples/demo-mix.wav"), temp.resolve("project/samples/demo-mix.wav"));
        // Notebook 05's reference track.
        Files.copy(Path.of("samples/reference-master.flac"), temp.resolve("project/samples/reference-master.flac"));
        Files.copy(Path.of("samples/neon-rain.flac"), temp.resolve("project/samples/neon-rain.flac")); // the album's
    }

    @Test
    void nbconvertExecutesEveryBundledNotebookThroughTheKernel() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("project/notebooks"));
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("notebooks"))) {
            for (Path jsh : files.filter(f -> f.toString().endsWith(".jsh")).sorted().toList()) {
                String name = RunCommand.baseName(jsh) + ".ipynb";
                assertEquals(ExitStatus.OK, Main.run("convert", jsh.toString(), folder.resolve(name).toString()));
                names.add(name);
            }
        }
        assertEquals(6, names.size());
        List<String> command = new ArrayList<>(List.of(nbconvert.toString(), "--to", "notebook", "--execute",
                "--ExecutePreprocessor.kernel_name=freshears", "--ExecutePreprocessor.timeout=600",
                "--output-dir", temp.resolve("executed").toString()));
        command.addAll(names);
        run(command, folder, 900);
        for (String name : names) {
            JsonNode notebook = JSON.readTree(temp.resolve("executed").resolve(name).toFile());
            List<JsonNode> outputs = new ArrayList<>();
            notebook.get("cells").forEach(cell -> cell.path("outputs").forEach(outputs::add));
            assertTrue(outputs.stream().noneMatch(o -> o.get("output_type").asText().equals("error")), name + ": "
                    + outputs.stream().filter(o -> o.get("output_type").asText().equals("error")).toList());
            // Charts: one mime bundle each, PNG and SVG and a line of text.
            JsonNode chart = outputs.stream().filter(o -> o.get("output_type").asText().equals("display_data"))
                    .findFirst().orElseThrow(() -> new AssertionError(name + ": no chart"));
            assertTrue(chart.at("/data/image~1png").asText().startsWith("iVBORw0KGgo"), name); // PNG's signature
            assertTrue(chart.at("/data/image~1svg+xml").toString().contains("<svg"), name);
            assertTrue(chart.at("/data/text~1plain").toString().contains("chart:"), name);
            JsonNode last = outputs.get(outputs.size() - 1);
            assertEquals("execute_result", last.get("output_type").asText(), name);
            String checklist = String.join("", JSON.convertValue(last.at("/data/text~1plain"), String[].class));
            // An album notebook ends on the album's checklist, every song's under it.
            assertTrue(checklist.startsWith(name.startsWith("06-album") ? "Album 'Night Drive EP': " : "Checklist: "),
                    name + ": " + checklist);
        }
        JsonNode first = JSON.readTree(temp.resolve("executed/01-first-master.ipynb").toFile());
        assertTrue(first.toString().contains("the master is done"), "notebook 01's checklist is done");
        // Renders land in out/<name>/ in the notebook's folder (nbconvert names no notebook: "kernel").
        assertTrue(Files.isRegularFile(folder.resolve("out/kernel/demo-master.wav")));
    }

    @Test
    void aBrokenCellGivesAnErrorOutputNamingItsLine() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("broken"));
        Files.writeString(folder.resolve("broken.jsh"), String.join("\n", "// %%", "int fine = 1;", "// %%",
                "var steady = 2;", "var glue = compressor().ratio(0.5);", "// %%", "int never = 3;", ""));
        assertEquals(ExitStatus.OK, Main.run("convert", folder.resolve("broken.jsh").toString()));
        run(List.of(nbconvert.toString(), "--to", "notebook", "--execute", "--allow-errors",
                "--ExecutePreprocessor.kernel_name=freshears", "--output", "executed.ipynb", "broken.ipynb"),
                folder, 300);
        JsonNode cells = JSON.readTree(folder.resolve("executed.ipynb").toFile()).get("cells");
        assertEquals(0, cells.get(0).get("outputs").size());
        JsonNode error = cells.get(1).get("outputs").get(0);
        assertEquals("error", error.get("output_type").asText());
        assertEquals("IllegalArgumentException", error.get("ename").asText());
        assertTrue(error.get("traceback").get(0).asText().contains("line 2: ratio must be >= 1, got 0.5"),
                error.toString());
    }

    @Test
    void jupyterClientInterruptsALoopAndAWronglySignedMessageIsRefused() throws Exception {
        Path script = temp.resolve("jupyter_client_check.py");
        try (InputStream in = getClass().getResourceAsStream("jupyter_client_check.py")) {
            Files.write(script, in.readAllBytes());
        }
        String output = run(List.of(python(), script.toString(),
                Path.of("samples/demo-mix.wav").toAbsolutePath().toString()), temp, 300);
        JsonNode result = JSON.readTree(output.lines().reduce((a, b) -> b).orElse("{}"));
        assertTrue(result.at("/interrupt/parent_matches").asBoolean(), output);
        assertEquals("error", result.at("/interrupt/status").asText(), output);
        assertEquals("Interrupted", result.at("/interrupt/ename").asText(), output);
        assertTrue(result.at("/interrupt/seconds").asDouble() < 10, output); // within 50 ms when idle
        assertEquals("ok", result.get("after_interrupt").asText(), output);
        assertTrue(result.get("wrong_key_reply").isNull(), output);
        assertEquals("5.3", result.get("kernel_info").asText(), output);
        assertEquals("ok", result.get("rerun_status").asText(), output);
        assertEquals("[\"2\"]", result.get("rerun_steps").toString(), "the step replaced, not added: " + output);
        assertFalse(result.get("kernel_alive_after_shutdown").asBoolean(), output);
        System.out.println("re-running the last step's cell (demo mix, 2 steps) through jupyter_client: "
                + result.get("rerun_seconds") + " s");
    }

    /** The Python that runs Jupyter: the interpreter named by jupyter-nbconvert's #! line. */
    private String python() throws IOException {
        String shebang = Files.readAllLines(nbconvert).get(0);
        return shebang.startsWith("#!") ? shebang.substring(2).strip().split("\\s+")[0] : "python3";
    }

    private String run(List<String> command, Path folder, int timeoutSeconds) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("JUPYTER_PATH", jupyterPath.toString());
        env.put("JUPYTER_RUNTIME_DIR", Files.createDirectories(temp.resolve("runtime")).toString());
        env.remove("JPY_SESSION_NAME");
        Process process = builder.start();
        byte[] out;
        try (InputStream in = process.getInputStream()) {
            out = in.readAllBytes();
        }
        boolean ended = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        String text = new String(out, StandardCharsets.UTF_8);
        assertTrue(ended, command + " did not end: " + text);
        assertEquals(0, process.exitValue(), command + ":\n" + text);
        return text;
    }

    private static Optional<Path> onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    @Test
    void theNotebookNameComesFromJupyterLab() {
        assertEquals("01-first-master", KernelCommand.notebookName("notebooks/01-first-master.ipynb"));
        assertEquals("kernel", KernelCommand.notebookName(null));
    }
}

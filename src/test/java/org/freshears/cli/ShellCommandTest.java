package org.freshears.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import jdk.jshell.JShell;
import jdk.jshell.SnippetEvent;
import jdk.jshell.execution.LocalExecutionControlProvider;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ShellCommandTest {

    @Test
    void jshellRunsLocallyWithOurClassPathAndTheStartupAfterTheDefaults() {
        assertEquals(List.of("--class-path", "a.jar:b", "--execution", "local", "--startup", "DEFAULT",
                "--startup", "/tmp/start.jsh"), ShellCommand.arguments("a.jar:b", Path.of("/tmp/start.jsh")));
        assertEquals(List.of("--execution", "local", "--startup", "DEFAULT", "--startup", "/tmp/start.jsh"),
                ShellCommand.arguments("", Path.of("/tmp/start.jsh")));
    }

    @Test
    void startupImportsTheDslAndOpensTheMix() {
        String imports = String.join("\n", NotebookImports.FOR_SHELL) + "\n";
        assertTrue(imports.contains("import static org.freshears.Mastering.*;\n"), imports);
        assertEquals(imports, ShellCommand.startupScript(null));
        assertEquals(imports + "var s = session(\"mixes/a \\\"b\\\".wav\");\n",
                ShellCommand.startupScript(Path.of("mixes/a \"b\".wav")));
    }

    @Test
    void pathLiteralsReadBackAsTheSamePathInJava() {
        String[] paths = {"C:\\mixes\\song.wav", "quote\"d.wav", "caf\u00e9 \u266b \uD83C\uDFA7.wav", "tab\there",
            "line\nbreak\r.wav", "bell\u0007" + "7.wav", "del\u007f.wav", "\\u000a.wav"};
        try (JShell jshell = JShell.builder().executionEngine(new LocalExecutionControlProvider(), Map.of())
                .build()) {
            for (String path : paths) {
                String literal = ShellCommand.javaString(path);
                List<SnippetEvent> events = jshell.eval("String p = " + literal + ";");
                assertEquals(jdk.jshell.Snippet.Status.VALID, events.get(0).status(), literal);
                String readBack = jshell.eval("p.chars().mapToObj(Integer::toString)"
                        + ".collect(java.util.stream.Collectors.joining(\",\"))").get(0).value();
                String expected = path.chars().mapToObj(Integer::toString)
                        .collect(java.util.stream.Collectors.joining(",", "\"", "\""));
                assertEquals(expected, readBack, literal);
            }
        }
    }

    @Test
    void aMissingMixIsABadInputBeforeJshellStarts() {
        StringWriter err = new StringWriter();
        CommandLine cli = FreshEarsCommand.commandLine();
        cli.setErr(new PrintWriter(err));
        cli.setExecutionExceptionHandler(new ErrorReporter());
        int status = cli.execute("shell", "--mix", "no/such/mix.wav");
        assertEquals(ExitStatus.BAD_INPUT, status);
        assertEquals("freshears: no/such/mix.wav: no such file\n", err.toString().replace(System.lineSeparator(), "\n"));
    }
}

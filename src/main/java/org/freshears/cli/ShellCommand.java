package org.freshears.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import jdk.jshell.tool.JavaShellToolBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Opens the JDK's interactive jshell, in this process (local execution), with our classes on its class
 * path, the DSL imported, and optionally a session on a mix already open as {@code s}.
 */
@Command(name = "shell", mixinStandardHelpOptions = true,
        description = {"Open an interactive JShell with the mastering DSL imported.",
            "With --mix, a session on that mix is open as 's'. Type /exit to leave."})
final class ShellCommand implements Callable<Integer> {
    /** The DSL and the types a notebook names, as a notebook run has them. */
    static final String DSL_IMPORTS = String.join("\n", NotebookImports.FOR_SHELL);

    @Option(names = "--mix", paramLabel = "FILE", description = "Open a session on this mix as 's'.")
    Path mix;

    @Override
    public Integer call() throws Exception {
        if (mix != null && !Files.isRegularFile(mix)) {
            throw new NoSuchFileException(mix.toString());
        }
        Path startup = Files.createTempFile("freshears-shell-", ".jsh");
        try {
            Files.writeString(startup, startupScript(mix), StandardCharsets.UTF_8);
            int status = JavaShellToolBuilder.builder()
                    .start(arguments(System.getProperty("java.class.path", ""), startup).toArray(String[]::new));
            return status == 0 ? ExitStatus.OK : ExitStatus.BAD_INPUT;
        } finally {
            Files.deleteIfExists(startup);
        }
    }

    /**
     * The jshell tool's arguments. {@code --execution local} runs snippets in this JVM, so they share our
     * classes; DEFAULT keeps jshell's usual imports and our startup file comes after it.
     */
    static List<String> arguments(String classPath, Path startup) {
        List<String> args = new ArrayList<>();
        if (!classPath.isEmpty()) {
            args.add("--class-path");
            args.add(classPath);
        }
        args.addAll(List.of("--execution", "local", "--startup", "DEFAULT", "--startup", startup.toString()));
        return args;
    }

    static String startupScript(Path mix) {
        StringBuilder script = new StringBuilder(DSL_IMPORTS).append('\n');
        if (mix != null) {
            script.append("var s = session(").append(javaString(mix.toString())).append(");\n");
        }
        return script.toString();
    }

    /**
     * A Java string literal for any text. Non-ASCII characters become unicode escapes so the startup
     * file's charset cannot matter; control characters, which a unicode escape would turn into real
     * line breaks before the literal is read (JLS 3.3), get octal escapes instead.
     */
    static String javaString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\%03o", (int) c)); // 3 digits: a following digit is not read into it
                    } else if (c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}

package org.freshears.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.freshears.io.AtomicFile;
import org.freshears.notebook.NotebookConversion;
import org.freshears.notebook.PercentNotebook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Converts a notebook between the percent-format text ({@code .jsh}) and Jupyter's {@code .ipynb}, either
 * way, in Jupytext's format (cell titles and metadata kept), so it moves between editor, git and Jupyter.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Convert a notebook between percent-format text and Jupyter's notebook format, either way.",
            "IN ending in .ipynb becomes a .jsh notebook, anything else an .ipynb one. Cell types, titles and"
                + " metadata are kept (Jupytext's percent format); outputs in an .ipynb are not."})
final class ConvertCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN", description = "The notebook to convert (.jsh or .ipynb).")
    Path in;

    @Parameters(index = "1", arity = "0..1", paramLabel = "OUT",
            description = "Where to write it (default: IN with the other extension).")
    Path out;

    @Option(names = "--force", description = "Replace OUT when it exists.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(in)) {
            throw new NoSuchFileException(in.toString());
        }
        boolean toIpynb = !name(in).endsWith(".ipynb");
        Path target = out != null ? out : in.resolveSibling(RunCommand.baseName(in) + (toIpynb ? ".ipynb" : ".jsh"));
        if (name(target).endsWith(".ipynb") != toIpynb) {
            throw new IllegalArgumentException(target + ": converting " + in + " makes "
                    + (toIpynb ? "an .ipynb" : "a .jsh") + " notebook; name it so");
        }
        if (Files.exists(target) && Files.isSameFile(target, in)) {
            throw new IllegalArgumentException(target + ": is the notebook being converted");
        }
        if (Files.exists(target) && !force) {
            throw new FileAlreadyExistsException(target.toString(), null, "exists; add --force to replace it");
        }
        String text = PercentNotebook.readText(in);
        String converted;
        try {
            converted = toIpynb ? NotebookConversion.toIpynb(text) : NotebookConversion.toPercent(text);
        } catch (IOException e) {
            throw new IOException(in + ": " + e.getMessage(), e);
        }
        AtomicFile.write(target, converted.getBytes(StandardCharsets.UTF_8));
        spec.commandLine().getOut().println("wrote " + target);
        spec.commandLine().getOut().flush();
        return ExitStatus.OK;
    }

    private static String name(Path file) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    }
}

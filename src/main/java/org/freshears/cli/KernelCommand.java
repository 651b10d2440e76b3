package org.freshears.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.freshears.kernel.ConnectionFile;
import org.freshears.kernel.JupyterKernel;
import org.freshears.kernel.KernelSpec;
import org.freshears.notebook.CellOutputs;
import org.freshears.notebook.LiveNotebook;
import org.freshears.notebook.NotebookContext;
import org.freshears.notebook.NotebookRunner;
import org.freshears.session.Progress;
import org.freshears.session.SessionContext;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The Jupyter kernel: {@code kernel install} writes the kernelspec Jupyter starts it by, and
 * {@code kernel --connection-file FILE} (what Jupyter runs) serves a notebook's cells until the client
 * shuts it down.
 */
@Command(name = "kernel", mixinStandardHelpOptions = true, subcommands = KernelCommand.Install.class,
        description = {"The Jupyter kernel: notebooks in JupyterLab, Notebook or VS Code, with the DSL and charts.",
            "Install it once with 'freshears kernel install'; Jupyter starts it with --connection-file."})
final class KernelCommand implements Callable<Integer> {
    /** Jupyter has no cell time limit; a cell that runs a day is stopped all the same. */
    static final Duration CELL_TIMEOUT = Duration.ofDays(1);

    @Option(names = "--connection-file", paramLabel = "FILE",
            description = "The connection file Jupyter wrote (its sockets and key).")
    Path connectionFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (connectionFile == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give --connection-file FILE (Jupyter does), or 'kernel install' to install the kernel");
        }
        if (!Files.isRegularFile(connectionFile)) {
            throw new NoSuchFileException(connectionFile.toString());
        }
        ConnectionFile connection = ConnectionFile.read(connectionFile);
        // Jupyter starts a kernel in the notebook's folder: inputs are found from there (and the folders
        // above it), renders go to out/<notebook name>/ there, as `run` writes out/<name>/.
        Path folder = Path.of("").toAbsolutePath();
        Path outputDir = Path.of("out", notebookName(System.getenv("JPY_SESSION_NAME")));
        new JupyterKernel(connection, liveNotebook(folder, outputDir), Version.TOOL, NotebookRunner.terminal())
                .serve();
        return ExitStatus.OK; // a restart too: the client starts the kernel again
    }

    /**
     * The notebook a kernel serves: cells that may run again, charts in every format, inputs found from
     * {@code folder}, renders in {@code outputDir}, and a result cache in memory that lives as long as the
     * notebook (a restart starts an empty one).
     */
    static LiveNotebook liveNotebook(Path folder, Path outputDir) {
        CellOutputs outputs = new CellOutputs(NotebookRunner.terminal());
        CellDisplay display = new CellDisplay(outputs, true);
        NotebookContext context = new NotebookContext(
                new SessionContext(outputDir, display, Progress.Factory.NONE, folder).withRerunnableCells()
                        .withCache(ResultCaches.forKernel()), null, outputs);
        NotebookRunner runner = new NotebookRunner().withImports(NotebookImports.FOR_NOTEBOOKS)
                .withCellTimeout(CELL_TIMEOUT);
        return new LiveNotebook(runner, context);
    }

    /** The notebook's name from the path JupyterLab gives its kernel; "kernel" when none is given. */
    static String notebookName(String sessionName) {
        if (sessionName == null || sessionName.isBlank()) {
            return "kernel";
        }
        String name = RunCommand.baseName(Path.of(sessionName.strip()));
        return name.replaceAll("[^\\w.\\- ]", "_");
    }

    /** Writes the kernelspec {@code freshears} where Jupyter looks for kernels. */
    @Command(name = "install", mixinStandardHelpOptions = true,
            description = {"Install the Jupyter kernelspec 'freshears' (\"Fresh Ears (Java)\").",
                "Default: for this user. Its command line runs this Java and this program, by absolute paths."})
    static final class Install implements Callable<Integer> {
        @ArgGroup(exclusive = true)
        Where where = new Where();

        static final class Where {
            @Option(names = "--user", description = "For this user (the default): Jupyter's user data folder.")
            boolean user;

            @Option(names = "--sys-prefix", description = "Into the Python environment that runs Jupyter (its sys.prefix).")
            boolean sysPrefix;

            @Option(names = "--prefix", paramLabel = "DIR", description = "Into DIR/share/jupyter/kernels.")
            Path prefix;
        }

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException, InterruptedException {
            Path dataDir;
            if (where.prefix != null) {
                dataDir = where.prefix.toAbsolutePath().resolve("share/jupyter");
            } else if (where.sysPrefix) {
                dataDir = pythonPrefix().resolve("share/jupyter");
            } else {
                dataDir = userDataDir(System.getenv(), System.getProperty("os.name"), Path.of(System.getProperty("user.home")));
            }
            Path folder = KernelSpec.install(dataDir, launchCommand());
            spec.commandLine().getOut().println("installed the Jupyter kernel \"" + KernelSpec.DISPLAY_NAME + "\" ("
                    + KernelSpec.NAME + ") in " + folder);
            spec.commandLine().getOut().flush();
            return ExitStatus.OK;
        }
    }

    /**
     * This Java running this program: the Java binary and the class path by absolute paths (so the
     * kernel starts from any folder), with the launcher's memory rule and collector for sessions.
     */
    static List<String> launchCommand() {
        return launchCommand(Path.of("/sys/kernel/mm/transparent_hugepage/enabled"));
    }

    /**
     * The JVM options are the launcher's for a session ({@code freshears}, whose comments give the reasons),
     * so the benchmark's kernel child, which the launcher starts, measures the JVM Jupyter starts: the serial
     * collector, audio arrays straight to the old generation, huge pages where the kernel offers them on request.
     * The default collector (G1) cost a third more CPU on the benchmark's re-executed cell: 7.5 s against 5.4 s
     * (the four-step cell with its last step edited, on the 4-minute mix, one run each under load).
     */
    /**
     * A kernel keeps the heap it has touched (the launcher gives the benchmark's kernel child the same): the serial
     * collector otherwise hands memory back to the system after a collection that leaves much of it free, and the
     * next cell pays to fault it in again (see {@code notebook.IdleHeap}, which readies it between cells).
     */
    static final String KEEP_TOUCHED_HEAP = "-XX:MaxHeapFreeRatio=100";

    static List<String> launchCommand(Path transparentHugePages) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:+UseSerialGC");
        command.add("-XX:PretenureSizeThreshold=1m");
        if (hugePagesOnRequest(transparentHugePages)) {
            command.add("-XX:+UseTransparentHugePages"); // where they are off, the JVM would print a warning
        }
        command.add("-XX:MaxRAMPercentage=70");
        command.add(KEEP_TOUCHED_HEAP);
        command.add("-Djava.awt.headless=true");
        command.add("-cp");
        List<String> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                classPath.add(Path.of(entry).toAbsolutePath().normalize().toString());
            }
        }
        command.add(String.join(File.pathSeparator, classPath));
        command.add(Main.class.getName());
        return command;
    }

    /** Whether Linux hands out transparent huge pages when asked ("madvise") or always; false where unknown. */
    static boolean hugePagesOnRequest(Path modeFile) {
        try {
            String mode = Files.readString(modeFile);
            return mode.contains("[always]") || mode.contains("[madvise]");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Jupyter's user data folder (jupyter_core.paths.jupyter_data_dir). */
    static Path userDataDir(Map<String, String> env, String osName, Path home) {
        String set = env.get("JUPYTER_DATA_DIR");
        if (set != null && !set.isBlank()) {
            return Path.of(set).toAbsolutePath();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("mac")) {
            return home.resolve("Library/Jupyter");
        }
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return (appData != null ? Path.of(appData) : home.resolve("AppData/Roaming")).resolve("jupyter");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share")).resolve("jupyter");
    }

    /** The prefix of the Python environment Jupyter runs in: the active one, else python3's sys.prefix. */
    static Path pythonPrefix() throws IOException, InterruptedException {
        for (String variable : List.of("VIRTUAL_ENV", "CONDA_PREFIX")) {
            String prefix = System.getenv(variable);
            if (prefix != null && !prefix.isBlank()) {
                return Path.of(prefix);
            }
        }
        Process python;
        try {
            python = new ProcessBuilder("python3", "-c", "import sys; print(sys.prefix)")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IOException("--sys-prefix: no python3 to ask for its sys.prefix; use --prefix DIR instead");
        }
        String prefix;
        try (InputStream out = python.getInputStream()) {
            prefix = new String(out.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        if (!python.waitFor(10, TimeUnit.SECONDS) || python.exitValue() != 0 || prefix.isEmpty()) {
            python.destroyForcibly();
            throw new IOException("--sys-prefix: python3 did not tell its sys.prefix; use --prefix DIR instead");
        }
        return Path.of(prefix);
    }
}

package org.freshears.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.freshears.io.RunFolder;
import org.freshears.notebook.CellOutputs;
import org.freshears.notebook.CellRun;
import org.freshears.notebook.CellStatus;
import org.freshears.notebook.Notebook;
import org.freshears.notebook.NotebookContext;
import org.freshears.notebook.NotebookListener;
import org.freshears.notebook.NotebookRun;
import org.freshears.notebook.NotebookRunner;
import org.freshears.notebook.PercentNotebook;
import org.freshears.notebook.ShellStart;
import org.freshears.session.Album;
import org.freshears.session.AlbumChecklist;
import org.freshears.session.Checklist;
import org.freshears.session.Session;
import org.freshears.session.SessionContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The main job: runs a checklist notebook on a mix and writes everything it made into one folder.
 * Exit 0 when every cell ran and the checklist is done, 1 when it ran but something is not done, 2
 * when it could not run.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a mastering checklist notebook and write its report, session file and master.",
            "The notebook is a .jsh file in the Jupytext percent format. The run writes report.html,"
                + " notebook.ipynb, session.json, charts/ and the rendered audio into the output folder."})
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NOTEBOOK", description = "The notebook (.jsh).")
    Path notebookFile;

    @Option(names = "--mix", paramLabel = "FILE",
            description = "Open this mix instead of the one the notebook's session(...) names.")
    Path mix;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (default: out/<notebook name>/).")
    Path out;

    @Option(names = "--cell-timeout", paramLabel = "DURATION", defaultValue = "PT10M",
            description = "Stop a cell that runs longer (ISO-8601, default: ${DEFAULT-VALUE}, e.g. PT30S).")
    Duration cellTimeout;

    @Option(names = "--no-cache", description = "Work everything out; neither read nor write the result cache.")
    boolean noCache;

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "Keep the result cache here (default:"
            + " $FRESHEARS_CACHE, else $XDG_CACHE_HOME/freshears or ~/.cache/freshears).")
    Path cacheDir;

    @Option(names = "--cache-max-mb", paramLabel = "MB", defaultValue = "2048",
            description = "The result cache's size bound; the least recently used results go first (default: ${DEFAULT-VALUE}).")
    long cacheMaxMb;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(notebookFile)) {
            throw Files.isDirectory(notebookFile) ? new IOException(notebookFile + ": is a folder, not a notebook")
                    : new NoSuchFileException(notebookFile.toString());
        }
        if (mix != null && !Files.isRegularFile(mix)) {
            throw new NoSuchFileException(mix.toString());
        }
        if (cellTimeout.isNegative() || cellTimeout.isZero()) {
            throw new IllegalArgumentException("--cell-timeout must be positive, got " + cellTimeout);
        }
        Notebook notebook = PercentNotebook.parse(notebookFile);
        Path outputDir = out != null ? out : Path.of("out", baseName(notebookFile));
        // Everything goes into a staging folder beside the output folder and replaces the last run's set
        // at the end: the folder holds one run's files, never a killed run's half nor an old run's charts.
        RunFolder folder = RunFolder.open(outputDir);
        // JShell is built on another core while the run's context is set up and the notebook's imports worked out.
        ShellStart shell = ShellStart.begin();
        try {
            Path staging = outputDir.resolveSibling(folder.staging().getFileName());
            StagedText shown = new StagedText(staging, outputDir);
            boolean interactive = ProgressBar.stderrIsTerminal();
            CellOutputs outputs = new CellOutputs(NotebookRunner.terminal());
            PrintStream terminal = outputs.terminal();
            // The last run's listening files with the same bytes are linked into the staging folder, not written.
            CellDisplay display = new CellDisplay(outputs, false, outputDir);
            // The notebook names its mix relative to its own folder (or one above it), as in Jupyter.
            Path notebookFolder = notebookFile.toAbsolutePath().getParent();
            NotebookContext context = new NotebookContext(new SessionContext(staging, display,
                    label -> new ProgressBar(shown.apply(label), terminal, interactive), notebookFolder)
                    .withCache(ResultCaches.forRun(noCache, cacheDir, cacheMaxMb, System.getenv(),
                            Path.of(System.getProperty("user.home")))), mix, outputs);
            // The --mix is read and hashed on the other core while JShell starts (both take about half a second).
            context.readMixAhead();
            NotebookListener progress = interactive ? new CellProgress(terminal, notebookFile.getFileName().toString())
                    : new NotebookListener() { };
            CellExitGuard.Finish finish = run -> finish(notebook, shown.apply(run), context.sessions(), context.albums(),
                    display, folder, staging, shown);
            NotebookRun run;
            try (CellExitGuard guard = CellExitGuard.install(notebook, progress, finish, folder::abandon)) {
                run = new NotebookRunner().withImports(NotebookImports.FOR_NOTEBOOKS).withCellTimeout(cellTimeout)
                        .withListener(guard).run(notebook, context, shell);
            }
            return finish.finish(run);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            shell.close(); // unless the runner took it
            folder.abandon();
        }
    }

    /** Writes the run's outputs into the staging folder, puts them in place, and reports the run. */
    private int finish(Notebook notebook, NotebookRun run, List<Session> sessions, List<Album> albums,
            CellDisplay display, RunFolder folder, Path staging, StagedText shown) throws IOException {
        StringWriter wrote = new StringWriter();
        try {
            RunOutputs.write(notebookFile, notebook, run, sessions, albums, display::chartsOf, display::listeningOf,
                    staging, new PrintWriter(wrote));
        } catch (IOException e) {
            // A full disk, say: name the file where it was to go, not its place in the hidden staging folder.
            throw new IOException(shown.apply(ErrorReporter.describe(e)), e);
        }
        folder.commit(inputs(sessions, albums));
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(shown.apply(wrote.toString()));
        stdout.flush();
        return status(run, sessions, albums, stdout);
    }

    /** What this run read: never replaced by an output, nor removed with the previous run's files. */
    private List<Path> inputs(List<Session> sessions, List<Album> albums) {
        List<Path> inputs = new ArrayList<>(List.of(notebookFile));
        if (mix != null) {
            inputs.add(mix);
        }
        sessions.forEach(s -> inputs.add(s.mixPath()));
        albums.forEach(a -> a.songs().forEach(song -> inputs.add(song.session().mixPath())));
        return inputs;
    }

    private int status(NotebookRun run, List<Session> sessions, List<Album> albums, PrintWriter stdout) {
        if (run.failure().isPresent()) {
            spec.commandLine().getErr().println(ErrorReporter.printable("freshears: " + notebookFile + ": "
                    + run.failure().get().message()));
            return ExitStatus.BAD_INPUT;
        }
        // Judged once per session; an empty checklist is not done (Checklist.done), nor is a run with no session.
        List<Checklist> checklists = sessions.stream().map(Session::checklist).toList();
        boolean done = !checklists.isEmpty() && checklists.stream().allMatch(Checklist::done);
        checklists.forEach(stdout::print);
        // An album is done when every song's checklist is and every album check holds.
        List<AlbumChecklist> albumChecklists = albums.stream().map(Album::checklist).toList();
        done = (done || checklists.isEmpty() && !albumChecklists.isEmpty())
                && albumChecklists.stream().allMatch(AlbumChecklist::done);
        albumChecklists.forEach(stdout::print);
        stdout.flush();
        return done ? ExitStatus.OK : ExitStatus.NOT_DONE;
    }

    static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** "cell 3/9" on the terminal while a notebook runs (the cells' own stderr is captured). */
    private record CellProgress(PrintStream terminal, String name) implements NotebookListener {
        @Override
        public void cellStarted(int index, int count, org.freshears.notebook.Cell cell) {
            terminal.println(name + ": cell " + index + " of " + count + (cell.title().isBlank() ? ""
                    : " (" + cell.title() + ")"));
        }

        @Override
        public void cellFinished(CellRun run, int count) {
            if (run.status() != CellStatus.OK) {
                terminal.println(name + ": cell " + run.index() + " " + run.status().name().toLowerCase().replace('_', ' '));
            }
        }
    }
}

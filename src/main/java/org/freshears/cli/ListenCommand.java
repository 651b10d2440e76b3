package org.freshears.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.freshears.audio.AudioFormatException;
import org.freshears.audio.WavStream;
import org.freshears.findings.Detectors;
import org.freshears.findings.Finding;
import org.freshears.findings.FindingThresholds;
import org.freshears.io.AtomicFile;
import org.freshears.measure.Analysis;
import org.freshears.media.AudioFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "listen",
        description = {"Listen to printed mixes with fresh ears and say what was found, where and why.",
            "Level, tone, stereo and technical faults, most severe first; it never changes the mix. --json for",
            "machines; --notebook drafts a checklist from the findings. Exit 0: no problem found; 1: at least one."},
        mixinStandardHelpOptions = true)
final class ListenCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "MIX", description = "WAV files to listen to.")
    List<Path> files;

    @Option(names = "--json", description = "Print JSON: one object for one file, an array for several.")
    boolean json;

    @Option(names = "--notebook", paramLabel = "OUT.jsh",
            description = "Also write a draft checklist notebook (percent format) from the findings; one MIX only.")
    Path notebook;

    @Spec
    CommandSpec spec;

    /** The spectrum needs a few FFT frames: below this there is nothing to judge. */
    static final int MIN_FRAMES = 4096;

    /** One listened file. */
    record Listened(Path file, Analysis analysis, List<Finding> findings) {
    }

    @Override
    public Integer call() throws AudioFormatException, IOException {
        if (notebook != null && files.size() != 1) {
            throw new IllegalArgumentException("--notebook drafts one checklist: give one MIX, got " + files.size());
        }
        if (notebook != null && files.stream().anyMatch(f -> f.toAbsolutePath().normalize()
                .equals(notebook.toAbsolutePath().normalize()))) {
            throw new IllegalArgumentException(notebook + ": the notebook would overwrite the mix");
        }
        PrintWriter err = spec.commandLine().getErr();
        List<Listened> results = new ArrayList<>();
        // Every file is listened to before anything is printed or written: a bad file leaves nothing behind.
        for (Path file : files) {
            results.add(listen(file, err));
        }
        if (notebook != null) {
            Listened only = results.get(0);
            AtomicFile.write(notebook, DraftChecklist.write(only.file(), only.analysis(), only.findings())
                    .getBytes(StandardCharsets.UTF_8));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(FindingsJson.write(results));
        } else {
            for (int i = 0; i < results.size(); i++) {
                if (i > 0) {
                    out.println();
                }
                out.print(FindingsTable.format(results.get(i)));
            }
            if (notebook != null) {
                out.println("draft checklist: " + notebook + " (run it with: freshears run " + notebook + ")");
            }
        }
        out.flush();
        boolean problem = results.stream().anyMatch(r -> Detectors.anyProblem(r.findings()));
        return problem ? ExitStatus.NOT_DONE : ExitStatus.OK;
    }

    private static Listened listen(Path file, PrintWriter err) throws AudioFormatException {
        try (ProgressBar bar = new ProgressBar(file.getFileName().toString());
                WavStream stream = AudioFiles.open(file)) {
            if (stream.frames() < MIN_FRAMES) {
                throw new IllegalArgumentException(file + ": too short to listen to (" + stream.frames()
                        + " frames; at least " + MIN_FRAMES + ")");
            }
            Detectors.Listening heard = Detectors.readAndListen(stream, FindingThresholds.DEFAULTS, bar);
            bar.close(); // the warnings go below a cleared bar
            for (String warning : stream.warnings()) {
                err.println("freshears: warning: " + file + ": " + warning);
            }
            err.flush();
            return new Listened(file, heard.analysis(), heard.findings());
        } catch (AudioFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new AudioFormatException(file, "cannot read: " + e.getMessage(), e); // closing failed
        }
    }
}

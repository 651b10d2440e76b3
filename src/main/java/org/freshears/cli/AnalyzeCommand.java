package org.freshears.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.freshears.audio.AudioFormatException;
import java.io.IOException;
import org.freshears.audio.WavStream;
import org.freshears.measure.Analysis;
import org.freshears.media.AudioFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "analyze",
        description = {"Measure printed mixes: loudness, loudness range, true peak, levels, dynamics and silence.",
            "Loudness per ITU-R BS.1770-4 and EBU R128. A table by default; --json for machines."},
        mixinStandardHelpOptions = true)
final class AnalyzeCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Audio files to measure: WAV, FLAC, AIFF; MP3, AAC/M4A, Ogg, Opus through ffmpeg.")
    List<Path> files;

    @Option(names = "--json", description = "Print JSON: one object for one file, an array for several.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws AudioFormatException {
        PrintWriter err = spec.commandLine().getErr();
        List<FileFacts> results = new ArrayList<>();
        // Everything is measured before anything is printed: a bad file among several leaves no
        // half-printed table or JSON behind.
        for (Path file : files) {
            results.add(measure(file, err));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(FileFactsJson.write(results));
        } else {
            for (int i = 0; i < results.size(); i++) {
                if (i > 0) {
                    out.println();
                }
                out.print(FileFactsTable.format(results.get(i)));
            }
        }
        out.flush();
        return ExitStatus.OK;
    }

    /**
     * One streaming pass: the file is read and measured block by block, so memory does not grow with its
     * length, and the bar moves with the frames measured.
     */
    private static FileFacts measure(Path file, PrintWriter err) throws AudioFormatException {
        try (ProgressBar bar = new ProgressBar(file.getFileName().toString());
                WavStream stream = AudioFiles.open(file)) {
            Analysis analysis = Analysis.withoutSpectrum(stream, bar);
            bar.close(); // the warnings go below a cleared bar
            for (String warning : stream.warnings()) {
                err.println("freshears: warning: " + file + ": " + warning);
            }
            err.flush();
            return new FileFacts(file, stream.format(), stream.decoding(), analysis);
        } catch (AudioFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new AudioFormatException(file, "cannot read: " + e.getMessage(), e); // closing failed
        }
    }
}

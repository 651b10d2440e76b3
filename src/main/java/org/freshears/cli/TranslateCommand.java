package org.freshears.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.freshears.audio.AudioFormatException;
import org.freshears.audio.WavContents;
import org.freshears.measure.Analysis;
import org.freshears.media.AudioFiles;
import org.freshears.media.Ffmpeg;
import org.freshears.translation.CodecSetting;
import org.freshears.translation.PlatformRules;
import org.freshears.translation.Translation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "translate",
        description = {"Check masters where people will play them: streaming platforms, lossy codecs and mono.",
            "How each platform's loudness normalization plays them, what each codec (through ffmpeg) does to their",
            "peaks, loudness and top end, and what mono leaves of them. A table by default; --json for machines.",
            "It never changes the master."},
        mixinStandardHelpOptions = true)
final class TranslateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Masters to check: WAV, FLAC, AIFF; MP3, AAC/M4A, Ogg, Opus through ffmpeg.")
    List<Path> files;

    @Option(names = "--json", description = "Print JSON: one object for one file, an array for several.")
    boolean json;

    @Option(names = "--platforms", paramLabel = "LIST",
            description = "Platforms to play on, comma-separated: spotify (all its modes), spotify:loud, apple, "
                    + "youtube, tidal, amazon, deezer. Default: all.")
    String platforms;

    @Option(names = "--codecs", paramLabel = "LIST",
            description = "Codecs to round-trip, comma-separated name:kbps (aac, mp3, opus, vorbis), or none. "
                    + "Default: aac:256, mp3:320, opus:160, vorbis:160 (spaces are allowed).")
    String codecs;

    @Option(names = "--ceiling", paramLabel = "DBTP", defaultValue = "-1.0",
            description = "True-peak ceiling the decoded versions are judged against (overCeiling). Default: -1.0.")
    double ceilingDbtp;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        // Names and ffmpeg are checked before any file is read: a typo costs no waiting.
        Translation translation = Translation.defaults().withCeilingDbtp(ceilingDbtp);
        if (platforms != null) {
            translation = translation.withPlatforms(PlatformRules.bundled().select(platforms));
        }
        if (codecs != null) {
            translation = translation.withCodecs(codecs.strip().equalsIgnoreCase("none") ? List.of()
                    : CodecSetting.parseList(codecs));
        }
        Ffmpeg ffmpeg = translation.codecs().isEmpty() ? null : Ffmpeg.locate();
        PrintWriter err = spec.commandLine().getErr();
        List<TranslationJson.Translated> results = new ArrayList<>();
        for (Path file : files) {
            results.add(translate(file, translation, ffmpeg, err));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(TranslationJson.write(results));
        } else {
            for (int i = 0; i < results.size(); i++) {
                if (i > 0) {
                    out.println();
                }
                out.print(TranslationTable.format(results.get(i)));
            }
        }
        out.flush();
        return ExitStatus.OK;
    }

    private static TranslationJson.Translated translate(Path file, Translation translation, Ffmpeg ffmpeg,
            PrintWriter err) throws IOException {
        try (ProgressBar bar = new ProgressBar(file.getFileName().toString())) {
            WavContents contents = AudioFiles.read(file, f -> bar.accept(0.1 * f));
            Analysis analysis = Analysis.withoutSpectrum(contents.audio(), f -> bar.accept(0.1 + 0.1 * f));
            try {
                var report = translation.check(contents.audio(), analysis, ffmpeg, f -> bar.accept(0.2 + 0.8 * f));
                bar.close(); // the warnings go below a cleared bar
                for (String warning : contents.warnings()) {
                    err.println("freshears: warning: " + file + ": " + warning);
                }
                return new TranslationJson.Translated(file, report);
            } catch (IllegalArgumentException | AudioFormatException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
            } catch (IOException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
        }
    }
}

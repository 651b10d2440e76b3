package org.freshears.session.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.freshears.audio.AudioBuffer;
import org.freshears.audio.WavContents;
import org.freshears.audio.WavOutputFormat;
import org.freshears.audio.WavReader;
import org.freshears.audio.WavWriter;
import org.freshears.audio.WriteReport;
import org.freshears.chain.ChainObserver;
import org.freshears.chain.RateConversion;
import org.freshears.chain.Renderer;
import org.freshears.io.FileHashes;
import org.freshears.media.AudioFiles;
import org.freshears.session.Progress;
import org.freshears.session.RenderRecord;
import org.freshears.io.PathContainment;

/**
 * Renders a session's outputs again from its JSON alone (no notebook code runs) and compares their
 * SHA-256 with the recorded ones. The mix must be the recorded one, byte for byte. The chain is the
 * recorded resolved steps, applied by the chain runner the session used ({@link Renderer#run}); each output is
 * written with its recorded format, sample rate (converted as the session converted it), dither and seed, at
 * the point in the chain where it was rendered.
 * The mix, the session file and the session's own renders are never written over.
 */
public final class Replay {
    /** The folder beside the session file that outputs go to unless another is given. */
    public static final String DEFAULT_OUT_DIR = "replay";

    private Replay() {
    }

    /**
     * @param sessionJson the session file
     * @param mixOverride the mix, when it has moved (still checked by SHA-256); null for the recorded path
     * @param outDir where outputs are written; null for {@value #DEFAULT_OUT_DIR}/ beside the session file
     * @param progress how long work shows progress
     */
    public static ReplayReport run(Path sessionJson, Path mixOverride, Path outDir, Progress.Factory progress)
            throws IOException {
        if (AlbumJson.isAlbum(sessionJson)) {
            return album(sessionJson, mixOverride, outDir, progress);
        }
        return run(SessionJson.read(sessionJson), sessionJson, mixOverride, outDir, progress);
    }

    /** One session's outputs; {@code sessionJson} is where it was read from (its folder holds the mix's path). */
    private static ReplayReport run(SessionRecord record, Path sessionJson, Path mixOverride, Path outDir,
            Progress.Factory progress) throws IOException {
        Path folder = sessionJson.toAbsolutePath().normalize().getParent();
        Path mixFile = mixOverride != null ? mixOverride : folder.resolve(record.mix().path());
        checkMix(mixFile, record.mix(), mixOverride != null);

        Path out = outDir != null ? outDir : folder.resolve(DEFAULT_OUT_DIR);
        if (outDir == null && Files.isSymbolicLink(out)) {
            // An --out the user gives may be a link; the default folder beside the session may not lead away.
            throw new ReplayRefusedException(out + ": is a symbolic link (to " + Files.readSymbolicLink(out)
                    + "); replay writes only into a real folder beside the session: remove the link or give --out");
        }
        Files.createDirectories(out);
        // Every output path is checked where it would land before anything is written.
        for (SessionRecord.Render render : record.renders()) {
            PathContainment.requireInside(out, outputPath(out, render.path()));
        }
        AudioBuffer audio;
        String decoderChange;
        try (Progress p = progress.start("reading " + mixFile.getFileName())) {
            WavContents contents = AudioFiles.read(mixFile, p);
            audio = contents.audio();
            decoderChange = decoderChange(record.mix().decodedBy(), SessionRecord.MixDecoder.of(contents.decoding()));
        }

        // Never write over the mix, the session file, or the masters the session rendered (an --out
        // pointing at the session's own folder would otherwise replace them).
        List<Path> protectedFiles = new ArrayList<>(List.of(mixFile, sessionJson));
        record.renders().forEach(r -> protectedFiles.add(folder.resolve(r.path())));

        Renderer renderer = new Renderer();
        List<ReplayReport.OutputResult> results = new ArrayList<>();
        int stepsDone = 0;
        for (SessionRecord.Render render : record.renders()) {
            while (stepsDone < render.afterSteps()) {
                SessionRecord.StepEntry step = record.steps().get(stepsDone);
                try (Progress p = progress.start("step '" + step.name() + "'")) {
                    // Resolved steps are concrete: the runner resolves nothing, and nobody charts a replay. The
                    // audio is the replay's own (the mix read for it, then each step's output): rendered over.
                    audio = renderer.runOver(step.resolved(), audio, ChainObserver.progress(p)).audio();
                }
                stepsDone++;
            }
            Path target = outputPath(out, render.path());
            PathContainment.requireInside(out, target); // again: a link may have appeared since
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            WavOutputFormat format = render.outputFormat();
            int sampleRateHz = format.sampleRateFor(audio.sampleRate()); // an older render: the mix's rate
            AudioBuffer delivered = audio;
            if (sampleRateHz != audio.sampleRate()) {
                try (Progress p = progress.start("converting to " + RenderRecord.kiloHertz(sampleRateHz))) {
                    delivered = RateConversion.to(sampleRateHz, audio, p);
                }
            }
            WriteReport written;
            try (Progress p = progress.start("writing " + target.getFileName())) {
                written = WavWriter.write(delivered, target, format, protectedFiles, p);
            }
            results.add(new ReplayReport.OutputResult(render.path(), target, render.sha256(), written.sha256()));
        }
        return new ReplayReport(results, decoderChange);
    }

    /** Null when the mix was decoded as recorded; else what changed, for the user to weigh a DIFFERENT. */
    private static String decoderChange(SessionRecord.MixDecoder recorded, SessionRecord.MixDecoder now) {
        if (recorded == null || recorded.equals(now)) {
            return null;
        }
        return "the session recorded the mix decoded by " + recorded.decoder() + " " + recorded.version()
                + ", it was decoded now by " + (now == null ? "the WAV reader" : now.decoder() + " " + now.version())
                + ": another decoder may give other samples, and the outputs other bits";
    }

    private static void checkMix(Path mixFile, SessionRecord.Mix mix, boolean overridden) throws IOException {
        if (!Files.isRegularFile(mixFile)) {
            throw new ReplayRefusedException(mixFile + ": no such file (the session's mix"
                    + (overridden ? ")" : ", recorded as '" + mix.path() + "'; use --mix to point to a moved copy)"));
        }
        String found = FileHashes.sha256(mixFile);
        if (!found.equals(mix.sha256())) {
            throw new ReplayRefusedException(mixFile + ": SHA-256 differs from the session's (recorded "
                    + abbreviate(mix.sha256()) + ", found " + abbreviate(found) + "): not the same mix; use --mix to "
                    + "point to the right file");
        }
    }

    /**
     * Where a recorded output goes: the same relative path inside the output folder; only its file name
     * when the recorded path is absolute or would climb out of the folder.
     */
    static Path outputPath(Path out, String recordedPath) {
        Path recorded = Path.of(recordedPath);
        Path base = out.toAbsolutePath().normalize();
        if (!recorded.isAbsolute()) {
            Path inside = base.resolve(recorded).normalize();
            if (inside.startsWith(base) && !inside.equals(base)) {
                return inside;
            }
        }
        return base.resolve(recorded.getFileName().toString());
    }

    private static String abbreviate(String sha256) {
        return sha256.substring(0, 12) + "...";
    }

    // ---- albums (#16 item 4) ----------------------------------------------------------------------------

    /**
     * Every song's outputs of an album's session file, song after song, into the one output folder (the songs'
     * masters have names of their own: {@link AlbumRecord} checks it). Each song's mix is checked by SHA-256 as a
     * session's is; {@code --mix} names one mix and an album has several, so it is refused.
     */
    private static ReplayReport album(Path albumJson, Path mixOverride, Path outDir, Progress.Factory progress)
            throws IOException {
        AlbumRecord album = AlbumJson.read(albumJson);
        if (mixOverride != null) {
            throw new ReplayRefusedException(albumJson + ": --mix names one mix, and album '" + album.title() + "' has "
                    + album.songs().size() + " (one per song): replay it without --mix, with each song's mix where"
                    + " its session records it");
        }
        for (AlbumRecord.SongEntry song : album.songs()) { // every mix is there before anything is written
            checkMix(albumJson.toAbsolutePath().normalize().getParent().resolve(song.session().mix().path()),
                    song.session().mix(), false);
        }
        List<ReplayReport.OutputResult> results = new ArrayList<>();
        for (AlbumRecord.SongEntry song : album.songs()) {
            results.addAll(run(song.session(), albumJson, null, outDir, progress).outputs());
        }
        return new ReplayReport(results);
    }
}

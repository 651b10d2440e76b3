package org.freshears.translation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import org.freshears.audio.AudioBuffer;
import org.freshears.measure.Analysis;
import org.freshears.media.Ffmpeg;

/**
 * Checks a master where people will play it: the platforms' normalization, the codecs' round trips and the
 * mono fold-down, all measured with the master's own meters. The master is never changed.
 *
 * @param platforms   the platform rules to play it on
 * @param codecs      the codecs to send it through (none: ffmpeg is not needed)
 * @param ceilingDbtp the true-peak ceiling the decoded versions are judged against
 */
public record Translation(List<PlatformRule> platforms, List<CodecSetting> codecs, double ceilingDbtp) {

    /** Every platform and mode of {@code platforms.tsv}, the default codecs, a −1 dBTP ceiling. */
    public static Translation defaults() {
        return new Translation(PlatformRules.bundled().all(), CodecSetting.DEFAULTS, CodecRoundTrip.DEFAULT_CEILING_DBTP);
    }

    public Translation {
        platforms = List.copyOf(platforms);
        codecs = List.copyOf(codecs);
        if (!(ceilingDbtp <= 0 && ceilingDbtp >= -30)) {
            throw new IllegalArgumentException("ceilingDbtp must be in [-30, 0], got " + ceilingDbtp);
        }
    }

    public Translation withPlatforms(List<PlatformRule> rules) {
        return new Translation(rules, codecs, ceilingDbtp);
    }

    public Translation withCodecs(List<CodecSetting> settings) {
        return new Translation(platforms, settings, ceilingDbtp);
    }

    public Translation withCeilingDbtp(double dbtp) {
        return new Translation(platforms, codecs, dbtp);
    }

    /** Measures the master's translation, finding ffmpeg when codecs are asked for. */
    public TranslationReport check(AudioBuffer master, Analysis analysis, DoubleConsumer progress) throws IOException {
        return check(master, analysis, codecs.isEmpty() ? null : Ffmpeg.locate(), progress);
    }

    /**
     * Measures the master's translation. {@code ffmpeg} may be null only when no codec is asked for. Progress
     * goes from 0 to 1: the codecs take most of it.
     */
    public TranslationReport check(AudioBuffer master, Analysis analysis, Ffmpeg ffmpeg, DoubleConsumer progress)
            throws IOException {
        if (!codecs.isEmpty() && ffmpeg == null) {
            throw new IllegalArgumentException("codec round trips need ffmpeg");
        }
        List<NormalizedPlayback> played = new ArrayList<>();
        for (PlatformRule rule : platforms) {
            played.add(NormalizedPlayback.of(rule, master, analysis));
        }
        progress.accept(0.05);
        MonoReport mono = MonoFold.of(master, analysis.integratedLufs(), analysis.levels().correlation());
        progress.accept(0.15);
        List<CodecResult> results = codecs.isEmpty() ? List.of()
                : new CodecRoundTrip(ffmpeg).run(master, analysis, codecs, ceilingDbtp, f -> progress.accept(0.15 + 0.85 * f));
        progress.accept(1.0);
        return new TranslationReport(analysis.integratedLufs(), analysis.truePeakDbtp(), played, results,
                codecs.isEmpty() ? null : ffmpeg.version(), mono, List.of());
    }
}

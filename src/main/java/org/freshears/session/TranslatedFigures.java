package org.freshears.session;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.freshears.audio.AudioBuffer;
import org.freshears.checklist.TranslatedMetric;
import org.freshears.measure.Analysis;
import org.freshears.translation.CodecResult;
import org.freshears.translation.CodecRoundTrip;
import org.freshears.translation.CodecSetting;
import org.freshears.translation.MonoFold;
import org.freshears.translation.MonoReport;
import org.freshears.translation.NormalizedPlayback;
import org.freshears.translation.PlatformRules;
import org.freshears.translation.Translation;
import org.freshears.translation.TranslationReport;

/**
 * The translated figures of one master, for checks: each codec's round trip (run once per codec however many
 * checks read it, all the missing codecs at once), the mono fold-down, the platforms' playback. Kept for the
 * master they were measured on and dropped when a step makes a new one; a {@code s.translate()} on the same
 * master seeds them, so its round trips are not run again.
 */
final class TranslatedFigures {
    /**
     * The master's analysis the figures belong to, by identity: every step measures the master anew, while
     * the audio buffer itself is processed in place (the same object after a step).
     */
    private Analysis measured;
    private final Map<CodecSetting, CodecResult> codecs = new HashMap<>();
    private MonoReport mono;

    /** The codec or platform a metric names, checked now, so a mistyped one is refused where it is written. */
    static void validate(TranslatedMetric metric) {
        if (metric instanceof TranslatedMetric.ThroughCodec t) {
            CodecSetting.of(t.codec());
        } else if (metric instanceof TranslatedMetric.PlaybackGain g) {
            PlatformRules.bundled().rule(g.platform() + ":" + g.mode());
        }
    }

    /** What {@code s.translate()} measured on this master, kept for the checks. */
    void seed(Analysis master, TranslationReport report) {
        forMaster(master);
        report.codecs().forEach(c -> codecs.put(c.setting(), c));
        if (mono == null) {
            mono = report.mono();
        }
    }

    /**
     * Runs every codec these metrics need that this master has not been through yet, in one go (the codecs
     * run at once). Throws when ffmpeg is missing or fails (its one-line message).
     */
    void prepare(AudioBuffer master, Analysis analysis, List<TranslatedMetric> metrics, Supplier<Progress> progress)
            throws IOException {
        forMaster(analysis);
        Set<CodecSetting> missing = new LinkedHashSet<>();
        for (TranslatedMetric m : metrics) {
            if (m instanceof TranslatedMetric.ThroughCodec t && !codecs.containsKey(CodecSetting.of(t.codec()))) {
                missing.add(CodecSetting.of(t.codec()));
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        try (Progress p = progress.get()) {
            // no platforms: a Translation of these codecs alone (it finds ffmpeg), its mono kept as well
            seed(analysis, new Translation(List.of(), new ArrayList<>(missing), CodecRoundTrip.DEFAULT_CEILING_DBTP)
                    .check(master, analysis, p));
        }
    }

    /** The metric's value on this master; a codec must have been {@link #prepare prepared}. */
    double value(TranslatedMetric metric, AudioBuffer master, Analysis analysis) {
        forMaster(analysis);
        if (metric instanceof TranslatedMetric.ThroughCodec t) {
            CodecResult r = codecs.get(CodecSetting.of(t.codec()));
            if (r == null) {
                throw new IllegalStateException("no round trip through " + t.codec().label() + " was prepared");
            }
            return switch (t.metric()) {
                case INTEGRATED_LUFS -> r.integratedLufs();
                case TRUE_PEAK_DBTP -> r.truePeakDbtp();
                case SAMPLE_PEAK_DBFS -> r.samplePeakDbfs();
                default -> throw new IllegalStateException(t.metric() + " is not measured through a codec");
            };
        }
        if (metric instanceof TranslatedMetric.PlaybackGain g) {
            return NormalizedPlayback.of(PlatformRules.bundled().rule(g.platform() + ":" + g.mode()), master, analysis)
                    .gainDb();
        }
        if (mono == null) {
            mono = MonoFold.of(master, analysis.integratedLufs(), analysis.levels().correlation());
        }
        return mono.loudnessChangeLu();
    }

    private void forMaster(Analysis master) {
        if (master != measured) {
            measured = master;
            codecs.clear();
            mono = null;
        }
    }
}

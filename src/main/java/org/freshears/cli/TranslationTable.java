package org.freshears.cli;

import java.util.Locale;
import org.freshears.audio.Timecode;
import org.freshears.translation.CodecResult;
import org.freshears.translation.MonoReport;
import org.freshears.translation.NormalizedPlayback;
import org.freshears.translation.TranslationReport;

/** The readable form of {@code translate}: the platforms, the codecs, then mono. */
final class TranslationTable {
    private TranslationTable() {
    }

    static String format(TranslationJson.Translated translated) {
        TranslationReport r = translated.report();
        StringBuilder out = new StringBuilder();
        out.append(translated.file()).append(": ").append(fixed(r.integratedLufs(), "LUFS")).append(", ")
                .append(fixed(r.truePeakDbtp(), "dBTP")).append('\n');
        if (!r.platforms().isEmpty()) {
            out.append(String.format(Locale.ROOT, "  %-10s %-10s %9s %8s %9s %9s %9s  %s%n", "platform", "mode",
                    "reference", "gain", "played", "true peak", "vs others", "limited by"));
            for (NormalizedPlayback p : r.platforms()) {
                out.append(String.format(Locale.ROOT, "  %-10s %-10s %9s %8s %9s %9s %9s  %s%n", p.rule().platform(),
                        p.rule().mode(), number(p.rule().referenceLufs(), false), number(p.gainDb(), true),
                        number(p.playedLufs(), false), number(p.playedTruePeakDbtp(), false),
                        number(p.versusOthersLu(), true), p.limitedBy()));
            }
            out.append("  (LUFS, dB, LUFS, dBTP, LU: vs others is how much louder (+) or quieter (-) than tracks that "
                    + "reach the reference)\n");
        }
        if (!r.codecs().isEmpty()) {
            double ceiling = r.codecs().get(0).ceilingDbtp();
            out.append(String.format(Locale.ROOT, "  %-11s %9s %8s %9s %11s %12s %8s %9s  %s%n", "codec", "LUFS",
                    "change", "true peak", "sample peak", "16-bit clips", "over " + number(ceiling, false),
                    "cut from", "encoder"));
            for (CodecResult c : r.codecs()) {
                out.append(String.format(Locale.ROOT, "  %-11s %9s %8s %9s %11s %12d %8s %9s  %s%n",
                        c.setting().label(), number(c.integratedLufs(), false), number(c.loudnessChangeLu(), true),
                        number(c.truePeakDbtp(), false), number(c.samplePeakDbfs(), false), c.clippedSamples16(),
                        c.overCeiling() ? "OVER" : "ok", hertz(c.spectrum().cutFromHz()), c.encoder()));
            }
        }
        MonoReport mono = r.mono();
        if (!Double.isNaN(mono.loudnessChangeLu())) {
            out.append(String.format(Locale.ROOT, "  mono: loudness %s LU, correlation %s", number(mono.loudnessChangeLu(),
                    true), number(mono.correlation(), false)));
            int worst = mono.worstBand();
            if (worst >= 0) {
                out.append(String.format(Locale.ROOT, ", most lost in the %s band (%s dB)",
                        hertz(mono.bandCentresHz()[worst]), number(mono.bandLossDb()[worst], true)));
            }
            double min = mono.minCorrelation();
            if (!Double.isNaN(min)) {
                int at = indexOf(mono.correlationOverTime(), min);
                out.append(String.format(Locale.ROOT, ", lowest correlation %s at %s", number(min, false),
                        Timecode.format(at * mono.windowSeconds())));
            }
            out.append('\n');
        } else {
            out.append("  mono: not a stereo file\n");
        }
        return out.toString();
    }

    private static int indexOf(double[] values, double value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static String fixed(double v, String unit) {
        return Double.isNaN(v) ? "no " + unit : String.format(Locale.ROOT, "%.1f %s", v, unit);
    }

    private static String number(double v, boolean signed) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return String.format(Locale.ROOT, signed ? "%+.1f" : "%.1f", v);
    }

    private static String hertz(double hz) {
        if (Double.isNaN(hz)) {
            return "-";
        }
        return hz >= 1000 ? String.format(Locale.ROOT, "%.1f kHz", hz / 1000) : String.format(Locale.ROOT, "%.0f Hz", hz);
    }
}

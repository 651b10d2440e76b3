package org.freshears.cli;

import java.util.List;
import java.util.Locale;
import org.freshears.audio.Timecode;
import org.freshears.measure.Analysis;
import org.freshears.measure.LevelsReport;

/** The readable form of {@code analyze}: one block of aligned lines per file. */
final class FileFactsTable {
    private FileFactsTable() {
    }

    static String format(FileFacts facts) {
        Analysis a = facts.analysis();
        LevelsReport levels = a.levels();
        StringBuilder sb = new StringBuilder();
        sb.append(facts.file()).append('\n');
        sb.append("  ").append(facts.formatDescription()).append(", ")
                .append(Timecode.format(a.durationSeconds())).append(" (").append(a.frames()).append(" frames)\n");
        line(sb, "Integrated loudness", a.integratedLufs(), "LUFS");
        line(sb, "Loudness range", a.loudnessRangeLu(), "LU");
        line(sb, "Max momentary", a.maxMomentaryLufs(), "LUFS");
        line(sb, "Max short-term", a.maxShortTermLufs(), "LUFS");
        line(sb, "True peak", a.truePeakDbtp(), "dBTP");
        line(sb, "Sample peak", a.samplePeakDbfs(), "dBFS");
        line(sb, "RMS", levels.rmsDbfs(), "dBFS");
        line(sb, "Crest factor", levels.crestFactorDb(), "dB");
        line(sb, "PLR", a.plrDb(), "dB");
        line(sb, "PSR", a.psrDb(), "dB");
        sb.append(String.format(Locale.ROOT, "  %-20s %s%n", "DC offset", dc(levels.dcOffset())));
        sb.append(String.format(Locale.ROOT, "  %-20s %s%n", "Correlation",
                Double.isNaN(levels.correlation()) ? "-" : String.format(Locale.ROOT, "%+.2f", levels.correlation())));
        sb.append(String.format(Locale.ROOT, "  %-20s %d%n", "Clipped runs", levels.clippedRuns()));
        sb.append(String.format(Locale.ROOT, "  %-20s %.3f s%n", "Leading silence", levels.leadingSilenceSeconds()));
        sb.append(String.format(Locale.ROOT, "  %-20s %.3f s%n", "Trailing silence", levels.trailingSilenceSeconds()));
        return sb.toString();
    }

    private static void line(StringBuilder sb, String label, double value, String unit) {
        String v = Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f", value);
        sb.append(String.format(Locale.ROOT, "  %-20s %7s %s%n", label, v, unit));
    }

    private static String dc(List<Double> offsets) {
        StringBuilder sb = new StringBuilder();
        for (Double d : offsets) {
            sb.append(sb.length() == 0 ? "" : "  ").append(String.format(Locale.ROOT, "%+.6f", d));
        }
        return sb.toString();
    }
}

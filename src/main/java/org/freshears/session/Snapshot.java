package org.freshears.session;

import java.util.Map;
import org.freshears.measure.Analysis;
import org.freshears.measure.BandLevel;
import org.freshears.measure.MatchedBandLevel;

/**
 * The measurements of one version of the audio: the mix, or the output of a step. Keeps analysis, not
 * audio, so a session with many steps stays small.
 *
 * @param name "mix" or the step's name
 * @param analysis loudness, peaks, levels and spectrum
 * @param problemLevels each problem area's band level in its span, by problem name (problems declared
 *     after this snapshot was taken are missing)
 */
public record Snapshot(String name, Analysis analysis, Map<String, BandLevel> problemLevels) {
    public Snapshot {
        problemLevels = Map.copyOf(problemLevels);
    }

    /**
     * A problem area's band level as a listener at matched loudness hears it (against this version's
     * integrated loudness): what the checklist judges. Null when the problem was not measured here.
     */
    public MatchedBandLevel matchedLevel(String problemName) {
        BandLevel level = problemLevels.get(problemName);
        return level == null ? null : new MatchedBandLevel(level, analysis.integratedLufs());
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s: %.1f LUFS, %.1f dBTP, LRA %.1f LU, PSR %.1f dB", name,
                analysis.integratedLufs(), analysis.truePeakDbtp(), analysis.loudnessRangeLu(), analysis.psrDb());
    }
}

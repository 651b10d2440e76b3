package org.freshears.translation;

import org.freshears.audio.AudioBuffer;
import org.freshears.chain.Limiter;
import org.freshears.chain.Renderer;
import org.freshears.measure.Analysis;
import org.freshears.measure.LoudnessMeter;
import org.freshears.measure.TruePeakMeter;

/**
 * How one platform plays a master: the gain its normalization applies, the loudness and true peak the
 * listener gets, and what held the gain back.
 *
 * @param rule               the platform and mode
 * @param gainDb             the playback gain, dB (negative: turned down)
 * @param playedLufs         integrated loudness as played, LUFS (NaN for silence)
 * @param playedTruePeakDbtp true peak as played, dBTP
 * @param limitedBy          {@link #NOTHING}, {@link #TRUE_PEAK} (positive gain stopped at the ceiling),
 *                           {@link #TURNS_DOWN_ONLY} (the platform never turns up) or {@link #LIMITER} (the
 *                           platform's limiter took peaks down)
 */
public record NormalizedPlayback(PlatformRule rule, double gainDb, double playedLufs, double playedTruePeakDbtp,
        String limitedBy) {

    public static final String NOTHING = "none";
    public static final String TRUE_PEAK = "true-peak";
    public static final String TURNS_DOWN_ONLY = "turns-down-only";
    public static final String LIMITER = "limiter";

    /** Spotify's loud-mode limiter: 5 ms attack, 100 ms decay (support.spotify.com, checked 2026-12-01). */
    static final double PLATFORM_LIMITER_ATTACK_MS = 5;
    static final double PLATFORM_LIMITER_RELEASE_MS = 100;

    /**
     * How much louder (+) or quieter (−) than the platform's reference it plays, LU: a track that plays at
     * −16 LUFS on Spotify is 2 LU quieter than the tracks around it that reach −14.
     */
    public double versusOthersLu() {
        return playedLufs - rule.referenceLufs();
    }

    /**
     * The playback of a master with this loudness and true peak. For a platform with a limiter that would
     * engage, the figures are those before the limiter; {@link #of(PlatformRule, AudioBuffer, Analysis)}
     * runs it.
     */
    public static NormalizedPlayback of(PlatformRule rule, double integratedLufs, double truePeakDbtp) {
        if (Double.isNaN(integratedLufs)) { // silence: nothing to normalize, nothing played
            return new NormalizedPlayback(rule, 0, Double.NaN, truePeakDbtp, NOTHING);
        }
        double wanted = rule.referenceLufs() - integratedLufs;
        double gain = wanted;
        String limitedBy = NOTHING;
        if (wanted > 0) {
            switch (rule.positiveGain()) {
                case NONE -> {
                    gain = 0;
                    limitedBy = TURNS_DOWN_ONLY;
                }
                case PEAK -> {
                    double headroom = rule.peakCeilingDbtp() - truePeakDbtp;
                    if (headroom < wanted) {
                        gain = Math.max(0, headroom);
                        limitedBy = TRUE_PEAK;
                    }
                }
                case LIMITER -> {
                    if (truePeakDbtp + wanted > rule.peakCeilingDbtp()) {
                        limitedBy = LIMITER;
                    }
                }
                default -> throw new IllegalStateException(rule.positiveGain().toString());
            }
        }
        return new NormalizedPlayback(rule, gain, integratedLufs + gain, truePeakDbtp + gain, limitedBy);
    }

    /**
     * The playback of this master, measured: where the platform's limiter engages, the gained master is run
     * through a true-peak limiter at the platform's ceiling and measured again.
     */
    public static NormalizedPlayback of(PlatformRule rule, AudioBuffer master, Analysis analysis) {
        NormalizedPlayback linear = of(rule, analysis.integratedLufs(), analysis.truePeakDbtp());
        if (!LIMITER.equals(linear.limitedBy())) {
            return linear;
        }
        AudioBuffer played = master.copy();
        Limiter limiter = new Limiter().ceilingDbtp(rule.peakCeilingDbtp()).lookaheadMs(PLATFORM_LIMITER_ATTACK_MS)
                .releaseMs(PLATFORM_LIMITER_RELEASE_MS).inputGainDb(linear.gainDb());
        new Renderer().apply(limiter.newProcessor(), played);
        double lufs = LoudnessMeter.integratedLufs(played);
        double truePeak = TruePeakMeter.measure(played).maxTruePeakDbtp();
        return new NormalizedPlayback(rule, linear.gainDb(), lufs, truePeak, LIMITER);
    }
}

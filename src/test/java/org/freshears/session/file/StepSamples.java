package org.freshears.session.file;

import java.util.List;
import org.freshears.chain.BandPass;
import org.freshears.chain.Bell;
import org.freshears.chain.ChannelMode;
import org.freshears.chain.ClipGain;
import org.freshears.chain.Compressor;
import org.freshears.chain.DynamicEq;
import org.freshears.chain.FadeCurve;
import org.freshears.chain.Fades;
import org.freshears.chain.FilterPhase;
import org.freshears.chain.Gain;
import org.freshears.chain.GainSpan;
import org.freshears.chain.HighPass;
import org.freshears.chain.HighShelf;
import org.freshears.chain.Limiter;
import org.freshears.chain.CodecSafeLimiter;
import org.freshears.chain.LossyCodec;
import org.freshears.chain.MatchEq;
import org.freshears.chain.MatchEqCurve;
import org.freshears.chain.MatchTarget;
import org.freshears.chain.LoudnessTarget;
import org.freshears.chain.LowPass;
import org.freshears.chain.LowShelf;
import org.freshears.chain.MultibandCompressor;
import org.freshears.chain.Notch;
import org.freshears.chain.Saturation;
import org.freshears.chain.Step;
import org.freshears.chain.StereoWidth;
import org.freshears.chain.TrimSilence;

/**
 * One instance of every step type with every component away from its default (and doubles that are not
 * short decimals, so a lossy number format would show).
 */
final class StepSamples {
    private StepSamples() {
    }

    static List<Step> all() {
        Compressor low = new Compressor(-22.5, 3, 4, 25, 220, 2, Compressor.Detection.RMS, 90, 40, 1.5, 80);
        Compressor mid = new Compressor(-19, 2.25, 6, 12, 160, 2, Compressor.Detection.PEAK, 60, 0, 0.5, 100);
        Compressor high = new Compressor(-24, 1.75, 3, 3, 90, 2, Compressor.Detection.RMS, 100, 0, -0.25, 65);
        return List.of(
                new Bell(310.5, -2.25, 1.3, ChannelMode.SIDE, FilterPhase.LINEAR),
                new LowShelf(95, 1.75, 0, 0.8, ChannelMode.MID, FilterPhase.LINEAR),
                new HighShelf(9_500, -1.5, 0.9, 0, ChannelMode.SIDE, FilterPhase.LINEAR),
                new HighPass(28.5, 24, ChannelMode.MID, FilterPhase.LINEAR),
                new LowPass(17_500, 18, ChannelMode.SIDE, FilterPhase.LINEAR),
                new Notch(59.5, 12, ChannelMode.MID, FilterPhase.LINEAR),
                new BandPass(1_200, 0.35, ChannelMode.SIDE, FilterPhase.LINEAR),
                new Gain(-3.3),
                new ClipGain(List.of(new GainSpan(1.25, 2.5, -3), new GainSpan(4, 5.5, 1.5)), 12.5),
                new StereoWidth(135, 110),
                new Fades(0.25, 2.75, FadeCurve.EQUAL_POWER),
                new TrimSilence(-55, 15, 250),
                new Compressor(-20.5, 2.5, 4, 12, 180, 3, Compressor.Detection.RMS, 80, 90, 1.5, 75),
                new MultibandCompressor(List.of(180.0, 2_500.0), List.of(low, mid, high)),
                new DynamicEq(6_500, 2.5, -28, -5.5, 3, 5, 4, 90, 2),
                new Saturation(Saturation.Curve.TAPE, 7.5, 60, 8),
                new Limiter(-1.2, 150, 4, 8, 0.1 + 0.2),
                new LoudnessTarget(-13.5, new Limiter(-0.8, 80, 6, 8, 1.0 / 3)),
                new CodecSafeLimiter(new Limiter(-1.0, 100, 5, 4, 0), -14.0,
                        List.of(new LossyCodec("aac", 256), new LossyCodec("mp3", 320))),
                // format 4: the match EQ, written and resolved
                new MatchEq(new MatchTarget("refs/song.flac", new double[] {MatchTarget.gridHz(0), MatchTarget.gridHz(1),
                        MatchTarget.gridHz(2)}, new double[] {-41.25, -40.125, 0.1 + 0.2}), 0.75, 1 / 6.0, 2.5, 4.5, 40,
                        15_000),
                new MatchEqCurve("refs/song.flac", 0.75, 1 / 6.0, 2.5, 4.5, 40, 15_000, new double[] {20, 1000.5, 20_000},
                        new double[] {0, -4.5, 1.0 / 3}));
    }
}

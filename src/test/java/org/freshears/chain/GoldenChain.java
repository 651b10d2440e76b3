package org.freshears.chain;

import java.util.List;
import org.freshears.audio.AudioBuffer;
import org.freshears.testing.Signals;

/**
 * A fixed chain that uses every kind of step, on a fixed generated input: its output's SHA-256 is the
 * golden hash that proves renders are bit-identical across runs, machines and JDKs. Also a main, so a
 * second JDK can render it in a child process.
 */
public final class GoldenChain {
    private GoldenChain() {
    }

    static AudioBuffer input() {
        AudioBuffer noise = Signals.pinkNoise(2, 48_000, 6 * 48_000, 0.15, 42);
        AudioBuffer tone = Signals.sine(2, 48_000, 6, 220, -12);
        for (int c = 0; c < 2; c++) {
            float[] x = noise.channel(c);
            float[] t = tone.channel(c);
            for (int i = 0; i < x.length; i++) {
                x[i] += (c == 0 ? 1 : 0.5f) * t[i];
            }
        }
        return noise;
    }

    static List<Step> steps() {
        return List.of(
                new HighPass(25).slope(24),
                new Bell(300, -2.5).q(1.2),
                new Bell(3_000, 1.5).mid(),
                new LowShelf(100, 1.0),
                new HighShelf(8_000, -1.5),
                new Notch(60, 8),
                new BandPass(1_000, 0.3).linearPhase(),
                DynamicEq.of(6_000, -4),
                Compressor.defaults().thresholdDb(-20).ratio(2).attackMs(20).releaseMs(150).lookaheadMs(2),
                MultibandCompressor.of(200, 2_000),
                new Saturation(Saturation.Curve.TAPE, 6).mixPercent(50),
                new StereoWidth(120).monoBassBelowHz(120),
                new ClipGain(List.of()).span(1, 2, -3),
                new Gain(2),
                new Limiter().ceilingDbtp(-1).targetLufs(-9),
                new Fades(0.5, 1.0),
                new TrimSilence());
    }

    public static String render() {
        return ProcessorContract.sha256(new Renderer().render(steps(), input()));
    }

    public static void main(String[] args) {
        System.out.println(render());
    }
}

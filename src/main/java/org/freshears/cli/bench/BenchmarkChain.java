package org.freshears.cli.bench;

import java.util.List;
import org.freshears.chain.Bell;
import org.freshears.chain.Compressor;
import org.freshears.chain.HighPass;
import org.freshears.chain.HighShelf;
import org.freshears.chain.Limiter;
import org.freshears.chain.Step;

/**
 * The chain the benchmark renders (issue: high-pass, two bells, high shelf, compressor, true-peak
 * limiter, TPDF to 24-bit), next to the ffmpeg filter graph that does the same work, so the two stay
 * matched.
 */
final class BenchmarkChain {
    private BenchmarkChain() {
    }

    static List<Step> steps() {
        return List.of(
                new HighPass(30).slope(12),
                new Bell(300, -2.0).q(1.0),
                new Bell(3_000, 1.0).q(1.0),
                new HighShelf(8_000, -1.5),
                Compressor.defaults().thresholdDb(-18).ratio(1.5).attackMs(30).releaseMs(200),
                new Limiter().ceilingDbtp(-1.0));
    }

    /** ffmpeg's nearest equivalent (alimiter has no true-peak detection; its limit is linear: -1 dB). */
    static String ffmpegFilter() {
        return "highpass=f=30:poles=2,"
                + "equalizer=f=300:t=q:w=1:g=-2,"
                + "equalizer=f=3000:t=q:w=1:g=1,"
                + "highshelf=f=8000:g=-1.5,"
                + "acompressor=threshold=-18dB:ratio=1.5:attack=30:release=200,"
                + "alimiter=limit=0.891:attack=5:release=100";
    }
}

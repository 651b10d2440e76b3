package org.freshears.chain;

import java.util.List;
import java.util.Locale;
import org.freshears.audio.AudioBuffer;
import org.freshears.measure.LoudnessMeter;

/**
 * A limiter whose ceiling is lowered until the master stays at or under its written ceiling after every
 * listed codec's round trip: {@code limiter().ceilingDbtp(-1).codecSafe(aac(256), mp3(320))}. Codecs put
 * back peaks a true-peak limiter removed (their filters ring, their quantization adds energy), so a master
 * limited to −1 dBTP decodes above it. Resolving is a bounded search: render at a ceiling, measure the
 * decoded versions, lower the ceiling by the overshoot (plus {@link #MARGIN_DB}), at most {@link #MAX_PROBES}
 * times and at most {@link #MAX_LOWERING_DB} below the target. The resolved step is a plain limiter with the
 * ceiling found, so a replay renders the same bits without the codecs.
 *
 * @param limiter    the limiter; its ceiling is the target true peak after decoding
 * @param targetLufs an integrated loudness to drive the limiter to at each ceiling (as
 *                   {@link LoudnessTarget}), or null for the limiter's own input gain
 * @param codecs     the codecs the master must survive, at least one
 */
public record CodecSafeLimiter(Limiter limiter, Double targetLufs, List<LossyCodec> codecs) implements AdaptiveStep {
    static final int MAX_PROBES = 5;
    static final double MAX_LOWERING_DB = 6;
    /** Below the measured overshoot, so the next probe lands under the target, not on it. */
    static final double MARGIN_DB = 0.1;

    public CodecSafeLimiter {
        if (limiter == null) {
            throw new IllegalArgumentException("a codec-safe limiter needs a limiter");
        }
        if (targetLufs != null) {
            new LoudnessTarget(targetLufs, limiter); // the same bounds
        }
        if (codecs == null || codecs.isEmpty()) {
            throw new IllegalArgumentException("codecSafe needs at least one codec, e.g. codecSafe(aac(256))");
        }
        codecs = List.copyOf(codecs);
    }

    /** The same, driven to a target integrated loudness at every ceiling it tries. */
    public CodecSafeLimiter targetLufs(double lufs) {
        return new CodecSafeLimiter(limiter, lufs, codecs);
    }

    @Override
    public Step resolve(AudioBuffer input) {
        return resolve(input, CodecPeaks.NONE);
    }

    /** The limiter, at the highest ceiling tried under which every codec's decoded true peak stays at the target. */
    public Limiter resolve(AudioBuffer input, CodecPeaks peaks) {
        return (Limiter) resolved(input, InputKnown.codecPeaks(peaks)).step();
    }

    /**
     * The limiter found, and a processor of it that hands over the output its last probe rendered. Every ceiling
     * and gain tried shares the peaks the search detects (neither changes them; taken from where an earlier render
     * of this input kept them), the input's loudness (measured once, or known) and one output buffer (the one copy
     * of the audio the search keeps).
     */
    @Override
    public Resolved resolved(AudioBuffer input, InputKnown known) {
        CodecPeaks peaks = known.codecPeaks();
        double inputLufs = known.integratedLufs();
        double target = limiter.ceilingDbtp();
        PeakEnvelope envelope = PeakEnvelope.of(input, limiter, known.peakReuse());
        double knownLufs = targetLufs != null && Double.isNaN(inputLufs) ? LoudnessMeter.integratedLufs(input)
                : inputLufs;
        AudioBuffer out = new AudioBuffer(new float[input.channels()][input.frames()], input.sampleRate(),
                input.layout());
        double ceiling = target;
        double worst = Double.NaN;
        for (int probe = 0; probe < MAX_PROBES; probe++) {
            Limiter candidate;
            if (targetLufs == null) {
                candidate = limiter.ceilingDbtp(ceiling);
                for (int c = 0; c < input.channels(); c++) {
                    System.arraycopy(input.channel(c), 0, out.channel(c), 0, input.frames());
                }
                new Renderer().apply(new LimiterProcessor(candidate, envelope), out);
            } else {
                candidate = new LoudnessTarget(targetLufs, limiter.ceilingDbtp(ceiling)).search(input, envelope,
                        knownLufs, out);
            }
            worst = peaks.maxTruePeakDbtp(out, codecs);
            if (worst <= target) {
                return new Resolved(candidate, new RenderedLimiter(candidate, envelope, out));
            }
            double next = ceiling - (worst - target) - MARGIN_DB;
            if (next < target - MAX_LOWERING_DB) {
                break;
            }
            ceiling = next;
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT, "no ceiling within %.0f dB under %.1f dBTP keeps "
                + "%s at or under it (the last try, %.2f dBTP, decoded to %.2f dBTP); the codecs add more than a "
                + "limiter can hold back: lower the loudness, or check the master for clipping", MAX_LOWERING_DB, target,
                codecs, ceiling, worst));
    }

    /** Its ceiling comes from real codec round trips: ffmpeg's version is not in its settings. */
    @Override
    public boolean dependsOnSettingsAlone() {
        return false;
    }
}

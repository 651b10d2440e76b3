package org.freshears.translation;

import org.freshears.audio.AudioBuffer;

/**
 * Lines a decoded version up with its original. Encoders add priming samples and padding (AAC 1024 to 2112,
 * MP3 576 plus the decoder's 529, Opus its pre-skip); ffmpeg removes most of it, not always all (its AAC
 * decoder leaves the padding). Comparing peaks, loudness and spectra frame by frame needs the same frames,
 * so the delay is found by cross-correlating the channels' sum over the original's loudest stretch.
 */
final class Alignment {
    /** Frames compared: about a third of a second, plenty to lock onto music. */
    static final int WINDOW_FRAMES = 16_384;
    /** The largest delay looked for: well beyond any codec's priming (2112 for AAC). */
    static final int MAX_LAG_FRAMES = 4_096;

    private Alignment() {
    }

    /** The delay d at which decoded[n + d] best matches original[n], in frames. */
    static int delayFrames(AudioBuffer original, AudioBuffer decoded) {
        float[] a = monoSum(original);
        float[] b = monoSum(decoded);
        int window = Math.min(WINDOW_FRAMES, a.length);
        int start = loudestStart(a, window);
        int best = 0;
        double bestDot = Double.NEGATIVE_INFINITY;
        for (int lag = -MAX_LAG_FRAMES; lag <= MAX_LAG_FRAMES; lag++) {
            double dot = 0;
            int from = Math.max(start, -lag);
            int to = Math.min(start + window, b.length - lag);
            for (int n = from; n < to; n++) {
                dot += a[n] * (double) b[n + lag];
            }
            if (dot > bestDot) {
                bestDot = dot;
                best = lag;
            }
        }
        return best;
    }

    /** The decoded version shifted by the delay and cut (or padded with silence) to the original's length. */
    static AudioBuffer aligned(AudioBuffer decoded, int delayFrames, int frames) {
        float[][] out = new float[decoded.channels()][frames];
        for (int c = 0; c < decoded.channels(); c++) {
            float[] in = decoded.channel(c);
            int from = Math.max(0, -delayFrames);
            int to = Math.min(frames, in.length - delayFrames);
            if (to > from) {
                System.arraycopy(in, from + delayFrames, out[c], from, to - from);
            }
        }
        return new AudioBuffer(out, decoded.sampleRate(), decoded.layout());
    }

    private static float[] monoSum(AudioBuffer audio) {
        float[] sum = new float[audio.frames()];
        for (int c = 0; c < audio.channels(); c++) {
            float[] ch = audio.channel(c);
            for (int n = 0; n < sum.length; n++) {
                sum[n] += ch[n];
            }
        }
        return sum;
    }

    /** The start of the window (on a half-window grid) holding the most energy. */
    private static int loudestStart(float[] x, int window) {
        int hop = Math.max(1, window / 2);
        int best = 0;
        double bestEnergy = -1;
        for (int start = 0; start + window <= x.length; start += hop) {
            double energy = 0;
            for (int n = start; n < start + window; n++) {
                energy += x[n] * (double) x[n];
            }
            if (energy > bestEnergy) {
                bestEnergy = energy;
                best = start;
            }
        }
        return best;
    }
}

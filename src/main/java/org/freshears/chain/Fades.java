package org.freshears.chain;

import org.freshears.audio.AudioBuffer;

/**
 * A fade-in over the first fadeInSeconds and a fade-out over the last fadeOutSeconds, shaped by the
 * curve (default {@link FadeCurve#RAISED_COSINE}). Frame k of an N-frame fade-in gets gain
 * {@code curve(k / N)}, so the first frame is silent; the fade-out mirrors it, so the last frame is
 * silent. Fades that together last longer than the audio are refused: they would overlap, and the
 * song would never reach full level (usually seconds typed for milliseconds). Fades(0, 0) is neutral.
 */
public record Fades(double fadeInSeconds, double fadeOutSeconds, FadeCurve curve) implements Edit {

    public Fades {
        StepArguments.nonNegative("fadeInSeconds", fadeInSeconds);
        StepArguments.nonNegative("fadeOutSeconds", fadeOutSeconds);
        StepArguments.notNull("curve", curve);
    }

    public Fades(double fadeInSeconds, double fadeOutSeconds) {
        this(fadeInSeconds, fadeOutSeconds, FadeCurve.RAISED_COSINE);
    }

    public Fades fadeInSeconds(double value) {
        return new Fades(value, fadeOutSeconds, curve);
    }

    public Fades fadeOutSeconds(double value) {
        return new Fades(fadeInSeconds, value, curve);
    }

    public Fades curve(FadeCurve value) {
        return new Fades(fadeInSeconds, fadeOutSeconds, value);
    }

    @Override
    public AudioBuffer apply(AudioBuffer input) {
        double seconds = input.durationSeconds();
        if (fadeInSeconds + fadeOutSeconds > seconds) {
            throw new IllegalArgumentException("fades of " + StepArguments.format(fadeInSeconds) + " s in and "
                    + StepArguments.format(fadeOutSeconds) + " s out last longer than the audio ("
                    + String.format(java.util.Locale.ROOT, "%.3f", seconds) + " s): they would overlap; if you meant"
                    + " milliseconds, write fades(" + UnitMistakes.scaled(fadeInSeconds, -3) + ", "
                    + UnitMistakes.scaled(fadeOutSeconds, -3) + ")");
        }
        AudioBuffer out = input.copy();
        int frames = out.frames();
        long fadeIn = Math.round(fadeInSeconds * input.sampleRate());
        long fadeOut = Math.round(fadeOutSeconds * input.sampleRate());
        for (long k = 0; k < Math.min(fadeIn, frames); k++) {
            scale(out, (int) k, curve.gain(k / (double) fadeIn));
        }
        for (long k = 0; k < Math.min(fadeOut, frames); k++) {
            scale(out, (int) (frames - 1 - k), curve.gain(k / (double) fadeOut));
        }
        return out;
    }

    private static void scale(AudioBuffer buffer, int frame, double gain) {
        for (int c = 0; c < buffer.channels(); c++) {
            float[] ch = buffer.channel(c);
            ch[frame] = (float) (ch[frame] * gain);
        }
    }
}

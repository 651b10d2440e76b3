package org.freshears.testing;

import org.freshears.audio.AudioBuffer;
import org.freshears.audio.ChannelLayout;

/** Deterministic test signals. Levels are peak dBFS per channel, as in EBU Tech 3341. */
public final class Signals {
    private Signals() {
    }

    public static double dbToLinear(double db) {
        return StrictMath.pow(10, db / 20);
    }

    /** A sine of the given peak level and phase (radians) on every channel, in phase. */
    public static AudioBuffer sine(int channels, int sampleRate, double seconds, double freqHz, double peakDbfs,
            double phase) {
        return sineAmplitude(channels, sampleRate, seconds, freqHz, dbToLinear(peakDbfs), phase);
    }


    public static AudioBuffer sine(int channels, int sampleRate, double seconds, double freqHz, double peakDbfs) {
        return sine(channels, sampleRate, seconds, freqHz, peakDbfs, 0);
    }

    /** White noise, uniform in [-amplitude, amplitude), from a fixed 64-bit LCG so it never changes. */
    public static AudioBuffer noise(int channels, int sampleRate, int frames, double amplitude, long seed) {
        float[][] a = new float[channels][frames];
        long s = seed;
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < frames; i++) {
                s = s * 6364136223846793005L + 1442695040888963407L;
                double u = (s >>> 11) * 0x1.0p-53;
                a[c][i] = (float) (amplitude * (2 * u - 1));
            }
        }
        return new AudioBuffer(a, sampleRate, ChannelLayout.standard(channels));
    }

    /** Concatenates buffers of the same rate and width. */
    public static AudioBuffer concat(AudioBuffer... parts) {
        int frames = 0;
        for (AudioBuffer p : parts) {
            frames += p.frames();
        }
        int channels = parts[0].channels();
        float[][] a = new float[channels][frames];
        int pos = 0;
        for (AudioBuffer p : parts) {
            for (int c = 0; c < channels; c++) {
                System.arraycopy(p.channel(c), 0, a[c], pos, p.frames());
            }
            pos += p.frames();
        }
        return new AudioBuffer(a, parts[0].sampleRate(), parts[0].layout());
    }

    /** Silence of the given length. */
    public static AudioBuffer silence(int channels, int sampleRate, double seconds) {
        return AudioBuffer.silence(channels, (int) Math.round(seconds * sampleRate), sampleRate);
    }

    /**
     * Pink noise (power falling 3 dB per octave): the LCG white noise of {@link #noise} through Paul Kellett's
     * "refined" pinking filter (music-dsp source code archive, "Filter to make pink noise from white", 1999;
     * stated accuracy ±0.05 dB above 9.2 Hz at 44.1 kHz, whose sample rate its poles assume). The filter's
     * gain is about 1/0.11 at its loudest, hence the {@code gain} parameter (0.11 keeps |x| below 1).
     */
    public static AudioBuffer pinkNoise(int channels, int sampleRate, int frames, double gain, long seed) {
        float[][] a = new float[channels][frames];
        long s = seed;
        for (int c = 0; c < channels; c++) {
            double b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0;
            for (int i = 0; i < frames; i++) {
                s = s * 6364136223846793005L + 1442695040888963407L;
                double white = 2 * ((s >>> 11) * 0x1.0p-53) - 1;
                b0 = 0.99886 * b0 + white * 0.0555179;
                b1 = 0.99332 * b1 + white * 0.0750759;
                b2 = 0.96900 * b2 + white * 0.1538520;
                b3 = 0.86650 * b3 + white * 0.3104856;
                b4 = 0.55000 * b4 + white * 0.5329522;
                b5 = -0.7616 * b5 - white * 0.0168980;
                a[c][i] = (float) (gain * (b0 + b1 + b2 + b3 + b4 + b5 + b6 + white * 0.5362));
                b6 = white * 0.115926;
            }
        }
        return new AudioBuffer(a, sampleRate, ChannelLayout.standard(channels));
    }

    /** A unit impulse at one frame on every channel, silence elsewhere. */
    public static AudioBuffer impulse(int channels, int sampleRate, int frames, int atFrame) {
        AudioBuffer b = AudioBuffer.silence(channels, frames, sampleRate);
        for (int c = 0; c < channels; c++) {
            b.channel(c)[atFrame] = 1f;
        }
        return b;
    }

    /** A sine of linear peak amplitude (1.0 = full scale) and phase (radians) on every channel, in phase. */
    public static AudioBuffer sineAmplitude(int channels, int sampleRate, double seconds, double freqHz,
            double amplitude, double phase) {
        int frames = (int) Math.round(seconds * sampleRate);
        float[][] a = new float[channels][frames];
        for (int i = 0; i < frames; i++) {
            float v = (float) (amplitude * StrictMath.sin(2 * StrictMath.PI * freqHz * i / sampleRate + phase));
            for (int c = 0; c < channels; c++) {
                a[c][i] = v;
            }
        }
        return new AudioBuffer(a, sampleRate, ChannelLayout.standard(channels));
    }

    /**
     * A sine in phase on every channel, channel c at its own peak level {@code peakDbfs[c]}, in the
     * standard layout for the channel count (5 channels: L, R, C, Ls, Rs).
     */
    public static AudioBuffer sineLevels(int sampleRate, double seconds, double freqHz, double... peakDbfs) {
        int frames = (int) Math.round(seconds * sampleRate);
        float[][] a = new float[peakDbfs.length][frames];
        for (int i = 0; i < frames; i++) {
            double s = StrictMath.sin(2 * StrictMath.PI * freqHz * i / sampleRate);
            for (int c = 0; c < peakDbfs.length; c++) {
                a[c][i] = (float) (dbToLinear(peakDbfs[c]) * s);
            }
        }
        return new AudioBuffer(a, sampleRate, ChannelLayout.standard(peakDbfs.length));
    }

    /** A copy with linear fades: gain rising from 0 over the first, and falling to 0 over the last frames. */
    public static AudioBuffer fade(AudioBuffer audio, double fadeInSeconds, double fadeOutSeconds) {
        AudioBuffer out = audio.copy();
        int in = (int) Math.round(fadeInSeconds * audio.sampleRate());
        int outFrames = (int) Math.round(fadeOutSeconds * audio.sampleRate());
        int frames = audio.frames();
        for (int c = 0; c < audio.channels(); c++) {
            float[] x = out.channel(c);
            for (int i = 0; i < in && i < frames; i++) {
                x[i] *= (float) (i / (double) in);
            }
            for (int i = 0; i < outFrames && i < frames; i++) {
                x[frames - 1 - i] *= (float) (i / (double) outFrames);
            }
        }
        return out;
    }
}

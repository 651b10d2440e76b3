package org.freshears.audio;

import java.util.Objects;

/**
 * Audio held planar, one {@code float[]} per channel, at one sample rate. The arrays are live (not
 * copied) so processors can work in place without allocation; use {@link #copy()} to keep a version.
 * "Frames" counts samples per channel.
 */
public final class AudioBuffer {
    private final float[][] samples;
    private final int sampleRate;
    private final ChannelLayout layout;

    /** Wraps the arrays (no copy). All channels must have the same length. */
    public AudioBuffer(float[][] samples, int sampleRate, ChannelLayout layout) {
        Objects.requireNonNull(samples, "samples");
        Objects.requireNonNull(layout, "layout");
        if (samples.length == 0) {
            throw new IllegalArgumentException("an audio buffer needs at least one channel");
        }
        if (layout.channels() != samples.length) {
            throw new IllegalArgumentException("layout has " + layout.channels() + " channels, samples have "
                    + samples.length);
        }
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be > 0, got " + sampleRate);
        }
        int frames = samples[0].length;
        for (float[] channel : samples) {
            if (channel.length != frames) {
                throw new IllegalArgumentException("channels differ in length");
            }
        }
        this.samples = samples;
        this.sampleRate = sampleRate;
        this.layout = layout;
    }

    /** A silent buffer in the standard layout for the channel count. */
    public static AudioBuffer silence(int channels, int frames, int sampleRate) {
        return new AudioBuffer(new float[channels][frames], sampleRate, ChannelLayout.standard(channels));
    }

    public int channels() {
        return samples.length;
    }

    public int frames() {
        return samples[0].length;
    }

    public int sampleRate() {
        return sampleRate;
    }

    public ChannelLayout layout() {
        return layout;
    }

    public double durationSeconds() {
        return frames() / (double) sampleRate;
    }

    /** The live samples of one channel. */
    public float[] channel(int channel) {
        return samples[channel];
    }

    /** The live planar arrays, {@code [channel][frame]}. */
    public float[][] planar() {
        return samples;
    }

    /** A deep copy. */
    public AudioBuffer copy() {
        float[][] copy = new float[samples.length][];
        for (int c = 0; c < samples.length; c++) {
            copy[c] = samples[c].clone();
        }
        return new AudioBuffer(copy, sampleRate, layout);
    }

    /** A deep copy of frames {@code [from, to)}. */
    public AudioBuffer slice(int fromFrame, int toFrame) {
        Objects.checkFromToIndex(fromFrame, toFrame, frames());
        float[][] copy = new float[samples.length][];
        for (int c = 0; c < samples.length; c++) {
            copy[c] = java.util.Arrays.copyOfRange(samples[c], fromFrame, toFrame);
        }
        return new AudioBuffer(copy, sampleRate, layout);
    }

    @Override
    public String toString() {
        return "AudioBuffer[" + channels() + " ch, " + frames() + " frames, " + sampleRate + " Hz]";
    }
}

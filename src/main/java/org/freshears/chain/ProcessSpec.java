package org.freshears.chain;

/** What a processor is prepared for: the stream's rate and width, and the largest block it will see. */
public record ProcessSpec(int sampleRate, int channels, int maxBlockFrames) {
    public ProcessSpec {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sampleRate must be > 0, got " + sampleRate);
        }
        if (channels <= 0) {
            throw new IllegalArgumentException("channels must be > 0, got " + channels);
        }
        if (maxBlockFrames <= 0) {
            throw new IllegalArgumentException("maxBlockFrames must be > 0, got " + maxBlockFrames);
        }
    }

    public double nyquistHz() {
        return sampleRate / 2.0;
    }
}

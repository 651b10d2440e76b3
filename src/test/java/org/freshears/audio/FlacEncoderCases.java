package org.freshears.audio;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Audio that drives every path of the FLAC encoder, deterministic (seeded noise, StrictMath): each stereo
 * coding, short last blocks of every length the fixed predictors treat apart, a long unary run, the largest
 * Rice parameter, verbatim subframes, full scale and beyond it, more than two channels.
 */
final class FlacEncoderCases {
    private FlacEncoderCases() {
    }

    static Map<String, AudioBuffer> all() {
        Map<String, AudioBuffer> cases = new LinkedHashMap<>();
        cases.put("stereo music, short last block", musicLikeStereo(3 * FlacEncoder.BLOCK_FRAMES + 1234));
        for (int tail = 1; tail <= 5; tail++) {
            cases.put("stereo, last block of " + tail, musicLikeStereo(FlacEncoder.BLOCK_FRAMES + tail));
        }
        cases.put("mono silence then noise", silenceThenNoise());
        cases.put("impulse in a 1001-frame block (a unary run of 1310 zeros)", impulse());
        cases.put("loud noise beside silence (Rice parameter 14)", loudNoiseBesideSilence());
        cases.put("full-scale square, channels opposed, and beyond full scale", fullScaleSquare());
        cases.put("three channels", threeChannels());
        return cases;
    }

    static AudioBuffer musicLikeStereo(int frames) {
        int rate = 48_000;
        float[][] x = new float[2][frames];
        SplitMix64 random = new SplitMix64(7);
        for (int i = 0; i < frames; i++) {
            double t = i / (double) rate;
            double common = 0.4 * StrictMath.sin(2 * Math.PI * 220 * t) + 0.1 * StrictMath.sin(2 * Math.PI * 3_300 * t);
            x[0][i] = (float) (common + 0.01 * (random.nextDouble() - 0.5));
            x[1][i] = (float) (0.9 * common + 0.02 * StrictMath.sin(2 * Math.PI * 5 * t));
        }
        x[0][100 % frames] = 1.5f; // beyond full scale: clamped, not wrapped
        x[1][101 % frames] = -1.5f;
        return new AudioBuffer(x, rate, ChannelLayout.standard(2));
    }

    static AudioBuffer silenceThenNoise() {
        int frames = 2 * FlacEncoder.BLOCK_FRAMES + 3;
        float[][] x = new float[1][frames];
        SplitMix64 random = new SplitMix64(3);
        for (int i = FlacEncoder.BLOCK_FRAMES; i < frames; i++) {
            x[0][i] = (float) (random.nextDouble() * 2 - 1); // white noise: verbatim beats any predictor
        }
        return new AudioBuffer(x, 44_100, ChannelLayout.standard(1));
    }

    /**
     * One block of 1001 frames (odd: one Rice partition), silent but for one sample of 2621 LSB: order 0, Rice
     * parameter 2 (the estimate's best for one value of 5242 among 1001), so that sample's quotient is 1310.
     */
    static AudioBuffer impulse() {
        float[][] x = new float[1][1001];
        x[0][500] = 2621f / 32768;
        return new AudioBuffer(x, 48_000, ChannelLayout.standard(1));
    }

    /**
     * Left white noise near full scale, right silent: right/side coding, and the side (left itself, 17 bits)
     * costs about 16.8 bits a sample at Rice parameter 14, the largest, just under verbatim's 17.
     */
    static AudioBuffer loudNoiseBesideSilence() {
        int frames = 2 * FlacEncoder.BLOCK_FRAMES;
        float[][] x = new float[2][frames];
        SplitMix64 random = new SplitMix64(14);
        for (int i = 0; i < frames; i++) {
            x[0][i] = (float) (0.9 * (random.nextDouble() * 2 - 1));
        }
        return new AudioBuffer(x, 48_000, ChannelLayout.standard(2));
    }

    /**
     * Left and right opposed at full scale, switching every 7 samples, then a block beyond full scale: the
     * extreme codes (-32768 and 32767) and the largest side, 65535.
     */
    static AudioBuffer fullScaleSquare() {
        int frames = 2 * FlacEncoder.BLOCK_FRAMES + 100;
        float[][] x = new float[2][frames];
        for (int i = 0; i < frames; i++) {
            float level = i < FlacEncoder.BLOCK_FRAMES ? 1f : 1.7f;
            float sign = (i / 7) % 2 == 0 ? 1 : -1;
            x[0][i] = sign * level;
            x[1][i] = -sign * level;
        }
        return new AudioBuffer(x, 44_100, ChannelLayout.standard(2));
    }

    static AudioBuffer threeChannels() {
        int frames = FlacEncoder.BLOCK_FRAMES + 904;
        float[][] x = new float[3][frames];
        SplitMix64 random = new SplitMix64(33);
        for (int i = 0; i < frames; i++) {
            double t = i / 48_000.0;
            x[0][i] = (float) (0.5 * StrictMath.sin(2 * Math.PI * 440 * t));
            x[1][i] = (float) (0.3 * StrictMath.sin(2 * Math.PI * 660 * t) + 0.001 * random.nextDouble());
            x[2][i] = 0.25f; // constant subframes
        }
        return new AudioBuffer(x, 48_000, ChannelLayout.standard(3));
    }
}

package org.freshears.chain;

import org.freshears.dsp.Biquad;
import org.freshears.dsp.Decibels;
import org.freshears.dsp.DelayLine;
import org.freshears.dsp.Envelope;
import org.freshears.dsp.FilterDesign;
import org.freshears.dsp.GainComputer;

/**
 * The running state of a {@link Compressor}; also the per-band core of {@link MultibandCompressor}.
 *
 * <p>Per frame: (1) each channel's detector input (optionally high-passed) gives a linear level — |x|
 * for PEAK, the one-pole mean square for RMS; (2) stereo link blends each channel's level with the
 * loudest channel's, {@code link * max + (1 - link) * own}, in that linear domain; (3) the level in dB
 * goes through the soft-knee {@link GainComputer}; (4) the reduction (dB) is smoothed by the branching
 * attack/release detector; (5) the gain {@code 10^((makeup - reduction) / 20)} multiplies the audio
 * delayed by the lookahead, and the delayed dry signal is mixed in.
 *
 * <p>Determinism: plain IEEE arithmetic ({@link Decibels}: table-driven log and exp, the same bits on
 * every JVM and ten times cheaper than StrictMath's, which dominated the time). Two exact
 * shortcuts keep it fast and make neutral settings bit-transparent: a level at or below the knee's
 * start (compared linearly) gives no reduction without a logarithm, and a smoothed reduction of exactly
 * 0 uses the precomputed makeup gain (1.0 for 0 dB) without an exponential.
 */
final class CompressorProcessor implements Processor, GainReductionSource {
    private final Compressor settings;
    private final GainComputer curve;
    private final boolean rms;
    private final double link;
    private final double mix;

    private int channels;
    private int latencyFrames;
    private double kneeStartLevel;
    private double makeupGain;
    private double rmsCoeff;
    private Biquad[] sidechainFilters;
    private double[] meanSquares;
    private double[] levels;
    private Envelope[] envelopes;
    private DelayLine[] delays;
    /** Per frame of the last process call: the most extreme applied gain (dB, <= 0, without makeup). */
    private double[] frameGainDb;
    private final GainTraceSlot trace = new GainTraceSlot();

    CompressorProcessor(Compressor settings) {
        this.settings = settings;
        this.curve = new GainComputer(settings.thresholdDb(), settings.ratio(), settings.kneeDb());
        this.rms = settings.detection() == Compressor.Detection.RMS;
        this.link = settings.stereoLinkPercent() / 100;
        this.mix = settings.mixPercent() / 100;
    }

    @Override
    public void prepare(ProcessSpec spec) {
        int rate = spec.sampleRate();
        if (settings.sidechainHighPassHz() >= spec.nyquistHz()) {
            throw new IllegalArgumentException("sidechainHighPassHz must be below Nyquist (" + spec.nyquistHz()
                    + " Hz), got " + settings.sidechainHighPassHz());
        }
        channels = spec.channels();
        latencyFrames = settings.lookaheadFrames(rate);
        // Linear level at the knee's start: amplitude for PEAK (dB = 20 log10), power for RMS (10 log10).
        kneeStartLevel = StrictMath.pow(10, curve.kneeStartDb() / (rms ? 10 : 20));
        makeupGain = Decibels.toAmplitude(settings.makeupDb());
        rmsCoeff = Envelope.coefficient(Compressor.RMS_WINDOW_MS, rate);
        sidechainFilters = null;
        if (settings.sidechainHighPassHz() > 0) {
            sidechainFilters = new Biquad[channels];
            for (int c = 0; c < channels; c++) {
                sidechainFilters[c] = new Biquad(FilterDesign.highPass(settings.sidechainHighPassHz(),
                        FilterDesign.BUTTERWORTH_Q, rate));
            }
        }
        meanSquares = new double[channels];
        levels = new double[channels];
        envelopes = new Envelope[channels];
        delays = new DelayLine[channels];
        for (int c = 0; c < channels; c++) {
            envelopes[c] = new Envelope(settings.attackMs(), settings.releaseMs(), rate);
            delays[c] = new DelayLine(latencyFrames);
        }
        frameGainDb = new double[spec.maxBlockFrames()];
        reset();
    }

    @Override
    public void reset() {
        for (int c = 0; c < channels; c++) {
            if (sidechainFilters != null) {
                sidechainFilters[c].reset();
            }
            meanSquares[c] = 0;
            envelopes[c].reset(0);
            delays[c].reset();
        }
        trace.restart(latencyFrames);
    }

    @Override
    public int latencyFrames() {
        return latencyFrames;
    }

    @Override
    public void traceInto(GainReductionTrace trace) {
        this.trace.attach(trace, latencyFrames);
    }

    @Override
    public void process(float[][] audio, int offset, int frames) {
        for (int start = 0; start < frames; start += frameGainDb.length) {
            processChunk(audio, offset + start, Math.min(frameGainDb.length, frames - start));
        }
    }

    /** The per-frame gain (dB) of the last chunk processed; read by the multiband processor. */
    double[] frameGainDb() {
        return frameGainDb;
    }

    /** Processes at most {@code frameGainDb.length} frames, filling {@code frameGainDb[0, frames)}. */
    void processChunk(float[][] audio, int offset, int frames) {
        for (int i = 0; i < frames; i++) {
            int n = offset + i;
            double loudest = 0;
            for (int c = 0; c < channels; c++) {
                double s = audio[c][n];
                if (sidechainFilters != null) {
                    s = sidechainFilters[c].process(s);
                }
                double level;
                if (rms) {
                    double square = s * s;
                    level = square + rmsCoeff * (meanSquares[c] - square);
                    meanSquares[c] = level;
                } else {
                    level = Math.abs(s);
                }
                levels[c] = level;
                if (level > loudest) {
                    loudest = level;
                }
            }
            double extremeDb;
            if (link == 1) {
                // Fully linked: one detector, one gain, bit-identical on every channel.
                double reductionDb = envelopes[0].next(reductionDb(loudest));
                double gain = gainFor(reductionDb);
                for (int c = 0; c < channels; c++) {
                    apply(audio[c], n, c, gain);
                }
                extremeDb = -reductionDb;
            } else {
                double maxReductionDb = 0;
                for (int c = 0; c < channels; c++) {
                    double level = link == 0 ? levels[c] : link * loudest + (1 - link) * levels[c];
                    double reductionDb = envelopes[c].next(reductionDb(level));
                    apply(audio[c], n, c, gainFor(reductionDb));
                    if (reductionDb > maxReductionDb) {
                        maxReductionDb = reductionDb;
                    }
                }
                extremeDb = -maxReductionDb;
            }
            frameGainDb[i] = extremeDb;
            trace.push(extremeDb);
        }
    }

    /** The static curve's reduction for a linear level (amplitude or mean square). */
    private double reductionDb(double level) {
        // Also catches NaN: a broken sample must not poison the smoother for the rest of the song.
        if (!(level > kneeStartLevel)) {
            return 0;
        }
        double levelDb = rms ? Decibels.fromPower(level) : Decibels.fromAmplitude(level);
        return curve.reductionDb(levelDb);
    }

    private double gainFor(double reductionDb) {
        return reductionDb == 0 ? makeupGain : Decibels.toAmplitude(settings.makeupDb() - reductionDb);
    }

    private void apply(float[] channel, int n, int c, double gain) {
        float dry = delays[c].process(channel[n]);
        double wet = dry * gain;
        if (mix == 1) {
            channel[n] = (float) wet;
        } else if (mix == 0) {
            channel[n] = dry;
        } else {
            channel[n] = (float) ((1 - mix) * dry + mix * wet);
        }
    }

    @Override
    public String toString() {
        return "CompressorProcessor[" + settings + "]";
    }
}

package org.freshears.chain;

import org.freshears.dsp.Biquad;
import org.freshears.dsp.DelayLine;
import org.freshears.dsp.Envelope;
import org.freshears.dsp.FilterDesign;
import org.freshears.dsp.GainComputer;

/**
 * The running state of a {@link DynamicEq}. The bell is a transposed direct form II section written
 * out here (not a {@link Biquad}) because its coefficients change while running and must be updated
 * in place, without allocating a coefficient record per control block.
 */
final class DynamicEqProcessor implements Processor, GainReductionSource {
    /** ln(10) / 40: the cookbook's {@code A = 10^(gainDb/40) = exp(gainDb * LN10_OVER_40)}. */
    private static final double LN10_OVER_40 = StrictMath.log(10) / 40;

    private final DynamicEq settings;
    private final GainComputer curve;
    private final double rangeDb;
    private final double direction;

    private int channels;
    private int latencyFrames;
    private double kneeStartMeanSquare;
    private double rmsCoeff;
    private double[] meanSquares;
    private double cosW0;
    private double alpha;
    private Biquad[] detectors;
    private Envelope envelope;
    private DelayLine[] delays;
    private double[] z1;
    private double[] z2;
    private double b0, b1, b2, a1, a2;
    private double appliedGainDb;
    private int framesToControl;
    private final GainTraceSlot trace = new GainTraceSlot();

    DynamicEqProcessor(DynamicEq settings) {
        this.settings = settings;
        this.curve = new GainComputer(settings.thresholdDb(), settings.ratio(), settings.kneeDb());
        this.rangeDb = Math.abs(settings.rangeDb());
        this.direction = settings.rangeDb() < 0 ? -1 : 1;
    }

    @Override
    public void prepare(ProcessSpec spec) {
        if (settings.freqHz() >= spec.nyquistHz()) {
            throw new IllegalArgumentException("freqHz must be below Nyquist (" + spec.nyquistHz() + " Hz), got "
                    + settings.freqHz());
        }
        int rate = spec.sampleRate();
        channels = spec.channels();
        latencyFrames = settings.lookaheadFrames(rate);
        kneeStartMeanSquare = StrictMath.pow(10, curve.kneeStartDb() / 10);
        rmsCoeff = Envelope.coefficient(Compressor.RMS_WINDOW_MS, rate);
        meanSquares = new double[channels];
        double w0 = 2 * StrictMath.PI * settings.freqHz() / rate;
        cosW0 = StrictMath.cos(w0);
        alpha = StrictMath.sin(w0) / (2 * settings.q());
        detectors = new Biquad[channels];
        delays = new DelayLine[channels];
        for (int c = 0; c < channels; c++) {
            detectors[c] = new Biquad(FilterDesign.bandPass(settings.freqHz(), settings.q(), rate));
            delays[c] = new DelayLine(latencyFrames);
        }
        envelope = new Envelope(settings.attackMs(), settings.releaseMs(), rate);
        z1 = new double[channels];
        z2 = new double[channels];
        reset();
    }

    @Override
    public void reset() {
        for (int c = 0; c < channels; c++) {
            detectors[c].reset();
            meanSquares[c] = 0;
            delays[c].reset();
            z1[c] = 0;
            z2[c] = 0;
        }
        envelope.reset(0);
        setBellGain(0);
        framesToControl = 0;
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
        for (int n = offset, end = offset + frames; n < end; n++) {
            double loudest = 0;
            for (int c = 0; c < channels; c++) {
                double band = detectors[c].process(audio[c][n]);
                double square = band * band;
                double meanSquare = square + rmsCoeff * (meanSquares[c] - square);
                meanSquares[c] = meanSquare;
                if (meanSquare > loudest) {
                    loudest = meanSquare;
                }
            }
            double overDb = loudest > kneeStartMeanSquare ? curve.reductionDb(10 * StrictMath.log10(loudest)) : 0;
            double smoothedDb = envelope.next(Math.min(overDb, rangeDb));
            if (framesToControl == 0) {
                framesToControl = DynamicEq.CONTROL_FRAMES;
                double gainDb = direction * smoothedDb;
                if (gainDb != appliedGainDb) {
                    setBellGain(gainDb);
                }
            }
            framesToControl--;
            for (int c = 0; c < channels; c++) {
                double x = delays[c].process(audio[c][n]);
                double y = b0 * x + z1[c];
                z1[c] = b1 * x - a1 * y + z2[c];
                z2[c] = b2 * x - a2 * y;
                audio[c][n] = (float) y;
            }
            trace.push(appliedGainDb);
        }
    }

    /**
     * Cookbook peakingEQ for the gain, normalised by a0. At 0 dB (A = 1) numerator and denominator are
     * the same numbers, so the section is an exact identity: a range of 0 leaves the bits untouched.
     */
    private void setBellGain(double gainDb) {
        double a = StrictMath.exp(gainDb * LN10_OVER_40);
        double a0 = 1 + alpha / a;
        b0 = (1 + alpha * a) / a0;
        b1 = -2 * cosW0 / a0;
        b2 = (1 - alpha * a) / a0;
        a1 = -2 * cosW0 / a0;
        a2 = (1 - alpha / a) / a0;
        appliedGainDb = gainDb;
    }

    @Override
    public String toString() {
        return "DynamicEqProcessor[" + settings + "]";
    }
}

package org.freshears.chain;

import java.util.Arrays;
import org.freshears.dsp.DelayLine;
import org.freshears.dsp.Envelope;
import org.freshears.dsp.SlidingMinimum;

/**
 * The running state of a {@link Limiter}. One gain for all channels, applied at the base rate to the
 * delayed input; the true peak is detected on the oversampled input.
 *
 * <p>Per base frame m (design after the "straightforward limiter" of G. Smith, Signalsmith Audio, 2022,
 * with the hold widened for reconstruction):
 * <ol>
 * <li>p[m]: the largest |x| of the oversampled input over base times [m, m + 1), each local maximum
 *     refined by the sinusoid through it and its two neighbours (the reconstruction's true peak lies
 *     between oversampled points; at 4x a plain grid maximum reads up to 0.69 dB low near Nyquist,
 *     BS.1770-4 Annex 2).</li>
 * <li>r[m] = threshold / p[m] when p[m] exceeds the threshold, else exactly 1.</li>
 * <li>h[m] = min r over the last H = S + 2W frames (sliding minimum, O(1) amortised), S the attack ramp
 *     length (lookahead), W = {@value #GUARD_FRAMES} guard frames.</li>
 * <li>env[m] = h[m] if it is lower (instant; the smoothing below makes the attack), else an exponential
 *     release towards h[m] with the {@code releaseMs} time constant ({@link Envelope#coefficient}).</li>
 * <li>g[m] = mean of a triangle window (two cascaded moving averages, lengths S1 + S2 - 1 = S) over
 *     env[m - S + 1 .. m], applied to input frame m - S + 1 - W.</li>
 * </ol>
 * Every env value in that window is at most every r within W frames either side of the frame the gain
 * is applied to, so the gain is already down over the whole reconstruction neighbourhood of a peak when
 * it arrives, and the attack is a smooth S-curve over the lookahead. Latency: detector + (S - 1) + W.
 *
 * <p>The moving averages are summed in fixed point (env floored to multiples of 2^-28, long sums), so
 * they are exact, O(1), never drift, never round a gain up, and give exactly 1.0 when nothing exceeds
 * the threshold: material below the ceiling passes bit-identical.
 *
 * <p>Gain is applied at the base rate, so reconstruction of g[n]x[n] can differ slightly from
 * g x_rec(t); with the guard and smooth ramps the difference is a few thousandths of a dB, and the
 * detector's oversampling filter leaves out a little of the content just below Nyquist. The threshold
 * sits {@value #SAFETY_MARGIN_DB} dB below the ceiling to cover both; the tests measure the output's
 * true peak with a 16x reconstruction and with the BS.1770-4 Annex 2 filter.
 *
 * <p>Step 1 works on the input before the input gain, which enters only in step 2 (p[m] times the gain), so
 * the peaks do not depend on the gain: a loudness search detects them once ({@link PeakEnvelope}) and renders
 * each gain it tries with a processor made from them, which runs steps 2 to 5 only, to the same bits.
 */
final class LimiterProcessor implements Processor, GainReductionSource {
    /** Frames of hold either side of a detected peak, so the reconstruction kernel sees the low gain. */
    static final int GUARD_FRAMES = 8;
    /**
     * Threshold below the ceiling, dB. Without it, band-limited torture material measured up to
     * +0.019 dB over the ceiling with 4x detection (+0.001 dB with 8x), ideal 16x reconstruction;
     * with it the worst is -1.031 dBTP for a -1 ceiling (LimiterTest).
     */
    static final double SAFETY_MARGIN_DB = 0.05;
    /** Fixed-point scale of the gain averages: 2^28 (resolution 3.7e-9, -3e-8 dB). */
    private static final double FIXED_ONE = 0x1.0p28;
    /** A release this close to its target lands on it, so gain returns to exactly 1.0. */
    private static final double SNAP = 1e-8;

    private final Limiter settings;
    /** The peaks of the whole input, detected before (null: this processor detects them as audio arrives). */
    private final PeakEnvelope envelope;
    private final GainTraceSlot trace = new GainTraceSlot();
    private int channels;
    private LimiterDetector[] detectors;
    private DelayLine[] delays;
    private double[] peak;
    private double[] gain;
    private SlidingMinimum hold;
    /** With an envelope: the largest peak of each frame's hold window ({@link PeakEnvelope#heldPeaks}), else null. */
    private double[] heldPeaks;
    /** Frames in a row with r = 1 that left env at 1 (counting the ones a reset stands for). */
    private long calmFrames;
    /** Frames of calm after which a frame with r = 1 gives the input gain exactly: the hold's window and both rings'. */
    private int calmEnough;
    /** Whether calm frames went by without feeding the hold (so it is reset to a window of ones first). */
    private boolean holdIsStale;
    private double releaseCoeff;
    private double threshold;
    private double inputGain;
    /** Detected magnitudes at or below this give r = 1 exactly (threshold / inputGain, less a margin). */
    private double quietLevel;
    private int ramp1;
    private int ramp2;
    private long[] ring1;
    private long[] ring2;
    private int pos1;
    private int pos2;
    private long sum1;
    private long sum2;
    private double denominator;
    private double env;
    private int latency;
    /** Frames processed since the last reset: where this processor reads the envelope. */
    private long position;

    LimiterProcessor(Limiter settings) {
        this(settings, null);
    }

    /**
     * A limiter that reads its peaks from {@code envelope} (detecting there, when prepared, what this limiter
     * needs and no earlier one did) instead of detecting them as audio arrives: only for that input.
     */
    LimiterProcessor(Limiter settings, PeakEnvelope envelope) {
        this.settings = settings;
        this.envelope = envelope;
    }

    /** The attack ramp's length S at this rate, frames. */
    static int rampFrames(Limiter settings, int sampleRate) {
        return Math.max(2, (int) Math.round(settings.lookaheadMs() * sampleRate / 1000.0));
    }

    /** The limiter's latency: the detector's, then the attack ramp and the guard. */
    static int latencyFrames(int detectorLatencyFrames, int rampFrames) {
        return detectorLatencyFrames + rampFrames - 1 + GUARD_FRAMES;
    }

    /** Where the limiting starts, linear: the ceiling less the safety margin. */
    static double threshold(double ceilingDbtp) {
        return StrictMath.pow(10, (ceilingDbtp - SAFETY_MARGIN_DB) / 20);
    }

    /** Detected magnitudes at or below this give r = 1 exactly, for this threshold and linear input gain. */
    static double quietLevel(double threshold, double inputGain) {
        return threshold / inputGain * (1 - 1e-9);
    }

    @Override
    public void prepare(ProcessSpec spec) {
        channels = spec.channels();
        detectors = new LimiterDetector[channels];
        delays = new DelayLine[channels];
        int rampFrames = rampFrames(settings, spec.sampleRate());
        ramp1 = (rampFrames + 1) / 2;
        ramp2 = rampFrames + 1 - ramp1;
        if ((double) ramp1 * ramp2 * FIXED_ONE > 0x1.0p53) {
            throw new IllegalArgumentException("lookaheadMs " + settings.lookaheadMs() + " is too long at "
                    + spec.sampleRate() + " Hz");
        }
        for (int c = 0; c < channels; c++) {
            detectors[c] = new LimiterDetector(settings.oversampling());
        }
        latency = latencyFrames(detectors[0].latencyFrames(), rampFrames);
        for (int c = 0; c < channels; c++) {
            delays[c] = new DelayLine(latency);
        }
        peak = new double[LimiterDetector.CHUNK];
        gain = new double[LimiterDetector.CHUNK];
        hold = new SlidingMinimum(rampFrames + 2 * GUARD_FRAMES, 1.0);
        calmEnough = Math.max(hold.window(), ramp1 + ramp2);
        ring1 = new long[ramp1];
        ring2 = new long[ramp2];
        denominator = (double) ramp1 * ramp2 * FIXED_ONE;
        releaseCoeff = Envelope.coefficient(settings.releaseMs(), spec.sampleRate());
        threshold = threshold(settings.ceilingDbtp());
        inputGain = StrictMath.pow(10, settings.inputGainDb() / 20);
        quietLevel = quietLevel(threshold, inputGain);
        if (envelope != null) {
            if (!envelope.fits(spec, settings.oversampling(), latency)) {
                throw new IllegalStateException("the peaks detected for another limiter or input cannot drive "
                        + settings);
            }
            envelope.detectDownTo(quietLevel);
            heldPeaks = envelope.heldPeaks(hold.window());
        }
        reset();
    }

    @Override
    public void reset() {
        trace.restart(latency);
        for (LimiterDetector d : detectors) {
            d.reset();
        }
        for (DelayLine d : delays) {
            d.reset();
        }
        hold.reset(1.0);
        holdIsStale = false;
        calmFrames = calmEnough; // a reset leaves all of it at one, as after a long calm
        env = 1.0;
        long one = (long) FIXED_ONE;
        Arrays.fill(ring1, one);
        sum1 = one * ramp1;
        Arrays.fill(ring2, sum1);
        sum2 = sum1 * ramp2;
        pos1 = 0;
        pos2 = 0;
        position = 0;
    }

    @Override
    public int latencyFrames() {
        return latency;
    }

    @Override
    public void traceInto(GainReductionTrace gainTrace) {
        trace.attach(gainTrace, latency);
    }

    @Override
    public void process(float[][] audio, int offset, int frames) {
        for (int done = 0; done < frames; done += LimiterDetector.CHUNK) {
            int n = Math.min(LimiterDetector.CHUNK, frames - done);
            if (envelope == null) {
                detect(audio, offset + done, n);
                computeGain(peak, 0, n);
            } else {
                if (position + n > envelope.frames()) {
                    throw new IllegalStateException("the peaks were detected for " + envelope.frames()
                            + " frames (input and latency), asked for more");
                }
                computeGain(envelope.peaks(), (int) position, n);
            }
            position += n;
            for (int c = 0; c < channels; c++) {
                float[] ch = audio[c];
                int from = offset + done;
                delays[c].process(ch, from, n);
                for (int i = 0; i < n; i++) {
                    ch[from + i] = (float) (ch[from + i] * gain[i]);
                }
            }
        }
    }

    /**
     * Steps 2 to 5 over every frame of the envelope (the input's and the flushed tail's) without audio: the gain
     * reduction trace attached, if any, as a render of that input fills it. For a render already made.
     */
    void traceFromPeaks() {
        if (envelope == null) {
            throw new IllegalStateException("no detected peaks to trace from");
        }
        for (int total = envelope.frames(); position < total; ) {
            int n = (int) Math.min(LimiterDetector.CHUNK, total - position);
            computeGain(envelope.peaks(), (int) position, n);
            position += n;
        }
    }

    /** peak[i]: the largest refined |x| over all channels in the oversampled interval of frame i. */
    private void detect(float[][] audio, int offset, int n) {
        Arrays.fill(peak, 0, n, 0.0);
        for (int c = 0; c < channels; c++) {
            detectors[c].detect(audio[c], offset, n, peak, 0, quietLevel);
        }
    }

    /** Steps 2 to 5 for the next n frames, whose peaks are {@code peaks[from, from + n)}: gain[0, n). */
    private void computeGain(double[] peaks, int from, int n) {
        final double thr = threshold;
        final double a = releaseCoeff;
        final boolean recording = trace.recording();
        for (int i = 0; i < n; i++) {
            double p = peaks[from + i] * inputGain;
            if (!(p > thr) && calmFrames >= calmEnough) {
                // Nothing limited for longer than the hold and both averages reach back: every step below would
                // give back what it holds (h = env = 1, the rings full of ones, whose order then does not matter),
                // so the gain is exactly the input gain. The hold is not fed meanwhile: a window of ones is what
                // a reset leaves it, so it is reset before the next frame that is fed.
                calmFrames++;
                holdIsStale = true;
                gain[i] = inputGain;
                if (recording) {
                    trace.pushReduction(1.0);
                }
                continue;
            }
            double r = p > thr ? thr / p : 1.0;
            if (holdIsStale) {
                hold.reset(1.0);
                holdIsStale = false;
            }
            double h;
            if (heldPeaks != null) {
                // The hold's minimum r is r of the window's largest peak (LimiterPeaks.held): the same bits.
                double held = heldPeaks[from + i] * inputGain;
                h = held > thr ? thr / held : 1.0;
            } else {
                h = hold.push(r);
            }
            if (h < env) {
                env = h;
            } else {
                env = h + a * (env - h);
                if (h - env < SNAP) {
                    env = h;
                }
            }
            long q = (long) (env * FIXED_ONE);
            sum1 += q - ring1[pos1];
            ring1[pos1] = q;
            pos1 = pos1 + 1 == ramp1 ? 0 : pos1 + 1;
            sum2 += sum1 - ring2[pos2];
            ring2[pos2] = sum1;
            pos2 = pos2 + 1 == ramp2 ? 0 : pos2 + 1;
            // env is at most 1, so q is one exactly when env is 1.
            calmFrames = r == 1.0 && q == (long) FIXED_ONE ? calmFrames + 1 : 0;
            double reduction = sum2 / denominator;
            gain[i] = reduction * inputGain;
            if (recording) {
                // The limiting alone (the input gain is a fixed drive, not reduction), converted to dB once a hop.
                trace.pushReduction(reduction);
            }
        }
    }

    @Override
    public String toString() {
        return "LimiterProcessor[" + settings + "]";
    }
}

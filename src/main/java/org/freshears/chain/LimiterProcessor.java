package org.freshears.chain;

import java.util.Arrays;
import org.freshears.dsp.Decibels;
import org.freshears.dsp.DelayLine;
import org.freshears.dsp.Envelope;
import org.freshears.dsp.SlidingMinimum;
import org.freshears.dsp.TruePeakFilter;

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
    private static final int CHUNK = 256;
    /** sqrt(2), the most sinusoidalPeak can raise a point, with a margin for rounding. */
    private static final double QUIET_FACTOR = StrictMath.sqrt(2) * (1 + 1e-9);

    private final Limiter settings;
    private final GainTraceSlot trace = new GainTraceSlot();
    private int channels;
    private int factor;
    private TruePeakFilter[] detectors;
    private DelayLine[] delays;
    private double[] oversampled;
    private double[] peak;
    private double[] gain;
    private double[] before;
    private double[] current;
    private SlidingMinimum hold;
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

    LimiterProcessor(Limiter settings) {
        this.settings = settings;
    }

    @Override
    public void prepare(ProcessSpec spec) {
        channels = spec.channels();
        factor = settings.oversampling();
        detectors = new TruePeakFilter[channels];
        delays = new DelayLine[channels];
        int rampFrames = Math.max(2, (int) Math.round(settings.lookaheadMs() * spec.sampleRate() / 1000.0));
        ramp1 = (rampFrames + 1) / 2;
        ramp2 = rampFrames + 1 - ramp1;
        if ((double) ramp1 * ramp2 * FIXED_ONE > 0x1.0p53) {
            throw new IllegalArgumentException("lookaheadMs " + settings.lookaheadMs() + " is too long at "
                    + spec.sampleRate() + " Hz");
        }
        for (int c = 0; c < channels; c++) {
            detectors[c] = new TruePeakFilter(factor, CHUNK);
        }
        latency = detectors[0].latencyFrames() + rampFrames - 1 + GUARD_FRAMES;
        for (int c = 0; c < channels; c++) {
            delays[c] = new DelayLine(latency);
        }
        oversampled = new double[CHUNK * factor];
        peak = new double[CHUNK];
        gain = new double[CHUNK];
        before = new double[channels];
        current = new double[channels];
        hold = new SlidingMinimum(rampFrames + 2 * GUARD_FRAMES, 1.0);
        ring1 = new long[ramp1];
        ring2 = new long[ramp2];
        denominator = (double) ramp1 * ramp2 * FIXED_ONE;
        releaseCoeff = Envelope.coefficient(settings.releaseMs(), spec.sampleRate());
        threshold = StrictMath.pow(10, (settings.ceilingDbtp() - SAFETY_MARGIN_DB) / 20);
        inputGain = StrictMath.pow(10, settings.inputGainDb() / 20);
        quietLevel = threshold / inputGain * (1 - 1e-9);
        reset();
    }

    @Override
    public void reset() {
        trace.restart(latency);
        for (TruePeakFilter o : detectors) {
            o.reset();
        }
        for (DelayLine d : delays) {
            d.reset();
        }
        hold.reset(1.0);
        Arrays.fill(before, 0.0);
        Arrays.fill(current, 0.0);
        env = 1.0;
        long one = (long) FIXED_ONE;
        Arrays.fill(ring1, one);
        sum1 = one * ramp1;
        Arrays.fill(ring2, sum1);
        sum2 = sum1 * ramp2;
        pos1 = 0;
        pos2 = 0;
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
        for (int done = 0; done < frames; done += CHUNK) {
            int n = Math.min(CHUNK, frames - done);
            detect(audio, offset + done, n);
            computeGain(n);
            for (int c = 0; c < channels; c++) {
                float[] ch = audio[c];
                DelayLine d = delays[c];
                for (int i = 0; i < n; i++) {
                    int at = offset + done + i;
                    ch[at] = (float) (d.process(ch[at]) * gain[i]);
                }
            }
        }
    }

    /**
     * peak[i]: the largest refined |x| over all channels in the oversampled interval of frame i. Each
     * oversampled point is refined when its successor arrives (state carried across calls, so the
     * chunking never matters); it is credited to the frame of that successor, i.e. the intervals are
     * shifted by one oversampled point, which the guard frames absorb.
     */
    private void detect(float[][] audio, int offset, int n) {
        Arrays.fill(peak, 0, n, 0.0);
        for (int c = 0; c < channels; c++) {
            double a = before[c];
            double b = current[c];
            int points = n * factor;
            // Cheaper exact shortcut first: when even a bound of every point the filter will produce
            // (TruePeakFilter.outputBound) passes the quiet test below, that test would pass; so skip
            // interpolating and compute only the two points carried into the next chunk.
            if (Math.max(Math.abs(b), detectors[c].outputBound(audio[c], offset, n)) * QUIET_FACTOR <= quietLevel) {
                detectors[c].upsampleTail(audio[c], offset, n, oversampled, points - 2);
                before[c] = points >= 2 ? oversampled[points - 2] : b;
                current[c] = oversampled[points - 1];
                continue;
            }
            detectors[c].upsample(audio[c], offset, n, oversampled);
            // Exact shortcut: a refined peak is below sqrt(2) times the point it refines (see
            // sinusoidalPeak), so when sqrt(2) times every point this chunk refines stays under the
            // threshold, every r of the chunk is exactly 1 whatever the peaks: leave them at 0.
            double largest = Math.abs(b);
            for (int j = 0; j < points; j++) {
                largest = Math.max(largest, Math.abs(oversampled[j]));
            }
            if (largest * QUIET_FACTOR <= quietLevel) {
                before[c] = points >= 2 ? oversampled[points - 2] : b;
                current[c] = oversampled[points - 1];
                continue;
            }
            for (int frame = 0, j = 0; frame < n; frame++) {
                double framePeak = peak[frame];
                for (int end = j + factor; j < end; j++) {
                    double next = oversampled[j];
                    double mag = Math.abs(b);
                    double left = b >= 0 ? a : -a;
                    double right = b >= 0 ? next : -next;
                    if (mag >= left && mag >= right) {
                        mag = sinusoidalPeak(left, mag, right);
                    }
                    if (mag > framePeak) {
                        framePeak = mag;
                    }
                    a = b;
                    b = next;
                }
                peak[frame] = framePeak;
            }
            before[c] = a;
            current[c] = b;
        }
    }

    /**
     * The peak of the sinusoid through three equally spaced points around a local maximum: for
     * A cos(w t + p) sampled at -1, 0, 1, left + right = 2 mid cos w and left - right = 2 A sin p sin w,
     * so A^2 = mid^2 + ((left - right) / (2 sin w))^2. Exact for one sinusoid at any frequency below
     * the oversampled Nyquist (a parabola through the points reads up to 0.05 dB low at 0.45 fs, 4x);
     * near a peak, band-limited material looks locally like one.
     */
    static double sinusoidalPeak(double left, double mid, double right) {
        double cos = (left + right) / (2 * mid);
        double sin2 = 1 - cos * cos;
        if (!(sin2 > 1e-12) || cos <= 0) {
            return mid;
        }
        double d = left - right;
        return Math.sqrt(mid * mid + d * d / (4 * sin2));
    }

    private void computeGain(int n) {
        final double thr = threshold;
        final double a = releaseCoeff;
        for (int i = 0; i < n; i++) {
            double p = peak[i] * inputGain;
            double r = p > thr ? thr / p : 1.0;
            double h = hold.push(r);
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
            double reduction = sum2 / denominator;
            gain[i] = reduction * inputGain;
            if (trace.recording()) {
                // The limiting alone (the input gain is a fixed drive, not reduction); exactly 1 most of the time.
                trace.push(reduction == 1.0 ? 0.0 : Decibels.fromAmplitude(reduction));
            }
        }
    }

    @Override
    public String toString() {
        return "LimiterProcessor[" + settings + "]";
    }
}

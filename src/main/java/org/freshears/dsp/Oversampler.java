package org.freshears.dsp;

import java.util.Arrays;

/**
 * Interpolation by 2, 4 or 8 and the matching decimation, for one channel, as a cascade of linear-phase
 * half-band FIR stages (polyphase: each 2x stage costs K multiplies per low-rate sample, because half
 * the taps are zero and the rest are symmetric pairs). Use one instance per channel.
 *
 * <p>Design (all stages Kaiser windowed sincs, {@link #ATTENUATION_DB} = 100 dB by Kaiser's formula):
 * the first stage (base rate to 2x) passes {@link #PASSBAND_FRACTION} = 0.46 of the base rate (20.3 kHz
 * at 44.1 kHz, 22.1 kHz at 48 kHz) and stops from 0.54 of it, so images and aliases of everything below
 * 0.46 fs are at least ~100 dB down (the tests measure the figure) and the passband ripple is about
 * 1e-5 (0.0001 dB), far inside 0.01 dB. Later stages only need to pass what the first let through
 * (up to 0.54 fs), so they are short. Content between 0.46 fs and 0.5 fs is attenuated progressively
 * (-6 dB at fs/2), as in any linear-phase half-band design.
 *
 * <p>Latency: the cascade's group delay, padded with a few high-rate samples of pure delay so that the
 * upsampler alone and the downsampler alone each lag by a whole number of base-rate frames
 * ({@link #upLatencyFrames()}, {@link #downLatencyFrames()}). So upsampled sample
 * {@code out[i * factor + k]} of the i-th input frame of a call is the signal at base time
 * {@code (streamFrame - upLatencyFrames + k / factor)}.
 *
 * <p>Only plain IEEE arithmetic; each output is a fixed sequence of operations in a fixed order, so the
 * bits never depend on how the stream is cut into calls. Allocation happens only in the constructor.
 */
public final class Oversampler {
    /** The first stage's passband edge as a fraction of the base rate (see class comment). */
    public static final double PASSBAND_FRACTION = 0.46;
    /** Design stopband attenuation of every stage, in dB. */
    public static final double ATTENUATION_DB = 100;
    /** Base-rate frames handled per internal pass; bounds the scratch buffers. */
    static final int CHUNK_FRAMES = 256;

    private static final HalfbandFilter[] STAGE_FILTERS = designStages();

    private final int factor;
    private final UpStage[] up;
    private final DownStage[] down;
    private final double[][] scratch; // scratch[s]: signal at rate 2^s * base, one chunk
    private final PadDelay upPad;
    private final PadDelay downPad;
    private final int latencyFrames;

    public Oversampler(int factor) {
        if (factor != 1 && factor != 2 && factor != 4 && factor != 8) {
            throw new IllegalArgumentException("oversampling factor must be 1, 2, 4 or 8, got " + factor);
        }
        this.factor = factor;
        int stages = Integer.numberOfTrailingZeros(factor);
        up = new UpStage[stages];
        down = new DownStage[stages];
        scratch = new double[stages + 1][];
        int highRateDelay = 0;
        for (int s = 0; s < stages; s++) {
            HalfbandFilter f = STAGE_FILTERS[s];
            up[s] = new UpStage(f, CHUNK_FRAMES << s);
            down[s] = new DownStage(f, CHUNK_FRAMES << s);
            // stage s runs at 2^(s+1) x base; its delay counts factor / 2^(s+1) final-rate samples each
            highRateDelay += f.delaySamples() * (factor >> (s + 1));
        }
        for (int s = 0; s <= stages; s++) {
            scratch[s] = new double[CHUNK_FRAMES << s];
        }
        int pad = (factor - highRateDelay % factor) % factor;
        upPad = new PadDelay(pad);
        downPad = new PadDelay(pad);
        latencyFrames = (highRateDelay + pad) / factor;
    }

    private static HalfbandFilter[] designStages() {
        // Stage s+1 must pass what stage s let through (up to 1 - PASSBAND_FRACTION of the base rate)
        // and remove its images; relative to its own low rate (2^s x base) that edge is
        // (1 - PASSBAND_FRACTION) / 2^s.
        HalfbandFilter[] f = new HalfbandFilter[3];
        f[0] = HalfbandFilter.design(PASSBAND_FRACTION, ATTENUATION_DB);
        f[1] = HalfbandFilter.design((1 - PASSBAND_FRACTION) / 2, ATTENUATION_DB);
        f[2] = HalfbandFilter.design((1 - PASSBAND_FRACTION) / 4, ATTENUATION_DB);
        return f;
    }

    /** The filter of 2x stage s (0 = base rate to 2x), for analysis and tests. */
    public static HalfbandFilter stageFilter(int s) {
        return STAGE_FILTERS[s];
    }

    public int factor() {
        return factor;
    }

    /** Base-rate frames by which {@link #upsample} output lags its input. */
    public int upLatencyFrames() {
        return latencyFrames;
    }

    /** Base-rate frames by which {@link #downsample} output lags its input. */
    public int downLatencyFrames() {
        return latencyFrames;
    }

    /** Round trip (upsample then downsample) latency in base-rate frames. */
    public int latencyFrames() {
        return upLatencyFrames() + downLatencyFrames();
    }

    /** Interpolates {@code in[offset, offset + frames)} into {@code out[0, frames * factor)}. */
    public void upsample(float[] in, int offset, int frames, double[] out) {
        for (int done = 0; done < frames; done += CHUNK_FRAMES) {
            int n = Math.min(CHUNK_FRAMES, frames - done);
            double[] base = scratch[0];
            for (int i = 0; i < n; i++) {
                base[i] = in[offset + done + i];
            }
            upChunk(n, out, done * factor);
        }
    }

    /** Interpolates {@code in[offset, offset + frames)} into {@code out[0, frames * factor)}. */
    public void upsample(double[] in, int offset, int frames, double[] out) {
        for (int done = 0; done < frames; done += CHUNK_FRAMES) {
            int n = Math.min(CHUNK_FRAMES, frames - done);
            System.arraycopy(in, offset + done, scratch[0], 0, n);
            upChunk(n, out, done * factor);
        }
    }

    private void upChunk(int n, double[] out, int outOffset) {
        int stages = up.length;
        if (stages == 0) {
            System.arraycopy(scratch[0], 0, out, outOffset, n);
            return;
        }
        for (int s = 0; s < stages; s++) {
            double[] dst = s == stages - 1 ? out : scratch[s + 1];
            int dstOffset = s == stages - 1 ? outOffset : 0;
            up[s].process(scratch[s], n << s, dst, dstOffset);
        }
        upPad.process(out, outOffset, n * factor);
    }

    /** Decimates {@code in[0, frames * factor)} into {@code out[offset, offset + frames)}. */
    public void downsample(double[] in, int frames, double[] out, int offset) {
        int stages = down.length;
        for (int done = 0; done < frames; done += CHUNK_FRAMES) {
            int n = Math.min(CHUNK_FRAMES, frames - done);
            if (stages == 0) {
                System.arraycopy(in, done, out, offset + done, n);
                continue;
            }
            double[] top = scratch[stages];
            System.arraycopy(in, done * factor, top, 0, n * factor);
            downPad.process(top, 0, n * factor);
            for (int s = stages - 1; s >= 0; s--) {
                double[] dst = s == 0 ? out : scratch[s];
                int dstOffset = s == 0 ? offset + done : 0;
                down[s].process(scratch[s + 1], n << s, dst, dstOffset);
            }
        }
    }

    /** Back to silence, as after construction. */
    public void reset() {
        for (UpStage s : up) {
            s.reset();
        }
        for (DownStage s : down) {
            s.reset();
        }
        upPad.reset();
        downPad.reset();
    }

    /**
     * Interpolation by 2. With zero-stuffing u[2m] = x[m] and y = 2 (h * u), the even outputs use only
     * the side taps and the odd outputs only the centre tap (1/2, doubled to 1):
     * y[2m] = sum_j 2 h_j (x[m - j] + x[m - (2K - 1) + j]),  y[2m + 1] = x[m - (K - 1)].
     */
    private static final class UpStage {
        private final double[] c2; // 2 * pair coefficients
        private final int k;
        private final int history; // 2K - 1 past inputs kept in front of the new ones
        private final double[] x;
        private final double[] acc;

        UpStage(HalfbandFilter f, int maxInput) {
            k = f.halfLength();
            c2 = new double[k];
            for (int j = 0; j < k; j++) {
                c2[j] = 2 * f.pairCoefficient(j);
            }
            history = 2 * k - 1;
            x = new double[history + maxInput];
            acc = new double[maxInput];
        }

        void process(double[] in, int n, double[] out, int outOffset) {
            System.arraycopy(in, 0, x, history, n);
            // Four outputs at a time, each summing its taps in the fixed order j = 0..K-1 from +0.0:
            // four independent sums keep the FP units busy (C2 does not vectorise the tap-outer form,
            // since it cannot rule out that acc and x overlap) and the bits are those of the plain loop.
            final double[] x = this.x;
            final double[] c2 = this.c2;
            final int k = this.k;
            int i = 0;
            for (; i + 4 <= n; i += 4) {
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                for (int j = 0; j < k; j++) {
                    double c = c2[j];
                    int a = history - j + i;
                    int b = j + i;
                    s0 += c * (x[a] + x[b]);
                    s1 += c * (x[a + 1] + x[b + 1]);
                    s2 += c * (x[a + 2] + x[b + 2]);
                    s3 += c * (x[a + 3] + x[b + 3]);
                }
                acc[i] = s0;
                acc[i + 1] = s1;
                acc[i + 2] = s2;
                acc[i + 3] = s3;
            }
            for (; i < n; i++) {
                double s0 = 0;
                for (int j = 0; j < k; j++) {
                    s0 += c2[j] * (x[history - j + i] + x[j + i]);
                }
                acc[i] = s0;
            }
            int centre = history - (k - 1);
            for (i = 0; i < n; i++) {
                out[outOffset + 2 * i] = acc[i];
                out[outOffset + 2 * i + 1] = x[centre + i];
            }
            System.arraycopy(x, n, x, 0, history);
        }

        void reset() {
            Arrays.fill(x, 0.0);
        }
    }

    /**
     * Decimation by 2: y[m] = sum_k h[k] x[2m - k], computed only for the kept outputs. Split into even
     * e[t] = x[2t] and odd o[t] = x[2t + 1] samples: y[m] = 1/2 o[m - K] + sum_j h_j (e[m - j] +
     * e[m - (2K - 1) + j]).
     */
    private static final class DownStage {
        private final double[] c;
        private final int k;
        private final int evenHistory; // 2K - 1
        private final int oddHistory; // K
        private final double[] e;
        private final double[] o;

        DownStage(HalfbandFilter f, int maxOutput) {
            k = f.halfLength();
            c = new double[k];
            for (int j = 0; j < k; j++) {
                c[j] = f.pairCoefficient(j);
            }
            evenHistory = 2 * k - 1;
            oddHistory = k;
            e = new double[evenHistory + maxOutput];
            o = new double[oddHistory + maxOutput];
        }

        /** Consumes {@code in[0, 2n)} and writes n outputs. */
        void process(double[] in, int n, double[] out, int outOffset) {
            for (int i = 0; i < n; i++) {
                e[evenHistory + i] = in[2 * i];
                o[oddHistory + i] = in[2 * i + 1];
            }
            // Four outputs at a time, each starting from its centre term and adding its taps in the fixed order
            // j = 0..K-1, in registers: the same bits as adding each tap into an array of sums, without a load
            // and a store per tap and output (which C2 does not vectorise away, see UpStage).
            final double[] e = this.e;
            final double[] o = this.o;
            final double[] c = this.c;
            final int k = this.k;
            final int history = evenHistory;
            int i = 0;
            for (; i + 4 <= n; i += 4) {
                double s0 = 0.5 * o[i];
                double s1 = 0.5 * o[i + 1];
                double s2 = 0.5 * o[i + 2];
                double s3 = 0.5 * o[i + 3];
                for (int j = 0; j < k; j++) {
                    double cj = c[j];
                    int a = history - j + i;
                    int b = j + i;
                    s0 += cj * (e[a] + e[b]);
                    s1 += cj * (e[a + 1] + e[b + 1]);
                    s2 += cj * (e[a + 2] + e[b + 2]);
                    s3 += cj * (e[a + 3] + e[b + 3]);
                }
                out[outOffset + i] = s0;
                out[outOffset + i + 1] = s1;
                out[outOffset + i + 2] = s2;
                out[outOffset + i + 3] = s3;
            }
            for (; i < n; i++) {
                double s0 = 0.5 * o[i];
                for (int j = 0; j < k; j++) {
                    s0 += c[j] * (e[history - j + i] + e[j + i]);
                }
                out[outOffset + i] = s0;
            }
            System.arraycopy(e, n, e, 0, evenHistory);
            System.arraycopy(o, n, o, 0, oddHistory);
        }

        void reset() {
            Arrays.fill(e, 0.0);
            Arrays.fill(o, 0.0);
        }
    }

    /** A few samples of pure delay at the high rate, to make the latency a whole number of frames. */
    private static final class PadDelay {
        private final double[] ring;
        private int pos;

        private final double[] held;

        PadDelay(int samples) {
            ring = new double[samples];
            held = new double[samples];
        }

        void process(double[] data, int offset, int n) {
            int d = ring.length;
            if (d == 0) {
                return;
            }
            // Pure data movement, done by block copies rather than a ring step per sample: the oldest
            // held samples come out first (ring[pos], ring[pos + 1], ... wrapping), then the data.
            if (n >= d) {
                for (int i = 0; i < d; i++) {
                    int at = pos + i;
                    held[i] = ring[at >= d ? at - d : at];
                }
                System.arraycopy(data, offset + n - d, ring, 0, d);
                pos = 0;
                System.arraycopy(data, offset, data, offset + d, n - d);
                System.arraycopy(held, 0, data, offset, d);
                return;
            }
            for (int i = offset, end = offset + n; i < end; i++) {
                double v = ring[pos];
                ring[pos] = data[i];
                data[i] = v;
                pos = pos + 1 == d ? 0 : pos + 1;
            }
        }

        void reset() {
            Arrays.fill(ring, 0.0);
            pos = 0;
        }
    }
}

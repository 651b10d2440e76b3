package org.freshears.dsp;

/**
 * Sample-rate conversion by a rational ratio L/M (44.1 kHz from 96 kHz is 147/320, from 48 kHz 147/160):
 * conceptually upsample by L (zeros between samples), low-pass, keep every M-th sample; computed as a
 * polyphase FIR, so each output costs only the taps that meet real input samples and no L-times-rate
 * signal ever exists (Crochiere &amp; Rabiner, "Multirate Digital Signal Processing", 1983, ch. 4;
 * J. O. Smith, "Digital Audio Resampling Home Page").
 *
 * <p><b>The filter</b>: a Kaiser-windowed sinc ({@link KaiserWindow}) at the L-times rate, cut off
 * halfway through the transition band. With f_low the lower of the two rates: passband to
 * {@value #PASSBAND_FRACTION} f_low (19.845 kHz at 44.1 kHz), stopband from {@value #STOPBAND_FRACTION}
 * f_low, its Nyquist frequency (nothing aliases into the audio, and an upsampled file has no images);
 * designed for {@value #DESIGN_ATTENUATION_DB} dB, whose ripple (10^(-A/20)) is the same in both bands.
 * Promised, and measured by RationalResamplerTest: passband within +-{@value #PASSBAND_RIPPLE_DB} dB,
 * stopband at least {@value #STOPBAND_DB} dB down (about 148 dB measured, worst just above f_low / 2).
 * Length by Kaiser's formula for a transition of 0.05 f_low: about 200 taps per output sample when
 * upsampling, times f_in / f_out when downsampling (431 from 96 kHz to 44.1 kHz, 216 from 48 kHz).
 *
 * <p><b>Time alignment</b>: the filter is symmetric about a whole sample of the L-times grid and each
 * output is computed around its own instant, so output frame k is the signal at time k / f_out exactly:
 * no added latency at the start. The input is taken as silence before its first and after its last
 * frame (the filter reaches across those edges as it does anywhere, so they get no click), and the
 * output holds {@code ceil(n L / M)} frames: it lasts as long as the input, the end not cut.
 *
 * <p><b>Same bits everywhere</b>: coefficients come from StrictMath and the series of {@link
 * KaiserWindow#besselI0}; each output is a dot product in double precision in a fixed order (eight
 * interleaved partial sums, added pairwise at the end), a pure function of the input and the output's
 * index. So any split of the output into ranges, on any number of threads, gives the same bits.
 */
public final class RationalResampler {
    /** Passband edge as a fraction of the lower of the two rates. */
    public static final double PASSBAND_FRACTION = 0.45;
    /** Stopband edge as a fraction of the lower of the two rates: its Nyquist frequency. */
    public static final double STOPBAND_FRACTION = 0.5;
    /** The attenuation the Kaiser design aims at (its ripple is the same in pass- and stopband). */
    public static final double DESIGN_ATTENUATION_DB = 150;
    /** The stopband attenuation promised, and measured by the tests (the design reaches about 148 dB). */
    public static final double STOPBAND_DB = 145;
    /** The passband ripple promised (peak deviation from 0 dB), and measured by the tests. */
    public static final double PASSBAND_RIPPLE_DB = 0.0001;
    /** Recorded with every converted render: a change that alters output bits must change this. */
    public static final String ALGORITHM_VERSION = "polyphase kaiser-windowed sinc, pass 0.45 / stop 0.5 of the"
            + " lower rate, 150 dB design v1";
    /** The coefficient table's size limit (32 MiB of doubles): every pair of standard rates fits easily. */
    static final int MAX_COEFFICIENTS = 1 << 22;
    /** Independent partial sums per dot product: enough to keep the FPU's adders busy. */
    private static final int LANES = 8;

    private final int inputRateHz;
    private final int outputRateHz;
    private final int up;
    private final int down;
    private final int taps;
    /** The prototype's centre on the L-times grid: its delay, compensated in every output's indexing. */
    private final long centre;
    /** Phase p's taps, reversed so a dot product runs forward over the input: {@code phases[p * taps + s]}. */
    private final double[] phases;

    private RationalResampler(int inputRateHz, int outputRateHz) {
        this.taps = requireReachable(inputRateHz, outputRateHz);
        this.inputRateHz = inputRateHz;
        this.outputRateHz = outputRateHz;
        int gcd = gcd(inputRateHz, outputRateHz);
        this.up = outputRateHz / gcd;
        this.down = inputRateHz / gcd;
        if (up == 1 && down == 1) {
            this.centre = 0; // the same rate: one tap of 1, the input itself
            this.phases = new double[] {1};
            return;
        }
        int tableLength = taps * up;
        // An odd length puts the centre on a sample of the L-times grid: a delay of a whole grid sample.
        int prototypeLength = tableLength % 2 == 1 ? tableLength : tableLength - 1;
        this.centre = (prototypeLength - 1) / 2;
        this.phases = design(prototypeLength, tableLength, (double) up * inputRateHz,
                Math.min(inputRateHz, outputRateHz));
    }

    /**
     * The taps per phase a conversion needs, without designing it; refuses rates that are not positive and
     * ratios whose table would pass {@link #MAX_COEFFICIENTS} (44101 Hz from 44100 Hz has 44101 phases).
     */
    public static int requireReachable(int inputRateHz, int outputRateHz) {
        if (inputRateHz <= 0 || outputRateHz <= 0) {
            throw new IllegalArgumentException("sample rates must be > 0, got " + inputRateHz + " Hz and "
                    + outputRateHz + " Hz");
        }
        int gcd = gcd(inputRateHz, outputRateHz);
        int up = outputRateHz / gcd;
        int down = inputRateHz / gcd;
        if (up == 1 && down == 1) {
            return 1;
        }
        double lowRateHz = Math.min(inputRateHz, outputRateHz);
        double filterRateHz = (double) up * inputRateHz;
        double transitionRadians = 2 * StrictMath.PI * (STOPBAND_FRACTION - PASSBAND_FRACTION) * lowRateHz
                / filterRateHz;
        long length = KaiserWindow.order(DESIGN_ATTENUATION_DB, transitionRadians) + 1L;
        long perPhase = (length + up - 1) / up;
        if (perPhase * up > MAX_COEFFICIENTS) {
            throw new IllegalArgumentException("cannot convert " + inputRateHz + " Hz to " + outputRateHz
                    + " Hz: the ratio reduces to " + up + "/" + down + ", whose filter would need " + up
                    + " phases of " + perPhase + " taps; choose a standard rate (44100, 48000, 88200, 96000,"
                    + " 176400, 192000 Hz, ...)");
        }
        return (int) perPhase;
    }

    /** The converter from one rate to another (the same rate gives the identity, one tap). */
    public static RationalResampler of(int inputRateHz, int outputRateHz) {
        return new RationalResampler(inputRateHz, outputRateHz);
    }

    private double[] design(int prototypeLength, int tableLength, double filterRateHz, double lowRateHz) {
        double[] prototype = new double[tableLength];
        double cutoff = (PASSBAND_FRACTION + STOPBAND_FRACTION) / 2 * lowRateHz / filterRateHz; // cycles/sample
        double[] window = KaiserWindow.window(prototypeLength, KaiserWindow.beta(DESIGN_ATTENUATION_DB));
        double sum = 0;
        for (int j = 0; j < prototypeLength; j++) {
            double x = 2 * cutoff * (j - centre);
            double sinc = x == 0 ? 1 : StrictMath.sin(StrictMath.PI * x) / (StrictMath.PI * x);
            prototype[j] = 2 * cutoff * sinc * window[j];
            sum += prototype[j];
        }
        // Zeros stuffed between input samples leave 1/L of the signal's level: the taps sum to L.
        double gain = up / sum;
        double[] table = new double[tableLength];
        for (int p = 0; p < up; p++) {
            for (int t = 0; t < taps; t++) {
                table[p * taps + (taps - 1 - t)] = prototype[p + t * up] * gain;
            }
        }
        return table;
    }

    public int inputRateHz() {
        return inputRateHz;
    }

    public int outputRateHz() {
        return outputRateHz;
    }

    /** L of L/M, in lowest terms. */
    public int upFactor() {
        return up;
    }

    /** M of L/M, in lowest terms. */
    public int downFactor() {
        return down;
    }

    /** Taps per output sample (per polyphase branch). */
    public int tapsPerPhase() {
        return taps;
    }

    /** Output frames for an input of {@code inputFrames}: {@code ceil(n L / M)}, the same duration. */
    public long outputFrames(long inputFrames) {
        return (inputFrames * up + down - 1) / down;
    }

    /** Converts a whole channel. */
    public float[] convert(float[] in) {
        long frames = outputFrames(in.length);
        if (frames > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the converted channel would hold " + frames
                    + " frames, more than an array can");
        }
        float[] out = new float[(int) frames];
        convert(in, out, 0, out.length);
        return out;
    }

    /**
     * Computes output frames {@code [fromFrame, toFrame)} of the converted channel {@code in} into the
     * same positions of {@code out}. Each frame depends only on the input and its index.
     */
    public void convert(float[] in, float[] out, int fromFrame, int toFrame) {
        if (fromFrame < 0 || toFrame > out.length || fromFrame > toFrame || toFrame > outputFrames(in.length)) {
            throw new IllegalArgumentException("frames [" + fromFrame + ", " + toFrame + ") are outside the "
                    + outputFrames(in.length) + " output frames of a " + in.length + "-frame input");
        }
        int n = in.length;
        for (int k = fromFrame; k < toFrame; k++) {
            long at = (long) k * down + centre;
            int phase = (int) (at % up);
            long last = at / up; // the newest input frame the branch reaches
            long first = last - taps + 1;
            int offset = phase * taps;
            out[k] = (float) (first >= 0 && last < n ? dot(in, (int) first, offset) : dotAtEdge(in, first, offset, n));
        }
    }

    /** The branch's taps against {@code in[first, first + taps)}: eight partial sums, then pairwise. */
    private double dot(float[] in, int first, int offset) {
        double[] c = phases;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        int s = 0;
        int whole = taps - taps % LANES;
        for (; s < whole; s += LANES) {
            int ci = offset + s;
            int xi = first + s;
            s0 += c[ci] * in[xi];
            s1 += c[ci + 1] * in[xi + 1];
            s2 += c[ci + 2] * in[xi + 2];
            s3 += c[ci + 3] * in[xi + 3];
            s4 += c[ci + 4] * in[xi + 4];
            s5 += c[ci + 5] * in[xi + 5];
            s6 += c[ci + 6] * in[xi + 6];
            s7 += c[ci + 7] * in[xi + 7];
        }
        for (; s < taps; s++) {
            s0 += c[offset + s] * in[first + s];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /** As {@link #dot}, the same operations in the same order, with the input silent outside {@code [0, n)}. */
    private double dotAtEdge(float[] in, long first, int offset, int n) {
        double[] c = phases;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        int whole = taps - taps % LANES;
        for (int s = 0; s < taps; s++) {
            long i = first + s;
            double product = c[offset + s] * (i >= 0 && i < n ? in[(int) i] : 0f);
            switch (s < whole ? s % LANES : 0) {
                case 0 -> s0 += product;
                case 1 -> s1 += product;
                case 2 -> s2 += product;
                case 3 -> s3 += product;
                case 4 -> s4 += product;
                case 5 -> s5 += product;
                case 6 -> s6 += product;
                default -> s7 += product;
            }
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    @Override
    public String toString() {
        return "RationalResampler[" + inputRateHz + " Hz -> " + outputRateHz + " Hz, L/M " + up + "/" + down + ", "
                + taps + " taps per phase]";
    }
}

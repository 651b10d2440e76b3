package org.freshears.measure;

/**
 * The one place that knows how JTransforms' {@code DoubleFFT_1D.realForward} packs the spectrum of a real
 * array of even length n into the same n doubles (JTransforms 3.2 javadoc, "realForward"):
 * <pre>
 *   a[0]      = Re[0]        (DC; its imaginary part is zero)
 *   a[1]      = Re[n/2]      (Nyquist; its imaginary part is zero)
 *   a[2k]     = Re[k]        0 &lt; k &lt; n/2
 *   a[2k + 1] = Im[k]        0 &lt; k &lt; n/2
 * </pre>
 * with X[k] = Σ x[j]·e^(−2πi·jk/n) (no scaling; the sign is pinned by {@code FftPackingTest}). Odd n packs
 * differently and is refused. Everything else in this package works with "power per bin", |X[k]|², for
 * k = 0 … n/2.
 */
final class FftPacking {
    private FftPacking() {
    }

    /** Refuses sizes whose packing this class does not describe. */
    static void checkSize(int n) {
        if (n < 2 || (n & 1) != 0) {
            throw new IllegalArgumentException("FFT size must be even and >= 2, got " + n);
        }
    }

    /** Number of one-sided bins, k = 0 … n/2. */
    static int bins(int n) {
        return n / 2 + 1;
    }

    static double re(double[] packed, int n, int k) {
        if (k == 0) {
            return packed[0];
        }
        if (k == n / 2) {
            return packed[1];
        }
        return packed[2 * k];
    }

    static double im(double[] packed, int n, int k) {
        if (k == 0 || k == n / 2) {
            return 0;
        }
        return packed[2 * k + 1];
    }

    /** power[k] = |X[k]|² for k = 0 … n/2. */
    static void power(double[] packed, int n, double[] power) {
        int half = n / 2;
        power[0] = packed[0] * packed[0];
        power[half] = packed[1] * packed[1];
        for (int k = 1; k < half; k++) {
            double re = packed[2 * k];
            double im = packed[2 * k + 1];
            power[k] = re * re + im * im;
        }
    }

    /** power[k] = |X[k]|² for k = fromBin … toBin (the others untouched): the same values {@link #power} gives. */
    static void power(double[] packed, int n, double[] power, int fromBin, int toBin) {
        int half = n / 2;
        for (int k = Math.max(1, fromBin), last = Math.min(half - 1, toBin); k <= last; k++) {
            double re = packed[2 * k];
            double im = packed[2 * k + 1];
            power[k] = re * re + im * im;
        }
        if (fromBin == 0) {
            power[0] = packed[0] * packed[0];
        }
        if (toBin == half) {
            power[half] = packed[1] * packed[1];
        }
    }

    /** sum[k] += |X[k]|² for k = 0 … n/2. */
    static void addPower(double[] packed, int n, double[] sum) {
        int half = n / 2;
        sum[0] += packed[0] * packed[0];
        sum[half] += packed[1] * packed[1];
        for (int k = 1; k < half; k++) {
            double re = packed[2 * k];
            double im = packed[2 * k + 1];
            sum[k] += re * re + im * im;
        }
    }

    /**
     * Adds the power of the mid and side spectra, M = (L + R)/2 and S = (L − R)/2, from the transforms of
     * L and R. The FFT is linear, so this equals transforming the mid and side signals, at no extra FFT.
     */
    static void addMidSidePower(double[] left, double[] right, int n, double[] midSum, double[] sideSum) {
        int half = n / 2;
        double m0 = 0.5 * (left[0] + right[0]);
        double s0 = 0.5 * (left[0] - right[0]);
        double mh = 0.5 * (left[1] + right[1]);
        double sh = 0.5 * (left[1] - right[1]);
        midSum[0] += m0 * m0;
        sideSum[0] += s0 * s0;
        midSum[half] += mh * mh;
        sideSum[half] += sh * sh;
        for (int k = 1; k < half; k++) {
            double lr = left[2 * k];
            double li = left[2 * k + 1];
            double rr = right[2 * k];
            double ri = right[2 * k + 1];
            double mr = 0.5 * (lr + rr);
            double mi = 0.5 * (li + ri);
            double sr = 0.5 * (lr - rr);
            double si = 0.5 * (li - ri);
            midSum[k] += mr * mr + mi * mi;
            sideSum[k] += sr * sr + si * si;
        }
    }

    /**
     * {@link #addPower} of both channels and {@link #addMidSidePower} in one pass over the two transforms:
     * the same operations on every bin, so the same sums to the bit, reading each transform once.
     */
    static void addStereoPower(double[] left, double[] right, int n, double[] leftSum, double[] rightSum,
            double[] midSum, double[] sideSum) {
        int half = n / 2;
        leftSum[0] += left[0] * left[0];
        leftSum[half] += left[1] * left[1];
        rightSum[0] += right[0] * right[0];
        rightSum[half] += right[1] * right[1];
        double m0 = 0.5 * (left[0] + right[0]);
        double s0 = 0.5 * (left[0] - right[0]);
        double mh = 0.5 * (left[1] + right[1]);
        double sh = 0.5 * (left[1] - right[1]);
        midSum[0] += m0 * m0;
        sideSum[0] += s0 * s0;
        midSum[half] += mh * mh;
        sideSum[half] += sh * sh;
        for (int k = 1; k < half; k++) {
            double lr = left[2 * k];
            double li = left[2 * k + 1];
            double rr = right[2 * k];
            double ri = right[2 * k + 1];
            leftSum[k] += lr * lr + li * li;
            rightSum[k] += rr * rr + ri * ri;
            double mr = 0.5 * (lr + rr);
            double mi = 0.5 * (li + ri);
            double sr = 0.5 * (lr - rr);
            double si = 0.5 * (li - ri);
            midSum[k] += mr * mr + mi * mi;
            sideSum[k] += sr * sr + si * si;
        }
    }
}

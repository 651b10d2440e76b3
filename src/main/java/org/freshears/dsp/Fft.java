package org.freshears.dsp;

/**
 * An in-place complex FFT of one power-of-two size (iterative radix-2, decimation in time), on split
 * real/imaginary double arrays. Written for the render path: twiddle factors come from StrictMath, one
 * call per factor (no recurrences that drift), and the butterflies run in a fixed order, so the output
 * bits are the same on every JVM. The forward transform is {@code X[k] = sum x[n] e^(-2 pi i k n / N)};
 * the inverse uses the conjugate factors and divides by N, so {@code inverse(forward(x)) = x}.
 */
public final class Fft {
    private final int size;
    private final int[] bitReversed;
    private final double[] cos;
    private final double[] sin;

    public Fft(int size) {
        if (size < 2 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("FFT size must be a power of two >= 2, got " + size);
        }
        this.size = size;
        int bits = Integer.numberOfTrailingZeros(size);
        bitReversed = new int[size];
        for (int i = 0; i < size; i++) {
            bitReversed[i] = Integer.reverse(i) >>> (32 - bits);
        }
        cos = new double[size / 2];
        sin = new double[size / 2];
        for (int k = 0; k < size / 2; k++) {
            double angle = 2 * StrictMath.PI * k / size;
            cos[k] = StrictMath.cos(angle);
            sin[k] = StrictMath.sin(angle);
        }
    }

    public int size() {
        return size;
    }

    /** Forward transform of (re, im) in place. */
    public void forward(double[] re, double[] im) {
        transform(re, im, -1);
    }

    /** Inverse transform of (re, im) in place, scaled by 1/N. */
    public void inverse(double[] re, double[] im) {
        transform(re, im, 1);
        double scale = 1.0 / size;
        for (int i = 0; i < size; i++) {
            re[i] *= scale;
            im[i] *= scale;
        }
    }

    private void transform(double[] re, double[] im, int sign) {
        if (re.length < size || im.length < size) {
            throw new IllegalArgumentException("arrays shorter than the FFT size " + size);
        }
        for (int i = 0; i < size; i++) {
            int j = bitReversed[i];
            if (j > i) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int half = 1; half < size; half <<= 1) {
            int stride = size / (2 * half);
            for (int k = 0; k < half; k++) {
                double wr = cos[k * stride];
                double wi = sign * sin[k * stride];
                for (int i = k; i < size; i += 2 * half) {
                    int j = i + half;
                    double tr = wr * re[j] - wi * im[j];
                    double ti = wr * im[j] + wi * re[j];
                    re[j] = re[i] - tr;
                    im[j] = im[i] - ti;
                    re[i] += tr;
                    im[i] += ti;
                }
            }
        }
    }
}

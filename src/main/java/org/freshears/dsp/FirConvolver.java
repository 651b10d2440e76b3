package org.freshears.dsp;

/**
 * Streams two real channels through one long FIR by uniformly partitioned overlap-save convolution
 * (UPOLS; see F. Wefers, "Partitioned convolution algorithms for real-time auralization", 2015, ch. 5):
 * the kernel is cut into P partitions of B taps, each transformed once with a 2B-point {@link Fft}; every
 * B input frames one forward FFT, P spectral multiply-adds over a frequency-domain delay line and one
 * inverse FFT give B output frames.
 *
 * <p>The kernel is real, so the two channels ride as the real and imaginary parts of one complex signal
 * (conv(a + ib, h) = conv(a, h) + i conv(b, h)): a stereo pair costs one complex FFT per direction.
 *
 * <p>Output lags input by the kernel's own delay plus B frames (a block must be complete before it can
 * be transformed); {@link #bufferingFrames()} reports B. The result does not depend on how the caller
 * cuts the stream: input is gathered into B-frame blocks internally. Allocation only in the constructor.
 */
public final class FirConvolver {
    private final int block;
    private final int partitions;
    private final Fft fft;
    private final double[][] kernelRe;
    private final double[][] kernelIm;
    private final double[][] historyRe;
    private final double[][] historyIm;
    private final double[] inRe;
    private final double[] inIm;
    private final double[] accRe;
    private final double[] accIm;
    private final double[] outRe;
    private final double[] outIm;
    private int newest;
    private int fill;

    /** A convolver for the kernel, partitioned in blocks of {@code blockFrames} (a power of two). */
    public FirConvolver(double[] kernel, int blockFrames) {
        if (kernel.length == 0) {
            throw new IllegalArgumentException("kernel must not be empty");
        }
        if (blockFrames < 1 || Integer.bitCount(blockFrames) != 1) {
            throw new IllegalArgumentException("blockFrames must be a power of two, got " + blockFrames);
        }
        block = blockFrames;
        int n = 2 * block;
        fft = new Fft(n);
        partitions = (kernel.length + block - 1) / block;
        kernelRe = new double[partitions][n];
        kernelIm = new double[partitions][n];
        for (int p = 0; p < partitions; p++) {
            int from = p * block;
            int len = Math.min(block, kernel.length - from);
            System.arraycopy(kernel, from, kernelRe[p], 0, len);
            fft.forward(kernelRe[p], kernelIm[p]);
        }
        historyRe = new double[partitions][n];
        historyIm = new double[partitions][n];
        inRe = new double[n];
        inIm = new double[n];
        accRe = new double[n];
        accIm = new double[n];
        outRe = new double[block];
        outIm = new double[block];
    }

    /** Frames of delay added by block buffering, on top of the kernel's own delay. */
    public int bufferingFrames() {
        return block;
    }

    public void reset() {
        for (int p = 0; p < partitions; p++) {
            java.util.Arrays.fill(historyRe[p], 0);
            java.util.Arrays.fill(historyIm[p], 0);
        }
        java.util.Arrays.fill(inRe, 0);
        java.util.Arrays.fill(inIm, 0);
        java.util.Arrays.fill(outRe, 0);
        java.util.Arrays.fill(outIm, 0);
        newest = 0;
        fill = 0;
    }

    /**
     * Filters {@code a[offset, offset + frames)} and, when {@code b} is not null, the same range of
     * {@code b}, in place.
     */
    public void process(float[] a, float[] b, int offset, int frames) {
        int i = offset;
        int end = offset + frames;
        while (i < end) {
            int run = Math.min(end - i, block - fill);
            for (int j = 0; j < run; j++) {
                inRe[block + fill + j] = a[i + j];
                a[i + j] = (float) outRe[fill + j];
            }
            if (b != null) {
                for (int j = 0; j < run; j++) {
                    inIm[block + fill + j] = b[i + j];
                    b[i + j] = (float) outIm[fill + j];
                }
            }
            fill += run;
            i += run;
            if (fill == block) {
                convolveBlock();
                fill = 0;
            }
        }
    }

    private void convolveBlock() {
        int n = 2 * block;
        newest = newest == 0 ? partitions - 1 : newest - 1;
        double[] xr = historyRe[newest];
        double[] xi = historyIm[newest];
        System.arraycopy(inRe, 0, xr, 0, n);
        System.arraycopy(inIm, 0, xi, 0, n);
        fft.forward(xr, xi);
        java.util.Arrays.fill(accRe, 0);
        java.util.Arrays.fill(accIm, 0);
        // Partition p meets the input spectrum from p blocks ago; the order of the sum is fixed.
        for (int p = 0; p < partitions; p++) {
            double[] hr = kernelRe[p];
            double[] hi = kernelIm[p];
            int slot = newest + p;
            if (slot >= partitions) {
                slot -= partitions;
            }
            double[] sr = historyRe[slot];
            double[] si = historyIm[slot];
            for (int k = 0; k < n; k++) {
                accRe[k] += sr[k] * hr[k] - si[k] * hi[k];
                accIm[k] += sr[k] * hi[k] + si[k] * hr[k];
            }
        }
        fft.inverse(accRe, accIm);
        // Overlap-save: the first B outputs are circular wrap-around, the last B are the linear result.
        System.arraycopy(accRe, block, outRe, 0, block);
        System.arraycopy(accIm, block, outIm, 0, block);
        System.arraycopy(inRe, block, inRe, 0, block);
        System.arraycopy(inIm, block, inIm, 0, block);
    }
}

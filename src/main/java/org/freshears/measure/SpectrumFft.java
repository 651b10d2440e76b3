package org.freshears.measure;

import org.jtransforms.fft.DoubleFFT_1D;
import org.jtransforms.utils.CommonUtils;

/**
 * Makes the JTransforms transforms of this package, under one threading policy: JTransforms' own
 * per-transform threads are switched off, because the analysers already run whole frames in parallel.
 * Left on, every transform of 8192 points or more (JTransforms' default threshold) hands half of itself to
 * another thread and waits: on a 4-minute stereo spectrum that cost about 50 % more CPU for no gain in
 * wall time once the cores are busy with frames. It does not change results (a spectrum with and without
 * it was checked bit-identical at 8192, 16384 and 32768 points).
 *
 * <p>The thresholds are JVM-wide settings of JTransforms; nothing else in Fresh Ears uses JTransforms
 * (third-party numerics are kept off the render path), so no other code depends on them.
 */
final class SpectrumFft {
    static {
        CommonUtils.setThreadsBeginN_1D_FFT_2Threads(Long.MAX_VALUE);
        CommonUtils.setThreadsBeginN_1D_FFT_4Threads(Long.MAX_VALUE);
    }

    private SpectrumFft() {
    }

    /**
     * Plans made by this thread, by size (index log2 n, for powers of two). Making a plan (its twiddle and
     * bit-reversal tables) cost 40-500 us of CPU at 8192 points, and every task of every spectrum, band level
     * and spectrogram made its own: about a hundred per analysis of a 4-minute song. Kept per thread rather
     * than shared, so no transform is ever used by two threads at once whatever JTransforms keeps in it; the
     * threads that measure are pooled and live on, so their plans are reused.
     */
    private static final ThreadLocal<DoubleFFT_1D[]> PLANS = ThreadLocal.withInitial(() -> new DoubleFFT_1D[31]);
    /** Larger plans (tables of 10 bytes a point and more) are not kept: they would stay with the thread. */
    private static final int MAX_KEPT_SIZE = 1 << 16;

    /**
     * A real transform of n points (n even) whose output {@link FftPacking} reads. For a power of two it is this
     * thread's plan of that size, made once: use it on this thread, and not inside another use of it.
     */
    static DoubleFFT_1D realTransform(int n) {
        FftPacking.checkSize(n);
        if (Integer.bitCount(n) != 1 || n > MAX_KEPT_SIZE) {
            return new DoubleFFT_1D(n);
        }
        DoubleFFT_1D[] plans = PLANS.get();
        int slot = Integer.numberOfTrailingZeros(n);
        if (plans[slot] == null) {
            plans[slot] = new DoubleFFT_1D(n);
        }
        return plans[slot];
    }
}

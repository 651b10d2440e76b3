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

    /** A real transform of n points (n even) whose output {@link FftPacking} reads. */
    static DoubleFFT_1D realTransform(int n) {
        FftPacking.checkSize(n);
        return new DoubleFFT_1D(n);
    }
}

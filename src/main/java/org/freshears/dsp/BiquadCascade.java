package org.freshears.dsp;

import java.util.List;

/**
 * One channel of cascaded second-order sections (transposed direct form II), carried in double from the
 * input to the output: rounding to float only once, at the end, keeps a deep cascade (an 8th-order
 * high-pass plus shelves) as clean as a single section. Plain IEEE arithmetic only.
 */
public final class BiquadCascade {
    /** Blocks are filtered section by section through a double buffer of this many frames. */
    private static final int CHUNK_FRAMES = 256;

    private final double[] b0;
    private final double[] b1;
    private final double[] b2;
    private final double[] a1;
    private final double[] a2;
    private final double[] z1;
    private final double[] z2;
    private final double[] work = new double[CHUNK_FRAMES];

    public BiquadCascade(List<BiquadCoefficients> sections) {
        int n = sections.size();
        b0 = new double[n];
        b1 = new double[n];
        b2 = new double[n];
        a1 = new double[n];
        a2 = new double[n];
        z1 = new double[n];
        z2 = new double[n];
        for (int s = 0; s < n; s++) {
            BiquadCoefficients c = sections.get(s);
            b0[s] = c.b0();
            b1[s] = c.b1();
            b2[s] = c.b2();
            a1[s] = c.a1();
            a2[s] = c.a2();
        }
    }

    public int sections() {
        return b0.length;
    }

    public void reset() {
        java.util.Arrays.fill(z1, 0);
        java.util.Arrays.fill(z2, 0);
    }

    /** Filters one sample through every section. */
    public double process(double x) {
        double v = x;
        for (int s = 0; s < b0.length; s++) {
            double y = b0[s] * v + z1[s];
            z1[s] = b1[s] * v - a1[s] * y + z2[s];
            z2[s] = b2[s] * v - a2[s] * y;
            v = y;
        }
        return v;
    }

    /**
     * Filters {@code samples[offset, offset + frames)} in place. Section by section over a chunk (so each
     * section's coefficients and state stay in registers), which performs exactly the same operations on
     * each sample as {@link #process(double)}: the bits are identical.
     */
    public void process(float[] samples, int offset, int frames) {
        for (int done = 0; done < frames; done += CHUNK_FRAMES) {
            int n = Math.min(CHUNK_FRAMES, frames - done);
            int from = offset + done;
            for (int i = 0; i < n; i++) {
                work[i] = samples[from + i];
            }
            for (int s = 0; s < b0.length; s++) {
                final double c0 = b0[s], c1 = b1[s], c2 = b2[s], d1 = a1[s], d2 = a2[s];
                double s1 = z1[s], s2 = z2[s];
                for (int i = 0; i < n; i++) {
                    double x = work[i];
                    double y = c0 * x + s1;
                    s1 = c1 * x - d1 * y + s2;
                    s2 = c2 * x - d2 * y;
                    work[i] = y;
                }
                z1[s] = s1;
                z2[s] = s2;
            }
            for (int i = 0; i < n; i++) {
                samples[from + i] = (float) work[i];
            }
        }
    }

    /**
     * Filters two channels with two cascades of the same length, exactly as {@code first.process(a, ...)}
     * and {@code second.process(b, ...)} would (the same operations on every sample, so the same bits),
     * but with the two channels' sections interleaved in one loop: a biquad is bound by the latency of
     * its feedback chain, and two independent chains run in about the time of one.
     */
    public static void processPair(BiquadCascade first, float[] a, BiquadCascade second, float[] b, int offset,
            int frames) {
        if (first.b0.length != second.b0.length) {
            first.process(a, offset, frames);
            second.process(b, offset, frames);
            return;
        }
        final double[] wa = first.work;
        final double[] wb = second.work;
        for (int done = 0; done < frames; done += CHUNK_FRAMES) {
            int n = Math.min(CHUNK_FRAMES, frames - done);
            int from = offset + done;
            for (int i = 0; i < n; i++) {
                wa[i] = a[from + i];
                wb[i] = b[from + i];
            }
            int s = 0;
            for (; s + 1 < first.b0.length; s += 2) {
                twoSectionsPair(first, wa, second, wb, s, n);
            }
            if (s < first.b0.length) {
                oneSectionPair(first, wa, second, wb, s, n);
            }
            for (int i = 0; i < n; i++) {
                a[from + i] = (float) wa[i];
                b[from + i] = (float) wb[i];
            }
        }
    }

    /** Section s of both cascades over work[0, n): two independent feedback chains per loop. */
    private static void oneSectionPair(BiquadCascade first, double[] wa, BiquadCascade second, double[] wb, int s,
            int n) {
        final double p0 = first.b0[s], p1 = first.b1[s], p2 = first.b2[s], pa1 = first.a1[s], pa2 = first.a2[s];
        final double q0 = second.b0[s], q1 = second.b1[s], q2 = second.b2[s], qa1 = second.a1[s],
                qa2 = second.a2[s];
        double ps1 = first.z1[s], ps2 = first.z2[s];
        double qs1 = second.z1[s], qs2 = second.z2[s];
        for (int i = 0; i < n; i++) {
            double x = wa[i];
            double y = p0 * x + ps1;
            ps1 = p1 * x - pa1 * y + ps2;
            ps2 = p2 * x - pa2 * y;
            wa[i] = y;
            double u = wb[i];
            double v = q0 * u + qs1;
            qs1 = q1 * u - qa1 * v + qs2;
            qs2 = q2 * u - qa2 * v;
            wb[i] = v;
        }
        first.z1[s] = ps1;
        first.z2[s] = ps2;
        second.z1[s] = qs1;
        second.z2[s] = qs2;
    }

    /**
     * Sections s and s + 1 of both cascades over work[0, n), sample by sample: section s + 1 at sample i
     * waits only for section s at sample i, not for its own later work, so the processor overlaps four
     * feedback chains instead of two, and the chunk makes half as many passes. Each sample sees the same
     * operations in the same order as section by section, so the bits are the same.
     */
    private static void twoSectionsPair(BiquadCascade first, double[] wa, BiquadCascade second, double[] wb,
            int s, int n) {
        final int t = s + 1;
        final double p0 = first.b0[s], p1 = first.b1[s], p2 = first.b2[s], pa1 = first.a1[s], pa2 = first.a2[s];
        final double r0 = first.b0[t], r1 = first.b1[t], r2 = first.b2[t], ra1 = first.a1[t], ra2 = first.a2[t];
        final double q0 = second.b0[s], q1 = second.b1[s], q2 = second.b2[s], qa1 = second.a1[s],
                qa2 = second.a2[s];
        final double o0 = second.b0[t], o1 = second.b1[t], o2 = second.b2[t], oa1 = second.a1[t],
                oa2 = second.a2[t];
        double ps1 = first.z1[s], ps2 = first.z2[s], rs1 = first.z1[t], rs2 = first.z2[t];
        double qs1 = second.z1[s], qs2 = second.z2[s], os1 = second.z1[t], os2 = second.z2[t];
        for (int i = 0; i < n; i++) {
            double x = wa[i];
            double y = p0 * x + ps1;
            ps1 = p1 * x - pa1 * y + ps2;
            ps2 = p2 * x - pa2 * y;
            double z = r0 * y + rs1;
            rs1 = r1 * y - ra1 * z + rs2;
            rs2 = r2 * y - ra2 * z;
            wa[i] = z;
            double u = wb[i];
            double v = q0 * u + qs1;
            qs1 = q1 * u - qa1 * v + qs2;
            qs2 = q2 * u - qa2 * v;
            double w = o0 * v + os1;
            os1 = o1 * v - oa1 * w + os2;
            os2 = o2 * v - oa2 * w;
            wb[i] = w;
        }
        first.z1[s] = ps1;
        first.z2[s] = ps2;
        first.z1[t] = rs1;
        first.z2[t] = rs2;
        second.z1[s] = qs1;
        second.z2[s] = qs2;
        second.z1[t] = os1;
        second.z2[t] = os2;
    }
}

package org.freshears.measure;

import org.freshears.dsp.BiquadCoefficients;

/**
 * The K-weighting of ITU-R BS.1770-4 Annex 1 (pre-filter "shelf" then "RLB" high-pass), derived for
 * any sample rate.
 *
 * <p>The standard prints the two sections for 48 kHz only (Tables 1 and 2) and asks other rates for
 * "the same frequency response". We take the analog prototypes that the 48 kHz table was made from
 * and map them with the bilinear transform (pre-warped at f0 through {@code K = tan(pi f0 / fs)}).
 * The prototype constants are the well-known fit to the printed table (used by libebur128 and
 * pyloudnorm, first published by Brecht De Man, "Evaluation of implementations of the EBU R128
 * loudness measurement", AES 145, 2018); they reproduce the 48 kHz table to about 1e-14, which a
 * test checks. Coefficients are computed with StrictMath so they are the same bits everywhere.
 */
public final class KWeighting {
    /** Shelf (BS.1770 stage 1) prototype: centre frequency, Hz. */
    static final double SHELF_F0_HZ = 1681.974450955533;
    /** Shelf prototype: high-frequency gain, dB (about +4 dB above 2 kHz). */
    static final double SHELF_GAIN_DB = 3.999843853973347;
    /** Shelf prototype: quality factor. */
    static final double SHELF_Q = 0.7071752369554196;
    /** Shelf prototype: exponent giving the band gain Vb = Vh^x of the fitted shelf. */
    static final double SHELF_VB_EXPONENT = 0.4996667741545416;
    /** RLB high-pass (BS.1770 stage 2) prototype: corner frequency, Hz. */
    static final double HIGH_PASS_F0_HZ = 38.13547087602444;
    /** RLB high-pass prototype: quality factor. */
    static final double HIGH_PASS_Q = 0.5003270373238773;

    private KWeighting() {
    }

    /** Stage 1 of the K-weighting (the head-effect shelf) at a sample rate. */
    public static BiquadCoefficients shelf(double sampleRateHz) {
        requireRate(sampleRateHz);
        double k = StrictMath.tan(StrictMath.PI * SHELF_F0_HZ / sampleRateHz);
        double vh = StrictMath.pow(10, SHELF_GAIN_DB / 20);
        double vb = StrictMath.pow(vh, SHELF_VB_EXPONENT);
        double a0 = 1 + k / SHELF_Q + k * k;
        return new BiquadCoefficients(
                (vh + vb * k / SHELF_Q + k * k) / a0,
                2 * (k * k - vh) / a0,
                (vh - vb * k / SHELF_Q + k * k) / a0,
                2 * (k * k - 1) / a0,
                (1 - k / SHELF_Q + k * k) / a0);
    }

    /**
     * Stage 2 of the K-weighting (the RLB high-pass). Its numerator is printed as 1, -2, 1 (not
     * normalised to unit pass-band gain), and we keep that: the -0.691 dB of the loudness formula
     * was chosen with exactly these coefficients.
     */
    public static BiquadCoefficients highPass(double sampleRateHz) {
        requireRate(sampleRateHz);
        double k = StrictMath.tan(StrictMath.PI * HIGH_PASS_F0_HZ / sampleRateHz);
        double a0 = 1 + k / HIGH_PASS_Q + k * k;
        return new BiquadCoefficients(1, -2, 1, 2 * (k * k - 1) / a0, (1 - k / HIGH_PASS_Q + k * k) / a0);
    }

    private static void requireRate(double sampleRateHz) {
        // The shelf centre must lie below Nyquist for tan() to stay on its first branch.
        if (!(sampleRateHz > 2 * SHELF_F0_HZ)) {
            throw new IllegalArgumentException("K-weighting needs a sample rate above " + 2 * SHELF_F0_HZ
                    + " Hz, got " + sampleRateHz);
        }
    }
}

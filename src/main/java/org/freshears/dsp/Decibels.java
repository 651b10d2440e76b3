package org.freshears.dsp;

/**
 * Decibel conversions for per-sample use on the render path: {@code 20 log10(x)} and {@code 10^(dB/20)}
 * in plain IEEE arithmetic, about ten times cheaper than {@code StrictMath.log10} / {@code exp} (which
 * are not intrinsified and dominated a compressor's time), and the same bits on every JVM: the only
 * transcendental values are two small tables computed once with StrictMath; the rest is exact bit
 * manipulation of the exponent and short polynomials (Java evaluates them without fused multiply-adds
 * since JEP 306, so every JVM rounds every operation alike).
 *
 * <p>Method (the classic table-driven reduction, e.g. P. T. P. Tang, "Table-driven implementation of the
 * exponential function in IEEE floating-point arithmetic", ACM TOMS 15(2), 1989, and its logarithm
 * counterpart, TOMS 16(4), 1990):
 * <ul>
 * <li>ln x = e ln 2 + ln c_j + ln(1 + u), with x = 2^e m, m in [1, 2), c_j = 1 + j/128 the table point at
 *     or below m and u = (m - c_j) / c_j in [0, 1/128) (m - c_j is exact); ln(1 + u) by its Taylor
 *     series to u^5, truncation error below u^6/6 < 3.7e-14.</li>
 * <li>2^t = 2^k 2^(j/64) 2^r, with k = floor(t), j = floor(64 (t - k)), r in [0, 1/64) (both
 *     subtractions exact); 2^r = exp(r ln 2) by its Taylor series to the 5th power, truncation error
 *     below (ln 2 / 64)^6 / 720 < 2e-15.</li>
 * </ul>
 * Both are within a few 1e-15 relative of the true value (about 1e-13 dB): far below anything audible
 * or measurable (a compressor's reading is good to 0.001 dB at best), and tested against StrictMath.
 */
public final class Decibels {
    private static final int LOG_TABLE_BITS = 7;
    private static final int LOG_TABLE_SIZE = 1 << LOG_TABLE_BITS;
    private static final int EXP_TABLE_SIZE = 64;
    private static final double LN2 = StrictMath.log(2);
    /** 20 / ln 10: dB per neper of amplitude. */
    private static final double DB_PER_NEPER = 20 / StrictMath.log(10);
    /** log2(10) / 20: {@code 10^(dB/20) = 2^(dB * this)}. */
    private static final double OCTAVES_PER_DB = StrictMath.log(10) / StrictMath.log(2) / 20;
    private static final double[] INVERSE_C = new double[LOG_TABLE_SIZE];
    private static final double[] LN_C = new double[LOG_TABLE_SIZE];
    private static final double[] POW2_J = new double[EXP_TABLE_SIZE];

    static {
        for (int j = 0; j < LOG_TABLE_SIZE; j++) {
            double c = 1 + j / (double) LOG_TABLE_SIZE;
            INVERSE_C[j] = 1 / c;
            LN_C[j] = StrictMath.log(c);
        }
        for (int j = 0; j < EXP_TABLE_SIZE; j++) {
            POW2_J[j] = StrictMath.pow(2, j / (double) EXP_TABLE_SIZE);
        }
    }

    private Decibels() {
    }

    /** {@code 20 log10(amplitude)}: -Infinity for 0, NaN for negative or NaN, +Infinity for +Infinity. */
    public static double fromAmplitude(double amplitude) {
        return naturalLog(amplitude) * DB_PER_NEPER;
    }

    /** {@code 10 log10(power)}, as {@link #fromAmplitude} (a power ratio in dB is half the amplitude's). */
    public static double fromPower(double power) {
        return naturalLog(power) * (DB_PER_NEPER / 2);
    }

    /** {@code 10^(gainDb / 20)}: 0 below about -6000 dB, +Infinity above about +6000 dB, NaN for NaN. */
    public static double toAmplitude(double gainDb) {
        return exp2(gainDb * OCTAVES_PER_DB);
    }

    /** ln x, for x > 0 (the special values as {@link StrictMath#log}). */
    static double naturalLog(double x) {
        if (!(x > 0) || x == Double.POSITIVE_INFINITY) {
            return x == 0 ? Double.NEGATIVE_INFINITY : x > 0 ? x : Double.NaN;
        }
        long bits = Double.doubleToRawLongBits(x);
        int exponent = (int) (bits >>> 52) - 1023;
        if (exponent == -1023) { // subnormal: scale into the normal range first (exact)
            bits = Double.doubleToRawLongBits(x * 0x1.0p54);
            exponent = (int) (bits >>> 52) - 1023 - 54;
        }
        int j = (int) (bits >>> (52 - LOG_TABLE_BITS)) & (LOG_TABLE_SIZE - 1);
        double m = Double.longBitsToDouble((bits & 0x000F_FFFF_FFFF_FFFFL) | 0x3FF0_0000_0000_0000L);
        double c = 1 + j / (double) LOG_TABLE_SIZE;
        double u = (m - c) * INVERSE_C[j];
        double series = u * (1 + u * (-1.0 / 2 + u * (1.0 / 3 + u * (-1.0 / 4 + u * (1.0 / 5)))));
        return (exponent * LN2 + LN_C[j]) + series;
    }

    /** 2^t (the special values as {@link StrictMath#pow}{@code (2, t)}). */
    static double exp2(double t) {
        if (!(t > -1022 && t < 1024)) {
            return t != t ? Double.NaN : t > 0 ? Double.POSITIVE_INFINITY : 0.0;
        }
        double k = Math.floor(t);
        double f = t - k;
        if (f >= 1) { // t a hair below an integer: f rounded up to 1
            k += 1;
            f = 0;
        }
        int j = (int) (f * EXP_TABLE_SIZE);
        double r = (f - j / (double) EXP_TABLE_SIZE) * LN2;
        double series = 1 + r * (1 + r * (1.0 / 2 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120)))));
        double scale = Double.longBitsToDouble((long) ((int) k + 1023) << 52);
        return POW2_J[j] * series * scale;
    }
}

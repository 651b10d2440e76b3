package org.freshears.dsp;

/**
 * The static characteristic of a downward compressor, in the log domain, with the quadratic soft knee
 * of Giannoulis, Massberg and Reiss, "Digital Dynamic Range Compressor Design — A Tutorial and
 * Analysis", JAES 60(6), 2012, section 2 (static characteristic, soft knee). For an input level
 * {@code x} (dB), threshold {@code T}, ratio {@code R} and knee width {@code W}, the output level is
 * <pre>
 *   y = x                                   if 2(x - T) &lt; -W
 *   y = x + (1/R - 1)(x - T + W/2)^2 / (2W)  if 2|x - T| &lt;= W
 *   y = T + (x - T)/R                       if 2(x - T) &gt; W
 * </pre>
 * This class returns the <em>reduction</em> {@code x - y >= 0}, which is what the log-domain level
 * detector smooths (their recommended placement: smoothing after the gain computer). The three pieces
 * meet with equal value and slope at {@code T +- W/2}, so there is no step anywhere on the curve.
 */
public final class GainComputer {
    private final double thresholdDb;
    private final double kneeDb;
    /** 1 - 1/R: the fraction of the overshoot that is taken away above the knee. */
    private final double slope;

    public GainComputer(double thresholdDb, double ratio, double kneeDb) {
        if (!Double.isFinite(thresholdDb)) {
            throw new IllegalArgumentException("thresholdDb must be finite, got " + thresholdDb);
        }
        if (!(ratio >= 1) || Double.isInfinite(ratio)) {
            throw new IllegalArgumentException("ratio must be >= 1 and finite, got " + ratio);
        }
        if (!(kneeDb >= 0) || Double.isInfinite(kneeDb)) {
            throw new IllegalArgumentException("kneeDb must be >= 0 and finite, got " + kneeDb);
        }
        this.thresholdDb = thresholdDb;
        this.kneeDb = kneeDb;
        this.slope = 1 - 1 / ratio;
    }

    /** The lowest level (dB) at which any reduction happens: below it {@link #reductionDb} is 0. */
    public double kneeStartDb() {
        return thresholdDb - kneeDb / 2;
    }

    /** How far (dB, >= 0) the curve pulls a steady input of {@code levelDb} down. */
    public double reductionDb(double levelDb) {
        double overDb = levelDb - thresholdDb;
        if (2 * overDb <= -kneeDb) {
            return 0;
        }
        if (2 * overDb >= kneeDb) {
            // Also covers kneeDb == 0 at overDb == 0, where the knee formula would divide by zero.
            return slope * overDb;
        }
        double intoKneeDb = overDb + kneeDb / 2;
        return slope * intoKneeDb * intoKneeDb / (2 * kneeDb);
    }
}

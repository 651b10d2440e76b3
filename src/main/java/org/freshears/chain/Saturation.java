package org.freshears.chain;

import java.util.Objects;
import org.freshears.dsp.FdlibmTanh;

/**
 * Waveshaping saturation, oversampled to keep the harmonics above Nyquist from folding back: the
 * settings.
 *
 * <p>Level: the input is multiplied by the drive gain G before the curve f, and the output by
 * {@code a / f_odd(G a)} with the reference peak a = {@value #REFERENCE_PEAK} (-6 dBFS), where f_odd
 * is the curve's odd part (f(x) - f(-x)) / 2. So a sine peaking at -6 dBFS comes out peaking at about
 * -6 dBFS whatever the drive: louder content is squashed, quieter content is raised, as a saturator
 * with automatic make-up gain does. Dry and wet are mixed (latency aligned) by {@code mixPercent}.
 *
 * @param curve        the transfer curve, default {@link Curve#TANH}
 * @param driveDb      gain into the curve, dB; in [-24, 48]
 * @param mixPercent   wet share, 0 (dry, bit-identical) to 100 (wet); default 100
 * @param oversampling 1, 2, 4 or 8; default 4
 */
public record Saturation(Curve curve, double driveDb, double mixPercent, int oversampling) implements Step {

    /** The -6 dBFS peak whose level the make-up gain keeps (see class comment). */
    public static final double REFERENCE_PEAK = 0.5;
    public static final int DEFAULT_OVERSAMPLING = 4;

    /** Static transfer curves, each with slope 1 at the origin. */
    public enum Curve {
        /**
         * Cubic soft clipper f(x) = x - x^3/3 on [-1, 1], +-2/3 beyond: continuous slope, so harmonics
         * fall off fast (J. O. Smith, Physical Audio Signal Processing, "Cubic Soft Clipper",
         * https://ccrma.stanford.edu/~jos/pasp/Cubic_Soft_Clipper.html).
         */
        SOFT_CLIP {
            @Override
            public double apply(double x) {
                if (x >= 1) {
                    return 2.0 / 3.0;
                }
                if (x <= -1) {
                    return -2.0 / 3.0;
                }
                return x - x * x * x / 3;
            }
        },
        /**
         * f(x) = tanh(x): symmetric, odd harmonics only. (tanh is {@link FdlibmTanh}: StrictMath's bits without
         * its JNI call on JDK 17, here and in TAPE.)
         */
        TANH {
            @Override
            public double apply(double x) {
                return FdlibmTanh.tanh(x);
            }
        },
        /**
         * An asymmetric soft curve, f(x) = tanh(x + b) - tanh(b) with bias b = {@value #TAPE_BIAS}: the
         * biased-tanh static nonlinearity used to model the asymmetric saturation of tape and tube
         * stages (Pakarinen &amp; Yeh, "A review of digital techniques for modeling vacuum-tube guitar
         * amplifiers", Computer Music Journal 33(2), 2009, sec. on static waveshapers). The bias makes
         * the positive side saturate earlier (at 1 - tanh b) than the negative (-1 - tanh b): even
         * harmonics as well as odd. Subtracting tanh(b) keeps f(0) = 0; the DC the asymmetry makes
         * from a signal is removed by a DC blocker after decimation. Slope at 0 is 1 - tanh^2(b) = 0.96,
         * absorbed by the make-up gain. (A static curve: tape hysteresis and bias are not modelled.)
         */
        TAPE {
            @Override
            public double apply(double x) {
                return FdlibmTanh.tanh(x + TAPE_BIAS) - TANH_OF_BIAS;
            }
        };

        /** Bias of the TAPE curve: chosen for a second harmonic about 20 dB under the third when driven. */
        public static final double TAPE_BIAS = 0.2;
        private static final double TANH_OF_BIAS = FdlibmTanh.tanh(TAPE_BIAS);

        public abstract double apply(double x);

        /** Whether the curve is asymmetric and so makes DC from a signal (needs the DC blocker). */
        public boolean makesDc() {
            return this == TAPE;
        }
    }

    public Saturation {
        Objects.requireNonNull(curve, "curve");
        if (!Double.isFinite(driveDb) || driveDb < -24 || driveDb > 48) {
            throw new IllegalArgumentException("driveDb must be in [-24, 48], got " + driveDb);
        }
        if (!Double.isFinite(mixPercent) || mixPercent < 0 || mixPercent > 100) {
            throw new IllegalArgumentException("mixPercent must be in [0, 100], got " + mixPercent);
        }
        UnitMistakes.percentNotRatio("mixPercent", mixPercent, 1);
        if (oversampling != 1 && oversampling != 2 && oversampling != 4 && oversampling != 8) {
            throw new IllegalArgumentException("oversampling must be 1, 2, 4 or 8, got " + oversampling);
        }
    }

    /** Fully wet, 4x oversampled saturation with the given curve and drive. */
    public Saturation(Curve curve, double driveDb) {
        this(curve, driveDb, 100, DEFAULT_OVERSAMPLING);
    }

    public Saturation curve(Curve c) {
        return new Saturation(c, driveDb, mixPercent, oversampling);
    }

    public Saturation driveDb(double db) {
        return new Saturation(curve, db, mixPercent, oversampling);
    }

    public Saturation mixPercent(double percent) {
        return new Saturation(curve, driveDb, percent, oversampling);
    }

    public Saturation oversampling(int factor) {
        return new Saturation(curve, driveDb, mixPercent, factor);
    }

    /** The drive gain G. */
    public double driveGain() {
        return StrictMath.pow(10, driveDb / 20);
    }

    /** The make-up gain a / f_odd(G a) (see class comment). */
    public double makeupGain() {
        double g = driveGain();
        double odd = (curve.apply(g * REFERENCE_PEAK) - curve.apply(-g * REFERENCE_PEAK)) / 2;
        return REFERENCE_PEAK / odd;
    }

    @Override
    public Processor newProcessor() {
        return new SaturationProcessor(this);
    }
}

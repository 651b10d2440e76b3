package org.freshears.demo;

/**
 * What demo mix to generate: sample rate, duration and the seed of its noise and humanisation. The
 * same spec always gives the same bits.
 */
public record DemoMixSpec(int sampleRate, double durationSeconds, long seed, DemoTune tune) {

    /** The seed of the bundled sample; any other seed gives the same song with other noise. */
    public static final long DEFAULT_SEED = 20_240_601L;

    public DemoMixSpec {
        // 22.05 kHz keeps the 5-9 kHz cymbal band below Nyquist; 384 kHz is the highest common WAV rate.
        if (sampleRate < 22_050 || sampleRate > 384_000) {
            throw new IllegalArgumentException("sampleRate must be within [22050, 384000], got " + sampleRate);
        }
        if (!(durationSeconds > 0) || durationSeconds > 3_600) {
            throw new IllegalArgumentException("durationSeconds must be within (0, 3600], got " + durationSeconds);
        }
        java.util.Objects.requireNonNull(tune, "tune");
        if ((long) StrictMath.ceil(durationSeconds * sampleRate) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("durationSeconds x sampleRate must fit in an int, got "
                    + durationSeconds + " s at " + sampleRate + " Hz");
        }
    }

    /** The bundled sample's song ({@link DemoTune#NIGHT_DRIVE}). */
    public DemoMixSpec(int sampleRate, double durationSeconds, long seed) {
        this(sampleRate, durationSeconds, seed, DemoTune.NIGHT_DRIVE);
    }

    /** The seed of the album example's second song. */
    public static final long NEON_RAIN_SEED = 20_261_201L;

    /**
     * The album example's second song (samples/neon-rain.flac): {@link DemoTune#NEON_RAIN}, 48 kHz, 30 s =
     * intro, verse, chorus and outro of a slower song.
     */
    public static DemoMixSpec neonRain() {
        return new DemoMixSpec(48_000, 30.0, NEON_RAIN_SEED, DemoTune.NEON_RAIN);
    }

    /**
     * The bundled sample (samples/demo-mix.wav): 48 kHz, 32 s = intro, one verse, one chorus and an
     * outro, so every planted problem appears once; as 24-bit WAV it stays under 10 MB.
     */
    public static DemoMixSpec sample() {
        return new DemoMixSpec(48_000, 32.0, DEFAULT_SEED);
    }

    /** The benchmark mix: four minutes at 48 kHz (intro, seven verse/chorus pairs, outro). */
    public static DemoMixSpec benchmark() {
        return new DemoMixSpec(48_000, 240.0, DEFAULT_SEED);
    }

    public int frames() {
        return (int) Math.round(durationSeconds * sampleRate);
    }
}

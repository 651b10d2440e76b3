package org.freshears.demo;

import org.freshears.audio.SplitMix64;
import org.freshears.dsp.Biquad;
import org.freshears.dsp.FilterDesign;

/**
 * A crash or ride cymbal after the Roland TR-808: six square-wave oscillators at inharmonic
 * frequencies, summed with some noise and high-passed, so only their dense upper partials remain.
 * The six frequencies (205.3, 304.4, 369.6, 522.7, 540 and 800 Hz) are those of the 808's oscillator
 * bank as measured by Werner, Abel and Smith, "The TR-808 Cymbal: a Physically-Informed,
 * Circuit-Bendable, Digital Model" (ICMC/SMC 2014). The squares are left naive on purpose: their
 * aliases only add more inharmonic partials, which is what a cymbal is.
 */
final class Cymbal implements MonoInstrument {
    private static final double[] TR808_HZ = {205.3, 304.4, 369.6, 522.7, 540.0, 800.0};
    private final double[] steps = new double[TR808_HZ.length];
    private final double[] phases = new double[TR808_HZ.length];
    private final double decay;
    private final double noiseMix;
    private final Biquad highPass;
    private final SplitMix64 noise;
    private double level;

    /**
     * @param pitchScale multiplies the 808 frequencies (a ride sounds higher and more defined)
     * @param decayTauSeconds the ring time constant (a crash rings longer than a ride)
     * @param noiseMix how much noise against the metallic cluster (a crash is washier)
     */
    Cymbal(double sampleRate, long seed, double pitchScale, double decayTauSeconds, double noiseMix) {
        for (int i = 0; i < steps.length; i++) {
            steps[i] = TR808_HZ[i] * pitchScale / sampleRate;
        }
        this.decay = NoteEnvelope.decayPerSample(sampleRate, decayTauSeconds);
        this.noiseMix = noiseMix;
        this.highPass = new Biquad(FilterDesign.highPass(3_000, 0.7071, sampleRate));
        this.noise = new SplitMix64(seed);
    }

    @Override
    public void trigger(NoteEvent note) {
        level = note.velocity();
    }

    @Override
    public void render(double[] out, int frames) {
        for (int i = 0; i < frames && level >= NoteEnvelope.SILENT; i++) {
            double metal = 0;
            for (int k = 0; k < steps.length; k++) {
                phases[k] = Oscillators.advance(phases[k], steps[k]);
                metal += phases[k] < 0.5 ? 1 : -1;
            }
            double raw = metal / steps.length + noiseMix * Oscillators.noise(noise);
            out[i] += level * highPass.process(raw);
            level *= decay;
        }
    }
}

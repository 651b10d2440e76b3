package org.freshears.chain;

import java.util.ArrayList;
import java.util.List;
import org.freshears.dsp.BiquadCoefficients;
import org.freshears.dsp.FilterDesign;

/** Turns an EQ step into the sections a processor actually runs at a rate. */
final class FilterSections {
    private FilterSections() {
    }

    /**
     * The step's sections at the rate, without exact pass-through sections (a 0 dB bell is exactly
     * H = 1 and is dropped, which is what makes it bit-neutral). Design errors (a frequency at or above
     * Nyquist) are reported with the step's settings.
     */
    static List<BiquadCoefficients> active(EqStep step, int sampleRate) {
        List<BiquadCoefficients> all;
        try {
            all = step.sections(sampleRate);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(step + ": " + e.getMessage(), e);
        }
        List<BiquadCoefficients> active = new ArrayList<>(all.size());
        for (BiquadCoefficients c : all) {
            if (!FilterDesign.isPassThrough(c)) {
                active.add(c);
            }
        }
        return active;
    }
}

package org.freshears.demo;

import org.freshears.audio.AudioBuffer;

/** The demo mix with and without its planted equaliser flaws, for tests outside this package. */
public final class DemoMixes {
    private DemoMixes() {
    }

    /** The song mixed flat: no low-mid bell, no harsh cymbal bell (still normalised to its hot peak). */
    public static AudioBuffer flat(DemoMixSpec spec) {
        return DemoMix.generate(spec, MixFlaws.NONE);
    }
}

package org.freshears.findings;

import org.freshears.audio.AudioBuffer;

/** The proof's clean mix, for tests in other packages. */
public final class PlantAccess {
    private PlantAccess() {
    }

    public static AudioBuffer cleanDemo() {
        return Plant.scaleToPeak(org.freshears.demo.DemoMixes.flat(FindingsProofTest.SPEC),
                FindingsProofTest.CLEAN_PEAK_DBFS);
    }
}

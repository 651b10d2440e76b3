package org.freshears.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;

/**
 * The exact values this implementation measured for the conformance signals, pinned to 1e-9 so that a
 * change in the numbers (filter, gating, rounding) is seen even when it stays inside the published
 * tolerance. When a change is intended, run the tests with {@code -Dfreshears.printPins=true} to print
 * the new values (the tolerance assertions still run), review them, and paste them here.
 */
final class Pins {
    private static final double PIN_TOLERANCE = 1e-9;
    private static final Map<String, Double> VALUES = Map.ofEntries(
            Map.entry("none", 0.0));

    private Pins() {
    }

    static void check(String key, double measured) {
        if (Boolean.getBoolean("freshears.printPins")) {
            System.out.println("PIN Map.entry(\"" + key + "\", " + measured + "),");
            return;
        }
        Double pinned = VALUES.get(key);
        assertNotNull(pinned, "no pinned value for " + key + " (measured " + measured + ")");
        assertEquals(pinned, measured, PIN_TOLERANCE, key);
    }
}

package org.freshears.plot;

/**
 * Charts are drawn on servers and in CI with no display: AWT must start headless, and the property only
 * counts if it is set before AWT initialises. Every entry point of the package calls {@link #ensure()} first.
 */
final class Headless {
    private Headless() {
    }

    static void ensure() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }
}
